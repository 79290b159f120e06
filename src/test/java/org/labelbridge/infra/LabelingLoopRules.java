package org.labelbridge.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.funqy.Funq;
import io.smallrye.config.ConfigMapping;
import java.io.IOException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.labelbridge.function.ConversionEvents;
import org.labelbridge.function.EventsConfig;
import org.labelbridge.function.FunctionDescriptor;
import org.labelbridge.function.cvat.CvatWebhook;
import org.labelbridge.function.cvat.CvatWebhookConfig;
import org.labelbridge.function.cvat.CvatWebhookFunction;

/**
 * What infra/labeling_loop.tf must say, as a list of problems: every resource of the loop exists
 * only with {@code var.labeling_loop} (a deployment without CVAT stays as it is); the webhook is
 * the same zip exporting {@code cvat-webhook}, configured by environment variables that
 * {@link CvatWebhookConfig} reads and never by its secrets; its URL is public (authorization
 * NONE: the signature authenticates); its role reads its secret, writes only the export markers
 * and its logs; the convert roles may put events on the default bus and nothing else; the
 * convert functions name the bus only with the loop on; the example rule matches what
 * {@link ConversionEvents} puts and publishes to its topic. hcl4j evaluates conditionals,
 * {@code count} and {@code [0]} wrongly, so those are read in the source text.
 */
final class LabelingLoopRules {

    /** The loop's resources: the generic rules (InfraRules, HardeningRules) leave them to these. */
    private static final Set<String> OWN = Set.of("aws_lambda_function.cvat_webhook", "aws_lambda_function_url.cvat_webhook",
            "aws_lambda_permission.cvat_webhook_url", "aws_cloudwatch_log_group.cvat_webhook", "aws_iam_role.cvat_webhook",
            "aws_iam_role_policy.cvat_webhook", "aws_iam_role_policy.put_events", "aws_secretsmanager_secret.cvat",
            "aws_sns_topic.conversions", "aws_sns_topic_policy.conversions", "aws_cloudwatch_event_rule.conversions",
            "aws_cloudwatch_event_target.conversions", "aws_iam_policy_document.cvat_webhook",
            "aws_iam_policy_document.put_events", "aws_iam_policy_document.conversions_topic");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ON = "var.labeling_loop";

    private final TerraformFiles tf;
    private final List<String> problems = new ArrayList<>();

    private LabelingLoopRules(TerraformFiles tf) {
        this.tf = tf;
    }

    static boolean isOwn(String type, String name) {
        return OWN.contains(type + "." + name);
    }

    /** The resources of a type that are not the loop's. */
    static Set<String> others(TerraformFiles tf, String type) {
        return tf.map("resource", type).keySet().stream().filter(n -> !isOwn(type, n))
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    static List<String> problems(TerraformFiles tf) {
        LabelingLoopRules rules = new LabelingLoopRules(tf);
        rules.check();
        return rules.problems;
    }

    private void check() {
        if (!Boolean.FALSE.equals(tf.at("variable", "labeling_loop", "default"))
                || !source("variable", "labeling_loop").contains("type = bool")) {
            problems.add("variable labeling_loop: must be a bool defaulting to false (a deployment without CVAT stays as it is)");
        }
        for (String own : OWN) {
            String[] typeName = own.split("\\.");
            String kind = typeName[0].equals("aws_iam_policy_document") ? "data" : "resource";
            String text = source(kind, typeName[0], typeName[1]);
            if (text.isEmpty()) {
                problems.add(own + ": missing");
            } else if (!typeName[1].equals("put_events") || kind.equals("resource")) {
                if (!text.startsWith("{ count = " + ON) && !text.startsWith("{ for_each = " + ON)) {
                    problems.add(own + ": must exist only with var.labeling_loop (count or for_each on it first), got "
                            + excerpt(text));
                }
            }
        }
        checkWebhookFunction();
        checkUrl();
        checkWebhookGrants();
        checkEvents();
        checkRule();
        for (String output : List.of("cvat_webhook_url", "cvat_secret_arn", "conversions_topic_arn")) {
            if (tf.at("output", output) == null) {
                problems.add("no output \"" + output + "\"");
            }
        }
    }

    private void checkWebhookFunction() {
        String lambda = source("resource", "aws_lambda_function", "cvat_webhook");
        Map<String, Object> env = tf.map("resource", "aws_lambda_function", "cvat_webhook", "environment", "variables");
        for (String expected : List.of("handler = \"" + InfraRules.HANDLER + "\"", "runtime = \"" + InfraRules.RUNTIME + "\"",
                "architectures = [\"" + String.join("\", \"", InfraRules.ARCHITECTURES) + "\"]",
                "filename = var.lambda_zip", "role = aws_iam_role.cvat_webhook[0].arn",
                "reserved_concurrent_executions = var.cvat_webhook_concurrency",
                "function_name = \"${var.name_prefix}-cvat-webhook\"",
                "LABELBRIDGE_CVAT_SECRET_ID = var.cvat_ssm_parameter == null ? try(aws_secretsmanager_secret.cvat[0].arn, \"\") : var.cvat_ssm_parameter",
                "contains(var.enabled_functions, \"auto-to-${var.cvat_export_target}\")")) {
            if (!lambda.contains(expected)) {
                problems.add("aws_lambda_function.cvat_webhook: needs " + expected);
            }
        }
        if (!funqName(CvatWebhookFunction.class).equals(String.valueOf(env.get("QUARKUS_FUNQY_EXPORT")))) {
            problems.add("aws_lambda_function.cvat_webhook environment: QUARKUS_FUNQY_EXPORT must be "
                    + funqName(CvatWebhookFunction.class) + ", got " + env.get("QUARKUS_FUNQY_EXPORT"));
        }
        String input = inputBucket();
        if (!("aws_s3_bucket." + input + ".bucket").equals(String.valueOf(env.get("LABELBRIDGE_CVAT_BUCKET")))) {
            problems.add("aws_lambda_function.cvat_webhook environment: LABELBRIDGE_CVAT_BUCKET must be the input bucket"
                    + " (aws_s3_bucket." + input + ".bucket), got " + env.get("LABELBRIDGE_CVAT_BUCKET"));
        }
        Set<String> known = settings(CvatWebhookConfig.class);
        for (String name : env.keySet()) {
            if (name.matches(".*(TOKEN|PASSWORD|WEBHOOK_SECRET|CVAT_URL).*")) {
                problems.add("aws_lambda_function.cvat_webhook environment: " + name + " looks like a secret; CVAT's URL,"
                        + " token and webhook secret belong in the secret");
            } else if (name.startsWith("LABELBRIDGE_") && !known.contains(name)) {
                problems.add("aws_lambda_function.cvat_webhook environment: " + name + " is not a setting of "
                        + CvatWebhookConfig.class.getSimpleName() + " " + known);
            }
        }
        for (String required : List.of("LABELBRIDGE_CVAT_SECRET_ID", "LABELBRIDGE_CVAT_BUCKET",
                "LABELBRIDGE_CVAT_CLOUD_STORAGE_ID", "LABELBRIDGE_CVAT_TARGET")) {
            if (!env.containsKey(required)) {
                problems.add("aws_lambda_function.cvat_webhook environment: needs " + required);
            }
        }
        Object target = tf.at("variable", "cvat_export_target", "default");
        try {
            if (FunctionDescriptor.find("auto-to-" + target).isEmpty()) {
                problems.add("variable cvat_export_target: default '" + target + "' has no functions/auto-to-" + target + ".json");
            }
        } catch (IOException e) {
            problems.add("cannot read functions/: " + e.getMessage());
        }
        String logs = source("resource", "aws_cloudwatch_log_group", "cvat_webhook");
        if (!logs.contains("name = \"/aws/lambda/${var.name_prefix}-cvat-webhook\"")
                || !logs.contains("retention_in_days = var.log_retention_days")) {
            problems.add("aws_cloudwatch_log_group.cvat_webhook: must be the function's log group, kept var.log_retention_days");
        }
    }

    /** CVAT cannot sign with SigV4: the URL is public and the function checks X-Signature-256. */
    private void checkUrl() {
        String url = source("resource", "aws_lambda_function_url", "cvat_webhook");
        if (!url.contains("authorization_type = \"NONE\"") || !url.contains("function_name = aws_lambda_function.cvat_webhook[0].function_name")) {
            problems.add("aws_lambda_function_url.cvat_webhook: must be the webhook's, with authorization_type NONE"
                    + " (CVAT cannot sign requests with SigV4; the function checks X-Signature-256)");
        }
        Map<String, Object> permission = tf.map("resource", "aws_lambda_permission", "cvat_webhook_url");
        if (!"lambda:InvokeFunctionUrl".equals(permission.get("action")) || !"*".equals(permission.get("principal"))
                || !"NONE".equals(permission.get("function_url_auth_type"))
                || !source("resource", "aws_lambda_permission", "cvat_webhook_url")
                        .contains("function_name = aws_lambda_function.cvat_webhook[0].function_name")) {
            problems.add("aws_lambda_permission.cvat_webhook_url: must let anyone (*) call the webhook's URL"
                    + " (lambda:InvokeFunctionUrl, function_url_auth_type NONE) and nothing else");
        }
    }

    private void checkWebhookGrants() {
        String policy = source("resource", "aws_iam_role_policy", "cvat_webhook");
        if (!policy.contains("role = aws_iam_role.cvat_webhook[0].id")
                || !policy.contains("policy = data.aws_iam_policy_document.cvat_webhook[0].json")) {
            problems.add("aws_iam_role_policy.cvat_webhook: must put the webhook's document on the webhook's role");
        }
        String input = inputBucket();
        String markers = "aws_s3_bucket." + input + ".arn/" + CvatWebhook.MARKER_PREFIX + "*";
        Map<String, List<String>> allowed = Map.of(
                markers, List.of("s3:PutObject", "s3:DeleteObject"),
                ":*", List.of("logs:CreateLogStream", "logs:PutLogEvents"));
        for (Map<String, Object> s : TerraformFiles.repeated(tf.at("data", "aws_iam_policy_document", "cvat_webhook", "statement"))) {
            if ("ReadCvatSecret".equals(s.get("sid"))) {
                continue; // conditional: in the source below
            }
            for (String resource : texts(s.get("resources"))) {
                for (String action : texts(s.get("actions"))) {
                    if (!allowed.getOrDefault(resource, List.of()).contains(action)) {
                        problems.add("IAM (cvat_webhook): " + action + " on " + resource + " is beyond what the webhook"
                                + " needs (its secret, its markers under " + CvatWebhook.MARKER_PREFIX + ", its logs)");
                    }
                }
            }
        }
        String document = source("data", "aws_iam_policy_document", "cvat_webhook");
        String secret = "actions = var.cvat_ssm_parameter == null ? [\"secretsmanager:GetSecretValue\"] : [\"ssm:GetParameter\"]"
                + " resources = [var.cvat_ssm_parameter == null ? try(aws_secretsmanager_secret.cvat[0].arn, \"\") : format(";
        if (!document.contains(secret) || !document.contains("parameter%s\", data.aws_partition.current.partition, var.region,"
                + " data.aws_caller_identity.current.account_id,")) {
            problems.add("IAM (cvat_webhook): must read exactly its own secret (GetSecretValue on aws_secretsmanager_secret.cvat,"
                    + " or GetParameter on var.cvat_ssm_parameter)");
        }
        if (!document.contains("resources = [\"${try(aws_cloudwatch_log_group.cvat_webhook[0].arn, \"\")}:*\"]")) {
            problems.add("IAM (cvat_webhook): logs only on its own log group");
        }
        if (!document.contains("for_each = var.kms_key_arn == null ? [] : [var.kms_key_arn]")) {
            problems.add("IAM (cvat_webhook): KMS only on var.kms_key_arn, when set");
        }
        String prefix = CvatWebhook.MARKER_PREFIX.substring(0, CvatWebhook.MARKER_PREFIX.indexOf('/'));
        try {
            if (FunctionDescriptor.find(prefix).isPresent()) {
                problems.add("functions/" + prefix + ".json: the webhook's markers would trigger it");
            }
        } catch (IOException e) {
            problems.add("cannot read functions/: " + e.getMessage());
        }
    }

    private void checkEvents() {
        String convert = source("resource", "aws_lambda_function", "convert");
        String bus = settingName(EventsConfig.class, "bus");
        if (!convert.contains(bus + " = var.labeling_loop ? \"default\" : \"none\"")) {
            problems.add("aws_lambda_function.convert: " + bus + " must be \"default\" with the labeling loop and \"none\""
                    + " without (no events, no EventBridge calls)");
        }
        String policy = source("resource", "aws_iam_role_policy", "put_events");
        if (!policy.contains("for_each = var.labeling_loop ? toset(keys(aws_iam_role.convert)) : toset([])")
                || !policy.contains("role = aws_iam_role.convert[each.key].id")
                || !policy.contains("policy = data.aws_iam_policy_document.put_events.json")) {
            problems.add("aws_iam_role_policy.put_events: must give every convert role the put_events document, with the loop on");
        }
        String document = source("data", "aws_iam_policy_document", "put_events");
        List<Map<String, Object>> statements = TerraformFiles.repeated(tf.at("data", "aws_iam_policy_document", "put_events", "statement"));
        if (statements.size() != 1 || !texts(statements.get(0).get("actions")).equals(List.of("events:PutEvents"))
                || !document.contains("resources = [format(\"arn:%s:events:%s:%s:event-bus/default\", data.aws_partition.current.partition, var.region,"
                + " data.aws_caller_identity.current.account_id)]")) {
            problems.add("IAM (put_events): events:PutEvents on this account's default bus only, got " + excerpt(document));
        }
    }

    private void checkRule() {
        Object pattern = tf.at("resource", "aws_cloudwatch_event_rule", "conversions", "event_pattern");
        try {
            JsonNode p = JSON.readTree(String.valueOf(pattern));
            List<String> types = new ArrayList<>();
            p.path("detail-type").forEach(t -> types.add(t.asText()));
            if (!p.path("source").toString().equals("[\"" + ConversionEvents.SOURCE + "\"]")
                    || !new TreeSet<>(types).equals(new TreeSet<>(List.of(ConversionEvents.CONVERTED, ConversionEvents.FAILED)))) {
                problems.add("aws_cloudwatch_event_rule.conversions: must match source " + ConversionEvents.SOURCE + " and"
                        + " the detail-types the function puts, got " + pattern);
            }
        } catch (IOException e) {
            problems.add("aws_cloudwatch_event_rule.conversions: event_pattern is not JSON: " + pattern);
        }
        String target = source("resource", "aws_cloudwatch_event_target", "conversions");
        if (!target.contains("rule = aws_cloudwatch_event_rule.conversions[0].name") || !target.contains("arn = aws_sns_topic.conversions[0].arn")) {
            problems.add("aws_cloudwatch_event_target.conversions: must send the rule's events to the topic");
        }
        String topicPolicy = source("data", "aws_iam_policy_document", "conversions_topic");
        if (!topicPolicy.contains("actions = [\"sns:Publish\"]") || !topicPolicy.contains("identifiers = [\"events.amazonaws.com\"]")
                || !topicPolicy.contains("variable = \"aws:SourceArn\" values = [try(aws_cloudwatch_event_rule.conversions[0].arn, \"\")]")) {
            problems.add("data.aws_iam_policy_document.conversions_topic: EventBridge may publish to the topic for this rule only");
        }
        if (!source("resource", "aws_sns_topic_policy", "conversions").contains("arn = aws_sns_topic.conversions[0].arn")) {
            problems.add("aws_sns_topic_policy.conversions: must be on the topic");
        }
        if (!source("resource", "aws_sns_topic", "conversions").contains("kms_master_key_id = var.kms_key_arn")) {
            problems.add("aws_sns_topic.conversions: encrypted with var.kms_key_arn when given");
        }
    }

    // --- helpers ----------------------------------------------------------------------------------

    private String source(String kind, String type, String name) {
        String text = tf.blockSource(kind, type, name);
        return text == null ? "" : text;
    }

    private String source(String kind, String name) {
        for (String text : tf.texts.values()) {
            var m = java.util.regex.Pattern.compile("(?m)^" + kind + "\\s+\"" + name + "\"\\s*\\{[^}]*}").matcher(text);
            if (m.find()) {
                return m.group().replaceAll("\\s+", " ");
            }
        }
        return "";
    }

    private String inputBucket() {
        for (Object n : tf.map("resource", "aws_s3_bucket_notification").values()) {
            String ref = String.valueOf(((Map<?, ?>) n).get("bucket"));
            if (ref.startsWith("aws_s3_bucket.") && ref.endsWith(".id")) {
                return ref.substring("aws_s3_bucket.".length(), ref.length() - ".id".length());
            }
        }
        return "input";
    }

    /** The environment variable names of a config mapping's settings ({@code labelbridge.cvat.secret-id} -> LABELBRIDGE_CVAT_SECRET_ID). */
    private static Set<String> settings(Class<?> mapping) {
        Set<String> names = new TreeSet<>();
        for (Method m : mapping.getDeclaredMethods()) {
            if (m.getParameterCount() == 0 && !m.isDefault() && !java.lang.reflect.Modifier.isStatic(m.getModifiers())) {
                names.add(settingName(mapping, m.getName()));
            }
        }
        return names;
    }

    private static String settingName(Class<?> mapping, String method) {
        String prefix = mapping.getAnnotation(ConfigMapping.class).prefix();
        String kebab = method.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
        return (prefix + "." + kebab).replaceAll("[.-]", "_").toUpperCase(java.util.Locale.ROOT);
    }

    private static String funqName(Class<?> function) {
        for (Method m : function.getMethods()) {
            Funq funq = m.getAnnotation(Funq.class);
            if (funq != null) {
                return funq.value().isEmpty() ? m.getName() : funq.value();
            }
        }
        throw new IllegalStateException(function + " has no @Funq method");
    }

    private static List<String> texts(Object list) {
        return list instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
    }

    private static String excerpt(String text) {
        return text.length() > 160 ? text.substring(0, 160) + "..." : text;
    }
}

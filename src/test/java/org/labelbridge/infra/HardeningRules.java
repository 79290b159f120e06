package org.labelbridge.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.labelbridge.function.FunctionConfig;

/**
 * What infra/ must say for the deployment to be locked down, as a list of problems: buckets
 * private, encrypted and TLS-only; output versioned, with its incomplete uploads aborted and
 * reports optionally expired, scratch copies expired after a day; one role per function that reads only its own input prefix and
 * writes only its own output prefix, its own log group and the failure queue; log retention; a
 * failure destination; optional reserved concurrency. References read as hcl4j renders them
 * ({@code aws_iam_role.convert.each.key.arn}); what hcl4j evaluates wrongly (conditionals,
 * {@code try}) is checked in the source text, whitespace collapsed.
 */
final class HardeningRules {

    private static final String STATES_ROLE = "states";

    private final TerraformFiles tf;
    private final List<String> problems = new ArrayList<>();

    private HardeningRules(TerraformFiles tf) {
        this.tf = tf;
    }

    static List<String> problems(TerraformFiles tf) {
        HardeningRules rules = new HardeningRules(tf);
        rules.check();
        return rules.problems;
    }

    private void check() {
        Set<String> buckets = tf.map("resource", "aws_s3_bucket").keySet();
        for (String bucket : buckets) {
            checkPublicAccessBlock(bucket);
            checkOwnership(bucket);
            checkEncryption(bucket);
            checkTlsOnly(bucket);
            checkAbortsIncompleteUploads(bucket);
        }
        String output = outputBucket();
        if (output != null) {
            checkVersioning(output);
            checkReportExpiry(output);
            checkScratchExpiry(output);
        }
        checkRoles();
        checkLogGroups();
        checkFailureDestination();
        checkFailureAlarm();
        checkStateMachineLogs();
        checkConcurrencyAndSpace();
    }

    // --- buckets -----------------------------------------------------------------------------

    private void checkPublicAccessBlock(String bucket) {
        Map<String, Object> block = forBucket("aws_s3_bucket_public_access_block", bucket);
        for (String setting : List.of("block_public_acls", "block_public_policy", "ignore_public_acls",
                "restrict_public_buckets")) {
            if (!Boolean.TRUE.equals(block.get(setting))) {
                problems.add("aws_s3_bucket." + bucket + ": public access not blocked: " + setting + " is "
                        + block.get(setting) + ", must be true");
            }
        }
    }

    private void checkOwnership(String bucket) {
        Object ownership = TerraformFiles.repeated(forBucket("aws_s3_bucket_ownership_controls", bucket).get("rule"))
                .stream().map(r -> r.get("object_ownership")).findFirst().orElse(null);
        if (!"BucketOwnerEnforced".equals(ownership)) {
            problems.add("aws_s3_bucket." + bucket + ": ACLs not disabled: object_ownership must be BucketOwnerEnforced,"
                    + " got " + ownership);
        }
    }

    private void checkEncryption(String bucket) {
        String source = sourceForBucket("aws_s3_bucket_server_side_encryption_configuration", bucket);
        if (source == null || !source.contains("sse_algorithm = var.kms_key_arn == null ? \"AES256\" : \"aws:kms\"")
                || !source.contains("kms_master_key_id = var.kms_key_arn")) {
            problems.add("aws_s3_bucket." + bucket + ": not encrypted at rest with SSE-S3 (AES256), or with"
                    + " var.kms_key_arn when one is given: " + source);
        }
    }

    /** A bucket policy over the bucket whose document denies every request without TLS. */
    private void checkTlsOnly(String bucket) {
        boolean covered = false;
        for (Map.Entry<String, Object> policy : tf.map("resource", "aws_s3_bucket_policy").entrySet()) {
            String source = tf.blockSource("resource", "aws_s3_bucket_policy", policy.getKey());
            boolean onBucket = source != null && (source.contains("bucket = aws_s3_bucket." + bucket + ".id")
                    || source.contains("for_each = local.buckets") && source.contains("bucket = each.value.id")
                    && String.valueOf(tf.localSource("buckets")).contains("aws_s3_bucket." + bucket));
            String document = documentOf(policy.getValue());
            if (onBucket && document != null && deniesInsecureTransport(document, bucket)) {
                covered = true;
            }
        }
        if (!covered) {
            problems.add("aws_s3_bucket." + bucket + ": no bucket policy denying requests without TLS"
                    + " (Deny s3:* on the bucket and its objects to * when aws:SecureTransport is false)");
        }
    }

    private boolean deniesInsecureTransport(String document, String bucket) {
        for (Map<String, Object> s : statements(document)) {
            Map<String, Object> condition = TerraformFiles.repeated(s.get("condition")).stream().findFirst().orElse(Map.of());
            Map<String, Object> principals = TerraformFiles.repeated(s.get("principals")).stream().findFirst().orElse(Map.of());
            List<String> resources = texts(s.get("resources"));
            boolean bothLevels = resources.contains("each.value.arn") && resources.contains("each.value.arn/*")
                    || resources.contains("aws_s3_bucket." + bucket + ".arn")
                    && resources.contains("aws_s3_bucket." + bucket + ".arn/*");
            if ("Deny".equals(s.get("effect")) && texts(s.get("actions")).contains("s3:*") && bothLevels
                    && texts(principals.get("identifiers")).equals(List.of("*"))
                    && "Bool".equals(condition.get("test")) && "aws:SecureTransport".equals(condition.get("variable"))
                    && texts(condition.get("values")).equals(List.of("false"))) {
                return true;
            }
        }
        return false;
    }

    private void checkAbortsIncompleteUploads(String bucket) {
        boolean aborts = TerraformFiles.repeated(forBucket("aws_s3_bucket_lifecycle_configuration", bucket).get("rule"))
                .stream().anyMatch(r -> "Enabled".equals(r.get("status"))
                        && r.get("abort_incomplete_multipart_upload") instanceof Map<?, ?> a
                        && a.get("days_after_initiation") instanceof Number days && days.intValue() >= 1);
        if (!aborts) {
            problems.add("aws_s3_bucket." + bucket + ": no lifecycle rule aborting incomplete multipart uploads");
        }
    }

    private void checkVersioning(String output) {
        Object status = forBucket("aws_s3_bucket_versioning", output).get("versioning_configuration") instanceof Map<?, ?> v
                ? v.get("status") : null;
        if (!"Enabled".equals(status)) {
            problems.add("aws_s3_bucket." + output + " (the output bucket): versioning must be Enabled, got " + status);
        }
        String lifecycle = sourceForBucket("aws_s3_bucket_lifecycle_configuration", output);
        if (lifecycle == null || !lifecycle.contains("noncurrent_days = var.noncurrent_version_expiration_days")) {
            problems.add("aws_s3_bucket." + output + ": old versions must expire after var.noncurrent_version_expiration_days");
        }
    }

    /** Optional: a rule, there only when var.report_expiration_days is set, on the tag reports carry. */
    private void checkReportExpiry(String output) {
        String lifecycle = sourceForBucket("aws_s3_bucket_lifecycle_configuration", output);
        String[] tag = FunctionConfig.REPORT_TAGGING.split("=");
        boolean ok = lifecycle != null
                && lifecycle.contains("dynamic \"rule\" { for_each = var.report_expiration_days == null ? [] :"
                + " [var.report_expiration_days]")
                && lifecycle.contains("tag { key = \"" + tag[0] + "\" value = \"" + tag[1] + "\" }")
                && lifecycle.contains("expiration { days = rule.value }");
        if (!ok) {
            problems.add("aws_s3_bucket." + output + ": no optional rule expiring reports (tag " + FunctionConfig.REPORT_TAGGING
                    + ") after var.report_expiration_days");
        }
        if (!tf.map("variable", "report_expiration_days").containsKey("default")
                || tf.at("variable", "report_expiration_days", "default") != null) {
            problems.add("variable report_expiration_days: must default to null (reports kept unless asked)");
        }
    }

    /** Always: a rule expiring scratch copies (tag, and their old versions) a killed function left, after a day. */
    private void checkScratchExpiry(String output) {
        String[] tag = FunctionConfig.SCRATCH_TAGGING.split("=");
        boolean ok = TerraformFiles.repeated(forBucket("aws_s3_bucket_lifecycle_configuration", output).get("rule"))
                .stream().anyMatch(r -> "Enabled".equals(r.get("status"))
                        && r.get("filter") instanceof Map<?, ?> filter && filter.get("tag") instanceof Map<?, ?> t
                        && tag[0].equals(t.get("key")) && tag[1].equals(t.get("value"))
                        && r.get("expiration") instanceof Map<?, ?> e && e.get("days") instanceof Number days
                        && days.intValue() == 1
                        && r.get("noncurrent_version_expiration") instanceof Map<?, ?> n
                        && n.get("noncurrent_days") instanceof Number old && old.intValue() == 1);
        if (!ok) {
            problems.add("aws_s3_bucket." + output + ": no rule expiring scratch copies (tag " + FunctionConfig.SCRATCH_TAGGING
                    + ") and their old versions after 1 day");
        }
    }

    // --- the functions' roles ----------------------------------------------------------------------

    private void checkRoles() {
        String lambda = single("aws_lambda_function");
        String role = named("aws_iam_role", "convert");
        checkOtherRoles(role);
        if (lambda == null || role == null) {
            return;
        }
        Object lambdaRole = tf.at("resource", "aws_lambda_function", lambda, "role");
        if (!("aws_iam_role." + role + ".each.key.arn").equals(String.valueOf(lambdaRole))) {
            problems.add("aws_lambda_function." + lambda + ": role must be aws_iam_role." + role + "[each.key] (one role"
                    + " per function), got " + lambdaRole);
        }
        if (!String.valueOf(tf.blockSource("resource", "aws_iam_role", role)).contains("for_each = local.functions")) {
            problems.add("aws_iam_role." + role + ": for_each must be local.functions (one role per function)");
        }
        if (!tf.map("resource", "aws_iam_role_policy_attachment").isEmpty()) {
            problems.add("aws_iam_role_policy_attachment: managed policies grant beyond the function's prefixes");
        }
        String document = null;
        for (Map.Entry<String, Object> policy : tf.map("resource", "aws_iam_role_policy").entrySet()) {
            Map<?, ?> p = (Map<?, ?>) policy.getValue();
            if (LabelingLoopRules.isOwn("aws_iam_role_policy", policy.getKey())) {
                continue; // LabelingLoopRules
            }
            if (!("aws_iam_role." + role + ".each.key.id").equals(String.valueOf(p.get("role")))) {
                continue;
            }
            String d = documentOf(p);
            if (document != null && d != null && !d.equals(document)) {
                problems.add("aws_iam_role." + role + ": more than one inline policy");
            }
            document = d;
            if (!String.valueOf(p.get("policy")).equals("data.aws_iam_policy_document." + d + ".each.key.json")) {
                problems.add("aws_iam_role_policy." + policy.getKey() + ": policy must be the function's own document"
                        + " (data.aws_iam_policy_document." + d + "[each.key].json)");
            }
        }
        if (document == null) {
            problems.add("aws_iam_role." + role + ": no inline policy (aws_iam_role_policy)");
            return;
        }
        if (!String.valueOf(tf.blockSource("data", "aws_iam_policy_document", document)).contains("for_each = local.functions")) {
            problems.add("data.aws_iam_policy_document." + document + ": for_each must be local.functions");
        }
        checkGrants(document);
    }

    /**
     * Besides the functions' roles only the state machines' role may exist, and besides each
     * function's own policy only two more: the state machine function's step-functions/ prefixes,
     * and the state machines' own (list the input, write under step-functions/ in the output).
     */
    private void checkOtherRoles(String functionRole) {
        for (String other : tf.map("resource", "aws_iam_role").keySet()) {
            if (!other.equals(functionRole) && !other.equals(STATES_ROLE) && !LabelingLoopRules.isOwn("aws_iam_role", other)) {
                problems.add("aws_iam_role." + other + ": unexpected role (only the functions' and the state machines')");
            }
        }
        String input = inputBucket();
        String output = outputBucket();
        String write = "s3:PutObject s3:PutObjectTagging s3:GetObject s3:DeleteObject s3:AbortMultipartUpload";
        for (Map.Entry<String, Object> policy : tf.map("resource", "aws_iam_role_policy").entrySet()) {
            if (LabelingLoopRules.isOwn("aws_iam_role_policy", policy.getKey())) {
                continue; // LabelingLoopRules
            }
            Map<?, ?> p = (Map<?, ?>) policy.getValue();
            String role = String.valueOf(p.get("role"));
            String document = documentOf(p);
            if (role.equals("aws_iam_role." + functionRole + ".each.key.id")) {
                continue; // checkRoles
            }
            Map<String, String> allowed;
            // hcl4j reads try() as null: the step functions' policy is told by its text.
            String source = String.valueOf(tf.blockSource("resource", "aws_iam_role_policy", policy.getKey()));
            if (source.contains("role = try(aws_iam_role." + functionRole + "[local.state_machine_function].id, null)")) {
                allowed = Map.of("aws_s3_bucket." + input + ".arn/step-functions/*", "s3:GetObject",
                        "aws_s3_bucket." + output + ".arn/step-functions/results/*", write);
            } else if (role.equals("aws_iam_role." + STATES_ROLE + ".id")) {
                allowed = Map.of("aws_s3_bucket." + input + ".arn", "s3:ListBucket",
                        "aws_s3_bucket." + output + ".arn/step-functions/*",
                        "s3:PutObject s3:GetObject s3:ListMultipartUploadParts s3:AbortMultipartUpload");
            } else {
                problems.add("aws_iam_role_policy." + policy.getKey() + ": unexpected policy on " + role);
                continue;
            }
            for (Map<String, Object> s : document == null ? List.<Map<String, Object>>of() : statements(document)) {
                for (String action : texts(s.get("actions"))) {
                    if (!action.startsWith("s3:")) {
                        continue; // the state machines' lambda: and states: grants name no bucket
                    }
                    for (String resource : texts(s.get("resources"))) {
                        String actions = allowed.get(resource);
                        if (actions == null || !List.of(actions.split(" ")).contains(action)) {
                            problems.add("IAM (" + policy.getKey() + "): " + action + " on " + resource
                                    + " is beyond the step-functions/ prefixes");
                        }
                    }
                }
            }
        }
    }

    /** Every statement on the function's own prefixes, log group, queue or key; nothing else, no wildcard actions. */
    private void checkGrants(String document) {
        String input = inputBucket();
        String output = outputBucket();
        String logGroup = functionLogGroup(false);
        String queue = singleQuietly("aws_sqs_queue");
        String ownInput = "aws_s3_bucket." + input + ".arn/each.key/*";
        String ownOutput = "aws_s3_bucket." + output + ".arn/each.key/*";
        String ownLogs = "aws_cloudwatch_log_group." + logGroup + ".each.key.arn:*";
        String failures = "aws_sqs_queue." + queue + ".arn";
        Map<String, List<String>> allowed = Map.of(
                ownInput, List.of("s3:GetObject"),
                ownOutput, List.of("s3:PutObject", "s3:PutObjectTagging", "s3:GetObject", "s3:DeleteObject",
                        "s3:AbortMultipartUpload"),
                ownLogs, List.of("logs:CreateLogStream", "logs:PutLogEvents"),
                failures, List.of("sqs:SendMessage"));
        List<String> granted = new ArrayList<>();
        for (Map<String, Object> s : statements(document)) {
            if (!"Allow".equals(s.getOrDefault("effect", "Allow"))) {
                continue;
            }
            for (String resource : texts(s.get("resources"))) {
                List<String> actions = allowed.get(resource);
                for (String action : texts(s.get("actions"))) {
                    if (actions == null || !actions.contains(action)) {
                        problems.add("IAM: " + action + " on " + resource + " is beyond what a function needs"
                                + " (its own input prefix to read, its own output prefix to write, its logs, the"
                                + " failure queue)");
                    }
                    granted.add(action + " " + resource);
                }
            }
            if (s.containsKey("not_actions") || s.containsKey("not_resources")) {
                problems.add("IAM: NotAction/NotResource grants everything else");
            }
        }
        for (String needed : List.of("s3:GetObject " + ownInput, "s3:PutObject " + ownOutput,
                "s3:DeleteObject " + ownOutput, "s3:AbortMultipartUpload " + ownOutput,
                "s3:PutObjectTagging " + ownOutput, "s3:GetObject " + ownOutput, "logs:PutLogEvents " + ownLogs, "sqs:SendMessage " + failures)) {
            if (!granted.contains(needed)) {
                problems.add("IAM: the function needs " + needed);
            }
        }
        Map<String, Object> kms = tf.map("data", "aws_iam_policy_document", document, "dynamic", "statement");
        String kmsSource = String.valueOf(tf.blockSource("data", "aws_iam_policy_document", document));
        boolean kmsOk = kmsSource.contains("for_each = var.kms_key_arn == null ? [] : [var.kms_key_arn]")
                && kms.get("content") instanceof Map<?, ?> content
                && texts(content.get("resources")).equals(List.of("statement.value"))
                && texts(content.get("actions")).equals(List.of("kms:Decrypt", "kms:GenerateDataKey"));
        if (!kmsOk) {
            problems.add("IAM: kms:Decrypt and kms:GenerateDataKey must be granted on var.kms_key_arn only, and only when set");
        }
    }

    /**
     * The functions' log group: the one made for each function (the state machines have one of
     * their own), or null (and, if {@code report}, a problem).
     */
    private String functionLogGroup(boolean report) {
        List<String> groups = tf.map("resource", "aws_cloudwatch_log_group").keySet().stream()
                .filter(g -> String.valueOf(tf.blockSource("resource", "aws_cloudwatch_log_group", g))
                        .contains("for_each = local.functions"))
                .toList();
        if (groups.size() != 1) {
            if (report) {
                problems.add("expected exactly one aws_cloudwatch_log_group for each function, found " + groups);
            }
            return null;
        }
        return groups.get(0);
    }

    private void checkLogGroups() {
        String group = functionLogGroup(true);
        if (group == null) {
            return;
        }
        Map<String, Object> logs = tf.map("resource", "aws_cloudwatch_log_group", group);
        if (!"var.log_retention_days".equals(String.valueOf(logs.get("retention_in_days")))) {
            problems.add("aws_cloudwatch_log_group." + group + ": retention_in_days must be var.log_retention_days, got "
                    + logs.get("retention_in_days"));
        }
        if (!(tf.at("variable", "log_retention_days", "default") instanceof Number days) || days.intValue() <= 0) {
            problems.add("variable log_retention_days: needs a positive default (logs are not kept forever)");
        }
        String lambda = singleQuietly("aws_lambda_function");
        String name = String.valueOf(logs.get("name"));
        Object functionName = lambda == null ? null : tf.at("resource", "aws_lambda_function", lambda, "function_name");
        if (!name.equals("/aws/lambda/" + functionName)) {
            problems.add("aws_cloudwatch_log_group." + group + ": name " + name + " is not the function's log group"
                    + " /aws/lambda/" + functionName);
        }
    }

    private void checkFailureDestination() {
        String queue = single("aws_sqs_queue");
        String config = single("aws_lambda_function_event_invoke_config");
        if (queue == null || config == null) {
            return;
        }
        String queueSource = String.valueOf(tf.blockSource("resource", "aws_sqs_queue", queue));
        // sqs_managed_sse_enabled beside kms_master_key_id is refused by the provider: null when a key is given.
        if (!queueSource.contains("sqs_managed_sse_enabled = var.kms_key_arn == null ? true : null")
                || !queueSource.contains("kms_master_key_id = var.kms_key_arn")) {
            problems.add("aws_sqs_queue." + queue + ": not encrypted at rest (SQS-managed, or var.kms_key_arn)");
        }
        String where = "aws_lambda_function_event_invoke_config." + config;
        if (!String.valueOf(tf.blockSource("resource", "aws_lambda_function_event_invoke_config", config))
                .contains("for_each = local.functions")) {
            problems.add(where + ": for_each must be local.functions (every function)");
        }
        Object destination = tf.at("resource", "aws_lambda_function_event_invoke_config", config, "destination_config",
                "on_failure", "destination");
        if (!("aws_sqs_queue." + queue + ".arn").equals(String.valueOf(destination))) {
            problems.add(where + ": on_failure destination must be aws_sqs_queue." + queue + ".arn, got " + destination);
        }
        String lambda = singleQuietly("aws_lambda_function");
        Object function = tf.at("resource", "aws_lambda_function_event_invoke_config", config, "function_name");
        if (lambda != null && !("aws_lambda_function." + lambda + ".each.key.function_name").equals(String.valueOf(function))) {
            problems.add(where + ": function_name must be aws_lambda_function." + lambda + "[each.key]'s, got " + function);
        }
        String alias = singleQuietly("aws_lambda_alias");
        Object qualifier = tf.at("resource", "aws_lambda_function_event_invoke_config", config, "qualifier");
        if (alias != null && !("aws_lambda_alias." + alias + ".each.key.name").equals(String.valueOf(qualifier))) {
            problems.add(where + ": qualifier must be aws_lambda_alias." + alias + "[each.key]'s name (S3 invokes the"
                    + " alias), got " + qualifier);
        }
        // S3's errors are retried inside the function; another run of a bad input fails the same way.
        Object retries = tf.at("resource", "aws_lambda_function_event_invoke_config", config, "maximum_retry_attempts");
        if (!(retries instanceof Number n) || n.intValue() != 0) {
            problems.add(where + ": maximum_retry_attempts must be 0 (a deterministic failure fails again), got " + retries);
        }
    }

    /** Someone hears of a failed S3-triggered conversion: an alarm on the failure queue's first message. */
    private void checkFailureAlarm() {
        String queue = singleQuietly("aws_sqs_queue");
        if (queue == null) {
            return;
        }
        boolean watched = tf.map("resource", "aws_cloudwatch_metric_alarm").keySet().stream().anyMatch(alarm -> {
            String source = String.valueOf(tf.blockSource("resource", "aws_cloudwatch_metric_alarm", alarm));
            return source.contains("namespace = \"AWS/SQS\"")
                    && source.contains("metric_name = \"ApproximateNumberOfMessagesVisible\"")
                    && source.contains("QueueName = aws_sqs_queue." + queue + ".name")
                    && source.contains("threshold = 0") && source.contains("comparison_operator = \"GreaterThanThreshold\"")
                    && source.contains("alarm_actions = var.failure_alarm_actions");
        });
        if (!watched) {
            problems.add("aws_sqs_queue." + queue + ": no alarm on its first message (ApproximateNumberOfMessagesVisible > 0,"
                    + " alarm_actions = var.failure_alarm_actions)");
        }
    }

    /** Every state machine logs its failures to a log group kept var.log_retention_days. */
    private void checkStateMachineLogs() {
        for (String machine : tf.map("resource", "aws_sfn_state_machine").keySet()) {
            Map<String, Object> logging = tf.map("resource", "aws_sfn_state_machine", machine, "logging_configuration");
            String destination = String.valueOf(logging.get("log_destination"));
            String group = destination.startsWith("aws_cloudwatch_log_group.") ? destination.split("\\.")[1] : null;
            Object level = logging.get("level");
            if (group == null || !List.of("ERROR", "ALL", "FATAL").contains(String.valueOf(level))) {
                problems.add("aws_sfn_state_machine." + machine + ": no logging_configuration to a log group (level ERROR"
                        + " or more), got " + logging);
            } else if (!String.valueOf(tf.blockSource("resource", "aws_cloudwatch_log_group", group))
                    .contains("retention_in_days = var.log_retention_days")) {
                // (read as text: hcl4j resolves var. only in the file that declares the variable)
                problems.add("aws_cloudwatch_log_group." + group + ": retention_in_days must be var.log_retention_days");
            }
        }
    }

    private void checkConcurrencyAndSpace() {
        String lambda = singleQuietly("aws_lambda_function");
        if (lambda == null) {
            return;
        }
        Object reserved = tf.at("resource", "aws_lambda_function", lambda, "reserved_concurrent_executions");
        if (!"var.reserved_concurrency".equals(String.valueOf(reserved))) {
            problems.add("aws_lambda_function." + lambda + ": reserved_concurrent_executions must be var.reserved_concurrency,"
                    + " got " + reserved);
        }
        if (!(tf.at("variable", "reserved_concurrency", "default") instanceof Number n) || n.intValue() != -1) {
            problems.add("variable reserved_concurrency: must default to -1 (optional: nothing reserved)");
        }
        String source = String.valueOf(tf.blockSource("resource", "aws_lambda_function", lambda));
        String storage = "try(each.value.ephemeral_storage_mb, var.ephemeral_storage_mb)";
        if (!source.contains("size = " + storage)) {
            problems.add("aws_lambda_function." + lambda + ": ephemeral_storage's size must be " + storage);
        }
    }

    // --- helpers -------------------------------------------------------------------------------------

    /** The only resource of this type, named {@code name} when given, or null (and a problem). */
    private String single(String type, String... name) {
        Set<String> names = LabelingLoopRules.others(tf, type);
        if (names.size() != 1 || name.length == 1 && !names.contains(name[0])) {
            problems.add("expected exactly one " + type + " resource" + (name.length == 1 ? " named " + name[0] : "")
                    + ", found " + names);
            return null;
        }
        return names.iterator().next();
    }

    /** The resource of this type with this name, or null (and a problem). */
    private String named(String type, String name) {
        if (!tf.map("resource", type).containsKey(name)) {
            problems.add("expected a " + type + " resource named " + name + ", found " + tf.map("resource", type).keySet());
            return null;
        }
        return name;
    }

    private String singleQuietly(String type) {
        Set<String> names = LabelingLoopRules.others(tf, type);
        return names.size() == 1 ? names.iterator().next() : null;
    }

    /** The resource of this type whose {@code bucket} is the bucket's id (an empty map when none). */
    private Map<String, Object> forBucket(String type, String bucket) {
        for (Object block : tf.map("resource", type).values()) {
            if (block instanceof Map<?, ?> m && ("aws_s3_bucket." + bucket + ".id").equals(String.valueOf(m.get("bucket")))) {
                @SuppressWarnings("unchecked")
                Map<String, Object> typed = (Map<String, Object>) m;
                return typed;
            }
        }
        return Map.of();
    }

    private String sourceForBucket(String type, String bucket) {
        for (Map.Entry<String, Object> e : tf.map("resource", type).entrySet()) {
            if (e.getValue() instanceof Map<?, ?> m
                    && ("aws_s3_bucket." + bucket + ".id").equals(String.valueOf(m.get("bucket")))) {
                return tf.blockSource("resource", type, e.getKey());
            }
        }
        return null;
    }

    /** The name of the policy document a {@code policy = data.aws_iam_policy_document.X...json} refers to. */
    private static String documentOf(Object block) {
        String policy = block instanceof Map<?, ?> m ? String.valueOf(m.get("policy")) : "";
        String prefix = "data.aws_iam_policy_document.";
        if (!policy.startsWith(prefix)) {
            return null;
        }
        String rest = policy.substring(prefix.length());
        return rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest;
    }

    private List<Map<String, Object>> statements(String document) {
        return TerraformFiles.repeated(tf.at("data", "aws_iam_policy_document", document, "statement"));
    }

    private String outputBucket() {
        String lambda = singleQuietly("aws_lambda_function");
        Object ref = lambda == null ? null
                : tf.at("resource", "aws_lambda_function", lambda, "environment", "variables", "LABELBRIDGE_OUTPUT_BUCKET");
        return bucketOf(ref);
    }

    private String inputBucket() {
        String notification = singleQuietly("aws_s3_bucket_notification");
        return notification == null ? null
                : bucketOf(tf.at("resource", "aws_s3_bucket_notification", notification, "bucket"));
    }

    private String bucketOf(Object reference) {
        for (String bucket : tf.map("resource", "aws_s3_bucket").keySet()) {
            String ref = String.valueOf(reference);
            if (ref.equals("aws_s3_bucket." + bucket + ".id") || ref.equals("aws_s3_bucket." + bucket + ".bucket")) {
                return bucket;
            }
        }
        return null;
    }

    private static List<String> texts(Object list) {
        return list instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
    }
}

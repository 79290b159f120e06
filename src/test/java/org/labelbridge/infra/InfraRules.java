package org.labelbridge.infra;

import io.quarkus.funqy.Funq;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.labelbridge.function.ConvertFunction;

/**
 * What infra/ must say for the functions to work, as a list of problems. References read as
 * hcl4j renders them (see {@link TerraformFiles}): {@code aws_s3_bucket.input.arn},
 * {@code each.key}, {@code "${lambda_function.key}/"} as {@code lambda_function.key/}.
 */
final class InfraRules {

    static final String HANDLER = "org.labelbridge.function.ConvertHandler::handleRequest";
    /** java17 runs on Amazon Linux 2, out of support since 2026-06-30. */
    static final String RUNTIME = "java21";
    static final List<String> ARCHITECTURES = List.of("arm64");
    /** SnapStart's ceiling, and Lambda's floor. */
    static final int EPHEMERAL_STORAGE_MB = 512;
    static final String ZIP = "../target/function.zip";

    private final TerraformFiles tf;
    private final Set<String> descriptorNames;
    private final String infraReadme;
    private final List<String> problems = new ArrayList<>();

    private InfraRules(TerraformFiles tf, Set<String> descriptorNames, String infraReadme) {
        this.tf = tf;
        this.descriptorNames = descriptorNames;
        this.infraReadme = infraReadme;
    }

    static List<String> problems(TerraformFiles tf, Set<String> descriptorNames, String infraReadme) {
        InfraRules rules = new InfraRules(tf, descriptorNames, infraReadme);
        rules.check();
        return rules.problems;
    }

    private void check() {
        Object functions = tf.at("locals", "functions");
        if (functions == null) {
            problems.add("locals: no 'functions' (the enabled descriptors)");
        }
        checkDescriptorsAreRead();

        String lambdaName = single("aws_lambda_function");
        String bucketsOutput = null;
        if (lambdaName != null) {
            Map<String, Object> lambda = tf.map("resource", "aws_lambda_function", lambdaName);
            if (functions == null || lambda.get("for_each") != functions) {
                problems.add("aws_lambda_function." + lambdaName + ": for_each must be local.functions");
            }
            expect(lambda, "handler", HANDLER, "aws_lambda_function." + lambdaName);
            expect(lambda, "runtime", RUNTIME, "aws_lambda_function." + lambdaName);
            expect(lambda, "filename", "var.lambda_zip", "aws_lambda_function." + lambdaName);
            expect(lambda, "memory_size", "each.value.memory_mb", "aws_lambda_function." + lambdaName);
            expect(lambda, "timeout", "each.value.timeout_s", "aws_lambda_function." + lambdaName);
            checkSnapStart(lambdaName, lambda, functions);
            // hcl4j cannot evaluate try(): read its text.
            if (!String.valueOf(tf.blockSource("resource", "aws_lambda_function", lambdaName)).contains(
                    "ephemeral_storage { size = try(each.value.ephemeral_storage_mb, var.ephemeral_storage_mb) }")) {
                problems.add("aws_lambda_function." + lambdaName + ": ephemeral_storage size must be the descriptor's"
                        + " ephemeral_storage_mb, else var.ephemeral_storage_mb");
            }
            Map<String, Object> env = tf.map("resource", "aws_lambda_function", lambdaName, "environment", "variables");
            expect(env, "LABELBRIDGE_FUNCTION", "each.key", "aws_lambda_function." + lambdaName + " environment");
            expect(env, "QUARKUS_FUNQY_EXPORT", funqName(), "aws_lambda_function." + lambdaName + " environment");
            bucketsOutput = bucketOf(env.get("LABELBRIDGE_OUTPUT_BUCKET"));
            if (bucketsOutput == null) {
                problems.add("aws_lambda_function." + lambdaName + " environment: LABELBRIDGE_OUTPUT_BUCKET must be an"
                        + " aws_s3_bucket's name, got " + env.get("LABELBRIDGE_OUTPUT_BUCKET"));
            }
            checkHandlerExists();
        }

        String alias = singleQuietly("aws_lambda_alias");
        String input = checkNotification(functions, lambdaName, alias, bucketsOutput);
        checkPermission(functions, lambdaName, alias, input);
        checkIam(input, bucketsOutput);
        checkVariables();
        if (tf.at("provider", "aws") == null) {
            problems.add("no provider \"aws\" block");
        }
        for (String output : List.of("input_bucket", "output_bucket")) {
            if (tf.at("output", output) == null) {
                problems.add("no output \"" + output + "\"");
            }
        }
    }

    /** hcl4j cannot show for expressions, so their text is checked; fileset's arguments are recorded. */
    private void checkDescriptorsAreRead() {
        List<Object> expectedFileset = List.of("path.module/../functions", "*.json");
        if (!tf.filesetCalls.contains(expectedFileset)) {
            problems.add("locals: descriptor_files must be fileset(\"${path.module}/../functions\", \"*.json\"), fileset calls: "
                    + tf.filesetCalls);
        }
        String descriptors = tf.localSource("descriptors");
        if (descriptors == null || !descriptors.contains("for f in local.descriptor_files")
                || !descriptors.contains("trimsuffix(f, \".json\") =>")
                || !descriptors.contains("jsondecode(file(format(\"%s/../functions/%s\", path.module, f)))")) {
            problems.add("locals: descriptors must map each functions/*.json, by name without .json, to its"
                    + " jsondecode'd content; it is: " + descriptors);
        }
        String functions = tf.localSource("functions");
        if (functions == null || !functions.contains("in local.descriptors")
                || !functions.contains("var.enabled_functions")) {
            problems.add("locals: functions must be the descriptors selected by var.enabled_functions; it is: " + functions);
        }
    }

    /**
     * Java 21 on arm64 (the package is pure Java), SnapStart on published versions, one alias per
     * function following the latest version, and no more ephemeral storage than SnapStart allows.
     */
    private void checkSnapStart(String lambdaName, Map<String, Object> lambda, Object functions) {
        String where = "aws_lambda_function." + lambdaName;
        expect(lambda, "architectures", ARCHITECTURES, where);
        expect(lambda, "publish", true, where + " (SnapStart snapshots published versions only)");
        expect(tf.map("resource", "aws_lambda_function", lambdaName, "snap_start"), "apply_on", "PublishedVersions",
                where + " snap_start");
        Object storage = tf.at("variable", "ephemeral_storage_mb", "default");
        if (!(storage instanceof Number n) || n.intValue() != EPHEMERAL_STORAGE_MB) {
            problems.add("variable ephemeral_storage_mb: default must be " + EPHEMERAL_STORAGE_MB
                    + " (SnapStart allows no more), got " + storage);
        }
        String alias = single("aws_lambda_alias");
        if (alias == null) {
            return;
        }
        Map<String, Object> block = tf.map("resource", "aws_lambda_alias", alias);
        if (functions == null || block.get("for_each") != functions) {
            problems.add("aws_lambda_alias." + alias + ": for_each must be local.functions (one alias per function)");
        }
        expect(block, "function_name", "aws_lambda_function." + lambdaName + ".each.key.function_name",
                "aws_lambda_alias." + alias);
        expect(block, "function_version", "aws_lambda_function." + lambdaName + ".each.key.version",
                "aws_lambda_alias." + alias + " (the version SnapStart published)");
    }

    private String checkNotification(Object functions, String lambdaName, String alias, String outputBucket) {
        String name = single("aws_s3_bucket_notification");
        if (name == null) {
            return null;
        }
        String where = "aws_s3_bucket_notification." + name;
        Map<String, Object> notification = tf.map("resource", "aws_s3_bucket_notification", name);
        String bucket = bucketOf(notification.get("bucket"));
        if (bucket == null) {
            problems.add(where + ": bucket must be an aws_s3_bucket, got " + notification.get("bucket"));
        } else if (bucket.equals(outputBucket)) {
            problems.add(where + ": is on the output bucket '" + bucket + "', which must never trigger anything");
        }
        Map<String, Object> dynamic = tf.map("resource", "aws_s3_bucket_notification", name, "dynamic", "lambda_function");
        if (dynamic.isEmpty()) {
            problems.add(where + ": needs a dynamic \"lambda_function\" block, one per function");
            return bucket;
        }
        if (functions == null || dynamic.get("for_each") != functions) {
            problems.add(where + ": dynamic lambda_function for_each must be local.functions");
        }
        Map<String, Object> content = tf.map("resource", "aws_s3_bucket_notification", name, "dynamic", "lambda_function", "content");
        expect(content, "filter_prefix", "lambda_function.key/", where + " lambda_function");
        if (alias != null) {
            expect(content, "lambda_function_arn", "aws_lambda_alias." + alias + ".lambda_function.key.arn",
                    where + " lambda_function (the alias: SnapStart serves published versions only)");
        }
        if (!texts(content.get("events")).contains("s3:ObjectCreated:*")) {
            problems.add(where + " lambda_function: events must include s3:ObjectCreated:*, got " + content.get("events"));
        }
        String permission = singleQuietly("aws_lambda_permission");
        if (permission != null && !texts(notification.get("depends_on")).contains("aws_lambda_permission." + permission)) {
            problems.add(where + ": must depend_on aws_lambda_permission." + permission
                    + " (S3 checks it can invoke each function)");
        }
        return bucket;
    }

    private void checkPermission(Object functions, String lambdaName, String alias, String inputBucket) {
        String name = single("aws_lambda_permission");
        if (name == null) {
            return;
        }
        String where = "aws_lambda_permission." + name;
        Map<String, Object> permission = tf.map("resource", "aws_lambda_permission", name);
        if (functions == null || permission.get("for_each") != functions) {
            problems.add(where + ": for_each must be local.functions (one permission per function)");
        }
        expect(permission, "principal", "s3.amazonaws.com", where);
        expect(permission, "action", "lambda:InvokeFunction", where);
        if (inputBucket != null) {
            expect(permission, "source_arn", "aws_s3_bucket." + inputBucket + ".arn", where);
        }
        if (alias != null) {
            expect(permission, "qualifier", "aws_lambda_alias." + alias + ".each.key.name",
                    where + " (S3 invokes the alias)");
        }
        if (permission.get("source_account") == null) {
            problems.add(where + ": needs source_account");
        }
        if (lambdaName != null && !String.valueOf(permission.get("function_name"))
                .startsWith("aws_lambda_function." + lambdaName + ".each.key.")) {
            problems.add(where + ": function_name must be aws_lambda_function." + lambdaName + "[each.key]'s, got "
                    + permission.get("function_name"));
        }
    }

    /** Read the input bucket, write the output bucket, and never write the input bucket. */
    private void checkIam(String inputBucket, String outputBucket) {
        List<Map<String, Object>> statements = new ArrayList<>();
        tf.map("data", "aws_iam_policy_document").forEach((name, doc) -> {
            if (doc instanceof Map<?, ?> m && !LabelingLoopRules.isOwn("aws_iam_policy_document", name)) {
                statements.addAll(TerraformFiles.repeated(m.get("statement")));
            }
        });
        // Each function's own prefix, <from>-to-<to>/ (least privilege: see HardeningRules).
        if (inputBucket != null && !grants(statements, "s3:GetObject", "aws_s3_bucket." + inputBucket + ".arn/each.key/*")) {
            problems.add("IAM: no s3:GetObject on the input bucket's objects under the function's prefix");
        }
        if (outputBucket != null && !grants(statements, "s3:PutObject", "aws_s3_bucket." + outputBucket + ".arn/each.key/*")) {
            problems.add("IAM: no s3:PutObject on the output bucket's objects under the function's prefix");
        }
        if (inputBucket != null && statements.stream().anyMatch(s -> texts(s.get("actions")).contains("s3:PutObject")
                && texts(s.get("resources")).stream().anyMatch(r -> r.startsWith("aws_s3_bucket." + inputBucket + ".")))) {
            problems.add("IAM: s3:PutObject on the input bucket lets a function trigger itself");
        }
    }

    private static boolean grants(List<Map<String, Object>> statements, String action, String resource) {
        return statements.stream().anyMatch(s -> texts(s.get("actions")).contains(action)
                && texts(s.get("resources")).contains(resource));
    }

    private void checkVariables() {
        Map<String, Object> enabled = tf.map("variable", "enabled_functions");
        if (!(enabled.get("default") instanceof List<?> defaults) || defaults.isEmpty()) {
            problems.add("variable enabled_functions: needs a non-empty default list");
        } else {
            for (Object name : defaults) {
                if (!"*".equals(name) && !descriptorNames.contains(String.valueOf(name))) {
                    problems.add("variable enabled_functions: default names '" + name + "', which has no functions/"
                            + name + ".json");
                }
                if (!infraReadme.contains(String.valueOf(name))) {
                    problems.add("infra/README.md does not document the enabled_functions default '" + name + "'");
                }
            }
        }
        for (String variable : List.of("region", "lambda_zip", "enabled_functions")) {
            if (tf.at("variable", variable) == null) {
                problems.add("no variable \"" + variable + "\"");
            }
        }
        if (!ZIP.equals(tf.at("variable", "lambda_zip", "default"))) {
            problems.add("variable lambda_zip: default must be " + ZIP + ", got " + tf.at("variable", "lambda_zip", "default"));
        }
    }

    private void checkHandlerExists() {
        String className = HANDLER.substring(0, HANDLER.indexOf("::"));
        String method = HANDLER.substring(HANDLER.indexOf("::") + 2);
        try {
            boolean found = false;
            for (Method m : Class.forName(className).getMethods()) {
                found |= m.getName().equals(method);
            }
            if (!found) {
                problems.add("handler: " + className + " has no method " + method);
            }
        } catch (ClassNotFoundException e) {
            problems.add("handler: no class " + className + " on the classpath");
        }
    }

    /** The name of the Funqy function the Lambda must export. */
    private static String funqName() {
        for (Method m : ConvertFunction.class.getMethods()) {
            Funq funq = m.getAnnotation(Funq.class);
            if (funq != null) {
                return funq.value().isEmpty() ? m.getName() : funq.value();
            }
        }
        throw new IllegalStateException("ConvertFunction has no @Funq method");
    }

    /** The name of the aws_s3_bucket a reference ({@code aws_s3_bucket.input.id}) points to, or null. */
    private String bucketOf(Object reference) {
        String ref = String.valueOf(reference);
        for (String bucket : tf.map("resource", "aws_s3_bucket").keySet()) {
            if (ref.equals("aws_s3_bucket." + bucket + ".id") || ref.equals("aws_s3_bucket." + bucket + ".bucket")) {
                return bucket;
            }
        }
        return null;
    }

    /** A list's elements as text (hcl4j gives references as symbols whose text is their name). */
    private static List<String> texts(Object list) {
        return list instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
    }

    private void expect(Map<String, Object> block, String key, Object expected, String where) {
        if (!String.valueOf(expected).equals(String.valueOf(block.get(key)))) {
            problems.add(where + ": " + key + " must be " + expected + ", got " + block.get(key));
        }
    }

    /** The only resource of this type, or null (and a problem). */
    private String single(String type) {
        Collection<String> names = LabelingLoopRules.others(tf, type);
        if (names.size() != 1) {
            problems.add("expected exactly one " + type + " resource, found " + names);
            return null;
        }
        return names.iterator().next();
    }

    private String singleQuietly(String type) {
        Collection<String> names = LabelingLoopRules.others(tf, type);
        return names.size() == 1 ? names.iterator().next() : null;
    }
}

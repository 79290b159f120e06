package org.labelbridge.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * infra/*.tf, parsed with hcl4j, is wired to functions/: one Lambda per enabled descriptor with
 * the Funqy handler and the exported function, one notification on the input bucket with a
 * lambda_function block per function filtered by {@code <name>/}, a permission per function,
 * an enabled_functions default that names real descriptors and is documented. The drift
 * cases below edit a copy of the real files and show that each check fails for real.
 */
class InfraTerraformTest {

    private static final Path INFRA = Path.of("infra");
    private static final Path FUNCTIONS = Path.of("functions");

    @Test
    void infraIsWiredToTheDescriptors() throws IOException {
        assertEquals(List.of(), problems(infraTexts()));
    }

    @Test
    void everyDescriptorHasTheFieldsTerraformReads() throws IOException {
        // main.tf reads each.value.from, .to, .memory_mb, .timeout_s; jsondecode would fail late, in a plan.
        try (Stream<Path> files = Files.list(FUNCTIONS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                String json = Files.readString(file);
                for (String field : List.of("\"from\"", "\"to\"", "\"memory_mb\"", "\"timeout_s\"")) {
                    assertTrue(json.contains(field), file + " lacks " + field);
                }
            }
        }
    }

    static Stream<Arguments> drifts() {
        return Stream.of(
                drift("filter prefix without its slash", "main.tf",
                        "filter_prefix       = \"${lambda_function.key}/\"", "filter_prefix       = \"${lambda_function.key}\"",
                        "filter_prefix must be lambda_function.key/"),
                drift("filter prefix from another value", "main.tf",
                        "filter_prefix       = \"${lambda_function.key}/\"", "filter_prefix       = \"${lambda_function.value.to}/\"",
                        "filter_prefix must be lambda_function.key/"),
                drift("handler", "main.tf",
                        "org.labelbridge.function.ConvertHandler::handleRequest",
                        "io.quarkus.funqy.lambda.FunqyStreamHandler::handleRequest",
                        "handler must be org.labelbridge.function.ConvertHandler::handleRequest"),
                drift("runtime", "main.tf", "runtime          = \"java21\"", "runtime          = \"java17\"",
                        "runtime must be java21"),
                drift("architecture", "main.tf", "architectures    = [\"arm64\"]", "architectures    = [\"x86_64\"]",
                        "architectures must be [arm64]"),
                drift("versions not published", "main.tf", "publish = true", "publish = false",
                        "publish must be true"),
                drift("SnapStart off", "main.tf", "apply_on = \"PublishedVersions\"", "apply_on = \"None\"",
                        "snap_start: apply_on must be PublishedVersions"),
                drift("ephemeral storage beyond SnapStart", "variables.tf", "default     = 512", "default     = 4096",
                        "variable ephemeral_storage_mb: default must be 512"),
                drift("ephemeral storage fixed", "main.tf",
                        "size = try(each.value.ephemeral_storage_mb, var.ephemeral_storage_mb)", "size = 10240",
                        "ephemeral_storage size must be the descriptor's"),
                drift("alias on $LATEST", "main.tf",
                        "function_version = aws_lambda_function.convert[each.key].version",
                        "function_version = \"$LATEST\"", "function_version must be aws_lambda_function.convert.each.key.version"),
                drift("notification on the unpublished function", "main.tf",
                        "lambda_function_arn = aws_lambda_alias.convert[lambda_function.key].arn",
                        "lambda_function_arn = aws_lambda_function.convert[lambda_function.key].arn",
                        "lambda_function_arn must be aws_lambda_alias.convert.lambda_function.key.arn"),
                drift("permission for the unpublished function", "main.tf",
                        "qualifier      = aws_lambda_alias.convert[each.key].name\n", "",
                        "qualifier must be aws_lambda_alias.convert.each.key.name"),
                drift("lambda not over the descriptors", "main.tf",
                        "resource \"aws_lambda_function\" \"convert\" {\n  for_each = local.functions",
                        "resource \"aws_lambda_function\" \"convert\" {\n  for_each = toset(var.enabled_functions)",
                        "for_each must be local.functions"),
                drift("descriptors read from elsewhere", "main.tf",
                        "fileset(\"${path.module}/../functions\", \"*.json\")", "fileset(\"${path.module}/functions\", \"*.json\")",
                        "descriptor_files must be fileset"),
                drift("descriptors not decoded", "main.tf",
                        "jsondecode(file(format(", "(file(format(", "descriptors must map each functions/*.json"),
                drift("notification on the output bucket", "main.tf",
                        "resource \"aws_s3_bucket_notification\" \"input\" {\n  bucket = aws_s3_bucket.input.id",
                        "resource \"aws_s3_bucket_notification\" \"input\" {\n  bucket = aws_s3_bucket.output.id",
                        "is on the output bucket"),
                drift("static notification block", "main.tf",
                        "dynamic \"lambda_function\" {\n    for_each = local.functions\n    content {",
                        "lambda_function {\n    for_each = local.functions\n    content {",
                        "needs a dynamic \"lambda_function\" block"),
                drift("notification without waiting for permissions", "main.tf",
                        "depends_on = [aws_lambda_permission.s3_invoke]", "depends_on = []",
                        "must depend_on aws_lambda_permission.s3_invoke"),
                drift("permission from the wrong principal", "main.tf",
                        "principal      = \"s3.amazonaws.com\"", "principal      = \"sns.amazonaws.com\"",
                        "principal must be s3.amazonaws.com"),
                drift("permission for the output bucket", "main.tf",
                        "source_arn     = aws_s3_bucket.input.arn", "source_arn     = aws_s3_bucket.output.arn",
                        "source_arn must be aws_s3_bucket.input.arn"),
                drift("function export", "main.tf",
                        "QUARKUS_FUNQY_EXPORT      = \"convert\"", "QUARKUS_FUNQY_EXPORT      = \"convertIt\"",
                        "QUARKUS_FUNQY_EXPORT must be convert"),
                drift("pair env", "main.tf",
                        "LABELBRIDGE_FUNCTION      = each.key", "LABELBRIDGE_FUNCTION      = each.value.to",
                        "LABELBRIDGE_FUNCTION must be each.key"),
                drift("memory not from the descriptor", "main.tf",
                        "memory_size      = each.value.memory_mb", "memory_size      = 1024",
                        "memory_size must be each.value.memory_mb"),
                drift("enabled default without a descriptor", "variables.tf",
                        "\"auto-to-yolo\",", "\"auto-to-yolo\",\n    \"auto-to-yolov8\",",
                        "default names 'auto-to-yolov8', which has no functions/auto-to-yolov8.json"),
                drift("functions not selected by the variable", "main.tf",
                        "if local.deploy_all || contains(var.enabled_functions, name)", "if true",
                        "functions must be the descriptors selected by var.enabled_functions"),
                drift("input bucket writable", "iam.tf",
                        "resources = [\"${aws_s3_bucket.output.arn}/${each.key}/*\"]",
                        "resources = [\"${aws_s3_bucket.output.arn}/${each.key}/*\", \"${aws_s3_bucket.input.arn}/${each.key}/*\"]",
                        "s3:PutObject on the input bucket"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("drifts")
    void eachDriftIsCaught(String what, String file, String from, String to, String expectedProblem) throws IOException {
        Map<String, String> texts = infraTexts();
        assertTrue(texts.get(file).contains(from), file + " no longer contains the text this case edits: " + from);
        texts.put(file, texts.get(file).replace(from, to));

        List<String> problems = problems(texts);

        assertTrue(problems.stream().anyMatch(p -> p.contains(expectedProblem)),
                what + ": expected a problem containing '" + expectedProblem + "', got " + problems);
    }

    @Test
    void undocumentedDefaultIsCaught() throws IOException {
        TerraformFiles tf = new TerraformFiles(infraTexts());
        List<String> problems = InfraRules.problems(tf, descriptorNames(), "no list here");
        assertTrue(problems.stream().anyMatch(p -> p.contains("infra/README.md does not document")), problems.toString());
    }

    // --- helpers ------------------------------------------------------------------------------

    private static Arguments drift(String what, String file, String from, String to, String expectedProblem) {
        return Arguments.of(what, file, from, to, expectedProblem);
    }

    private static List<String> problems(Map<String, String> texts) throws IOException {
        return InfraRules.problems(new TerraformFiles(texts), descriptorNames(), Files.readString(INFRA.resolve("README.md")));
    }

    private static Map<String, String> infraTexts() throws IOException {
        Map<String, String> texts = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(INFRA)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".tf")).sorted().toList()) {
                texts.put(file.getFileName().toString(), Files.readString(file));
            }
        }
        assertFalse(texts.isEmpty(), "no .tf files in " + INFRA.toAbsolutePath());
        return new TreeMap<>(texts);
    }

    private static Set<String> descriptorNames() throws IOException {
        try (Stream<Path> files = Files.list(FUNCTIONS)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - ".json".length())).collect(Collectors.toSet());
        }
    }
}

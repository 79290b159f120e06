package org.labelbridge.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * infra/*.tf, parsed, is locked down (see {@link HardeningRules}); each drift case edits a copy
 * of the real files the way a careless change would, and shows that its check fails for real.
 */
class InfraHardeningTest {

    private static final Path INFRA = Path.of("infra");

    @Test
    void infraIsLockedDown() throws IOException {
        assertEquals(List.of(), HardeningRules.problems(new TerraformFiles(infraTexts())));
    }

    static Stream<Arguments> drifts() {
        return Stream.of(
                drift("a public access setting off", "storage.tf",
                        "bucket                  = aws_s3_bucket.output.id\n  block_public_acls       = true",
                        "bucket                  = aws_s3_bucket.output.id\n  block_public_acls       = false",
                        "aws_s3_bucket.output: public access not blocked: block_public_acls is false"),
                drift("no public access block on the input", "storage.tf",
                        "resource \"aws_s3_bucket_public_access_block\" \"input\" {\n  bucket                  = aws_s3_bucket.input.id",
                        "resource \"aws_s3_bucket_public_access_block\" \"input\" {\n  bucket                  = aws_s3_bucket.output.id",
                        "aws_s3_bucket.input: public access not blocked"),
                drift("ACLs allowed", "storage.tf", "object_ownership = \"BucketOwnerEnforced\"\n  }\n}\n\nresource \"aws_s3_bucket_ownership_controls\" \"output\"",
                        "object_ownership = \"ObjectWriter\"\n  }\n}\n\nresource \"aws_s3_bucket_ownership_controls\" \"output\"",
                        "aws_s3_bucket.input: ACLs not disabled"),
                drift("no encryption default", "storage.tf",
                        "resource \"aws_s3_bucket_server_side_encryption_configuration\" \"output\" {\n  bucket = aws_s3_bucket.output.id\n  rule {\n    apply_server_side_encryption_by_default {\n      sse_algorithm     = var.kms_key_arn == null ? \"AES256\" : \"aws:kms\"",
                        "resource \"aws_s3_bucket_server_side_encryption_configuration\" \"output\" {\n  bucket = aws_s3_bucket.output.id\n  rule {\n    apply_server_side_encryption_by_default {\n      sse_algorithm     = \"aws:kms\"",
                        "aws_s3_bucket.output: not encrypted at rest"),
                drift("TLS policy that allows", "storage.tf", "effect    = \"Deny\"", "effect    = \"Allow\"",
                        "aws_s3_bucket.input: no bucket policy denying requests without TLS"),
                drift("TLS policy on objects only", "storage.tf", "resources = [each.value.arn, \"${each.value.arn}/*\"]",
                        "resources = [\"${each.value.arn}/*\"]", "aws_s3_bucket.output: no bucket policy denying requests without TLS"),
                drift("TLS policy for one bucket only", "storage.tf", "    output = aws_s3_bucket.output\n  }", "  }",
                        "aws_s3_bucket.output: no bucket policy denying requests without TLS"),
                drift("output not versioned", "storage.tf", "status = \"Enabled\"\n  }\n}", "status = \"Suspended\"\n  }\n}",
                        "the output bucket): versioning must be Enabled, got Suspended"),
                drift("incomplete uploads kept", "storage.tf",
                        "  # The function aborts a failed upload itself; this catches a function killed mid-upload.\n  rule {\n    id     = \"abort-incomplete-uploads\"\n    status = \"Enabled\"",
                        "  rule {\n    id     = \"abort-incomplete-uploads\"\n    status = \"Disabled\"",
                        "aws_s3_bucket.output: no lifecycle rule aborting incomplete multipart uploads"),
                drift("reports expired on a tag the function does not set", "storage.tf",
                        "value = \"report\"", "value = \"reports\"", "no optional rule expiring reports"),
                drift("scratch copies expired on a tag the function does not set", "storage.tf",
                        "value = \"scratch\"", "value = \"scratches\"", "no rule expiring scratch copies"),
                drift("scratch copies kept for a week", "storage.tf",
                        "    expiration {\n      days = 1\n    }", "    expiration {\n      days = 7\n    }",
                        "no rule expiring scratch copies"),
                drift("scratch copies not read back", "iam.tf",
                        "actions   = [\"s3:PutObject\", \"s3:PutObjectTagging\", \"s3:GetObject\", \"s3:DeleteObject\"",
                        "actions   = [\"s3:PutObject\", \"s3:PutObjectTagging\", \"s3:DeleteObject\"",
                        "IAM: the function needs s3:GetObject aws_s3_bucket.output.arn/each.key/*"),
                drift("reports always expired", "variables.tf",
                        "variable \"report_expiration_days\" {\n  description = \"Delete reports and error reports (tagged labelbridge-kind=report) this many days after they are written. Null: keep them.\"\n  type        = number\n  default     = null",
                        "variable \"report_expiration_days\" {\n  description = \"x\"\n  type        = number\n  default     = 7",
                        "variable report_expiration_days: must default to null"),
                drift("one role for all functions", "main.tf", "role             = aws_iam_role.convert[each.key].arn",
                        "role             = aws_iam_role.convert[\"auto-to-yolo\"].arn", "role must be aws_iam_role.convert[each.key]"),
                drift("reading the whole input bucket", "iam.tf", "resources = [\"${aws_s3_bucket.input.arn}/${each.key}/*\"]",
                        "resources = [\"${aws_s3_bucket.input.arn}/*\"]", "IAM: s3:GetObject on aws_s3_bucket.input.arn/* is beyond"),
                drift("writing the whole output bucket", "iam.tf", "resources = [\"${aws_s3_bucket.output.arn}/${each.key}/*\"]",
                        "resources = [\"${aws_s3_bucket.output.arn}/*\"]", "IAM: s3:PutObject on aws_s3_bucket.output.arn/* is beyond"),
                drift("a wildcard action", "iam.tf", "actions   = [\"s3:GetObject\"]", "actions   = [\"s3:*\"]",
                        "IAM: s3:* on aws_s3_bucket.input.arn/each.key/* is beyond"),
                drift("writing the input", "iam.tf", "actions   = [\"s3:GetObject\"]", "actions   = [\"s3:GetObject\", \"s3:PutObject\"]",
                        "IAM: s3:PutObject on aws_s3_bucket.input.arn/each.key/* is beyond"),
                drift("a wildcard resource", "iam.tf", "resources = [aws_sqs_queue.failures.arn]", "resources = [\"*\"]",
                        "IAM: sqs:SendMessage on * is beyond"),
                drift("every log group", "iam.tf", "resources = [\"${aws_cloudwatch_log_group.convert[each.key].arn}:*\"]",
                        "resources = [\"arn:aws:logs:*:*:*\"]", "IAM: logs:CreateLogStream on arn:aws:logs:*:*:* is beyond"),
                drift("cannot abort its uploads", "iam.tf", ", \"s3:AbortMultipartUpload\"]", "]",
                        "IAM: the function needs s3:AbortMultipartUpload"),
                drift("KMS on any key", "iam.tf", "resources = [statement.value]", "resources = [\"*\"]",
                        "IAM: kms:Decrypt and kms:GenerateDataKey must be granted on var.kms_key_arn only"),
                drift("step functions reading the whole input", "stepfunctions.tf",
                        "resources = [\"${aws_s3_bucket.input.arn}/step-functions/*\"]",
                        "resources = [\"${aws_s3_bucket.input.arn}/*\"]",
                        "IAM (step_functions_io): s3:GetObject on aws_s3_bucket.input.arn/* is beyond"),
                drift("state machines writing the whole output", "stepfunctions.tf",
                        "resources = [\"${aws_s3_bucket.output.arn}/step-functions/*\"]",
                        "resources = [\"${aws_s3_bucket.output.arn}/*\"]",
                        "IAM (states): s3:PutObject on aws_s3_bucket.output.arn/* is beyond"),
                drift("a managed policy", "iam.tf", "resource \"aws_iam_role_policy\" \"convert\" {",
                        "resource \"aws_iam_role_policy_attachment\" \"basic\" {\n  role       = aws_iam_role.convert[\"x\"].name\n"
                                + "  policy_arn = \"arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole\"\n}\n\n"
                                + "resource \"aws_iam_role_policy\" \"convert\" {",
                        "aws_iam_role_policy_attachment: managed policies grant beyond"),
                drift("logs kept forever", "main.tf", "retention_in_days = var.log_retention_days", "retention_in_days = 0",
                        "retention_in_days must be var.log_retention_days"),
                drift("no failure destination", "failures.tf", "destination = aws_sqs_queue.failures.arn",
                        "destination = null", "on_failure destination must be aws_sqs_queue.failures.arn"),
                drift("failure queue in clear", "failures.tf", "sqs_managed_sse_enabled = var.kms_key_arn == null ? true : null",
                        "sqs_managed_sse_enabled = false", "aws_sqs_queue.failures: not encrypted at rest"),
                drift("no alarm on the failure queue", "failures.tf", "threshold           = 0", "threshold           = 10",
                        "aws_sqs_queue.failures: no alarm on its first message"),
                drift("a state machine without logs", "stepfunctions.tf", "level                  = \"ERROR\"",
                        "level                  = \"OFF\"", "no logging_configuration to a log group"),
                drift("failures retried by Lambda", "failures.tf", "maximum_retry_attempts       = 0",
                        "maximum_retry_attempts       = 2", "maximum_retry_attempts must be 0"),
                drift("failure destination on $LATEST", "failures.tf",
                        "qualifier                    = aws_lambda_alias.convert[each.key].name\n", "",
                        "qualifier must be aws_lambda_alias.convert[each.key]'s name"),
                drift("concurrency not configurable", "main.tf", "reserved_concurrent_executions = var.reserved_concurrency",
                        "reserved_concurrent_executions = 1000", "reserved_concurrent_executions must be var.reserved_concurrency"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("drifts")
    void eachDriftIsCaught(String what, String file, String from, String to, String expectedProblem) throws IOException {
        Map<String, String> texts = infraTexts();
        assertTrue(texts.get(file).contains(from), file + " no longer contains the text this case edits: " + from);
        texts.put(file, texts.get(file).replace(from, to));

        List<String> problems = HardeningRules.problems(new TerraformFiles(texts));

        assertTrue(problems.stream().anyMatch(p -> p.contains(expectedProblem)),
                what + ": expected a problem containing '" + expectedProblem + "', got " + problems);
    }

    private static Arguments drift(String what, String file, String from, String to, String expectedProblem) {
        return Arguments.of(what, file, from, to, expectedProblem);
    }

    private static Map<String, String> infraTexts() throws IOException {
        Map<String, String> texts = new TreeMap<>();
        try (Stream<Path> files = Files.list(INFRA)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".tf")).sorted().toList()) {
                texts.put(file.getFileName().toString(), Files.readString(file));
            }
        }
        assertFalse(texts.isEmpty(), "no .tf files in " + INFRA.toAbsolutePath());
        return texts;
    }
}

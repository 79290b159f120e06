package org.labelbridge.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * infra/labeling_loop.tf, parsed, is wired and locked down (see {@link LabelingLoopRules}), and
 * the generic rules still hold for the rest with the loop's resources beside it; each drift case
 * edits a copy of the real files the way a careless change would, and shows its check fails.
 */
class InfraLabelingLoopTest {

    private static final Path INFRA = Path.of("infra");
    private static final String FILE = "labeling_loop.tf";

    @Test
    void theLabelingLoopIsWiredAndLockedDown() throws IOException {
        assertEquals(List.of(), LabelingLoopRules.problems(new TerraformFiles(infraTexts())));
    }

    static Stream<Arguments> drifts() {
        return Stream.of(
                drift("always deployed", FILE, "resource \"aws_lambda_function\" \"cvat_webhook\" {\n  count = var.labeling_loop ? 1 : 0",
                        "resource \"aws_lambda_function\" \"cvat_webhook\" {\n  count = 1",
                        "aws_lambda_function.cvat_webhook: must exist only with var.labeling_loop"),
                drift("loop on by default", FILE, "type        = bool\n  default     = false\n}\n\nvariable \"cvat_export_target\"",
                        "type        = bool\n  default     = true\n}\n\nvariable \"cvat_export_target\"",
                        "variable labeling_loop: must be a bool defaulting to false"),
                drift("URL behind IAM", FILE, "authorization_type = \"NONE\"", "authorization_type = \"AWS_IAM\"",
                        "aws_lambda_function_url.cvat_webhook: must be the webhook's, with authorization_type NONE"),
                drift("wrong export", FILE, "QUARKUS_FUNQY_EXPORT              = \"cvat-webhook\"",
                        "QUARKUS_FUNQY_EXPORT              = \"convert\"", "QUARKUS_FUNQY_EXPORT must be cvat-webhook"),
                drift("token in the environment", FILE, "LABELBRIDGE_CVAT_TARGET           = var.cvat_export_target",
                        "LABELBRIDGE_CVAT_TARGET           = var.cvat_export_target\n      LABELBRIDGE_CVAT_TOKEN = \"x\"",
                        "LABELBRIDGE_CVAT_TOKEN looks like a secret"),
                drift("misspelt setting", FILE, "LABELBRIDGE_CVAT_SCOPE            = var.cvat_trigger_scope",
                        "LABELBRIDGE_CVAT_TRIGGER_SCOPE    = var.cvat_trigger_scope",
                        "LABELBRIDGE_CVAT_TRIGGER_SCOPE is not a setting of CvatWebhookConfig"),
                drift("markers on the whole input bucket", FILE, "resources = [\"${aws_s3_bucket.input.arn}/cvat-webhook/exports/*\"]",
                        "resources = [\"${aws_s3_bucket.input.arn}/*\"]", "IAM (cvat_webhook): s3:PutObject on aws_s3_bucket.input.arn/*"),
                drift("webhook reading the exports", FILE, "actions   = [\"s3:PutObject\", \"s3:DeleteObject\"]",
                        "actions   = [\"s3:PutObject\", \"s3:DeleteObject\", \"s3:GetObject\"]",
                        "IAM (cvat_webhook): s3:GetObject on aws_s3_bucket.input.arn/cvat-webhook/exports/*"),
                drift("every secret", FILE, "try(aws_secretsmanager_secret.cvat[0].arn, \"\") : format(", "\"*\" : format(",
                        "must read exactly its own secret"),
                drift("events anywhere", FILE, "resources = [format(\"arn:%s:events:%s:%s:event-bus/default\"",
                        "resources = [format(\"arn:%s:events:%s:%s:event-bus/*\"", "IAM (put_events): events:PutEvents on this account's default bus only"),
                drift("events always on", "main.tf", "LABELBRIDGE_EVENTS_BUS    = var.labeling_loop ? \"default\" : \"none\"",
                        "LABELBRIDGE_EVENTS_BUS    = \"default\"", "LABELBRIDGE_EVENTS_BUS must be \"default\" with the labeling loop"),
                drift("rule on another detail-type", FILE, "\"detail-type\" = [\"Dataset converted\", \"Conversion failed\"]",
                        "\"detail-type\" = [\"Dataset Converted\"]", "aws_cloudwatch_event_rule.conversions: must match source labelbridge"),
                drift("topic open to any rule", FILE, "variable = \"aws:SourceArn\"", "variable = \"aws:SourceAccount\"",
                        "EventBridge may publish to the topic for this rule only"),
                drift("export target without a function", FILE, "default     = \"yolo\"", "default     = \"yolov9\"",
                        "variable cvat_export_target: default 'yolov9' has no functions/auto-to-yolov9.json"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("drifts")
    void eachDriftIsCaught(String what, String file, String from, String to, String expectedProblem) throws IOException {
        Map<String, String> texts = infraTexts();
        assertTrue(texts.get(file).contains(from), file + " no longer contains the text this case edits: " + from);
        texts.put(file, texts.get(file).replace(from, to));

        List<String> problems = LabelingLoopRules.problems(new TerraformFiles(texts));

        assertTrue(problems.stream().anyMatch(p -> p.contains(expectedProblem)),
                what + ": expected a problem containing '" + expectedProblem + "', got " + problems);
    }

    @Test
    void theGenericRulesStillSeeOnlyTheConvertFunctions() throws IOException {
        // With the loop's function, log group, roles and policies beside them, the rules that expect
        // exactly one convert function, log group and permission still hold (InfraTerraformTest and
        // InfraHardeningTest run them on the same files); a stray resource of those types does not.
        Map<String, String> texts = infraTexts();
        texts.put("stray.tf", "resource \"aws_iam_role\" \"stray\" {\n  name = \"x\"\n}\n");

        List<String> problems = HardeningRules.problems(new TerraformFiles(texts));

        assertEquals(List.of("aws_iam_role.stray: unexpected role (only the functions' and the state machines')"), problems);
    }

    private static Arguments drift(String what, String file, String from, String to, String expectedProblem) {
        return Arguments.of(what, file, from, to, expectedProblem);
    }

    private static Map<String, String> infraTexts() throws IOException {
        return TerraformFiles.texts(INFRA);
    }
}

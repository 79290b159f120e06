package org.labelbridge.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * infra/stepfunctions.tf deploys each machine of infra/statemachines/ with templatefile(),
 * filling exactly the placeholders the machine uses, invoking a deployed function, and with a
 * role that may do what the machines do (invoke the function, list the input bucket, write
 * results under step-functions/ in the output bucket, run the Map's child executions). What
 * the machines themselves do is StepFunctionsContractTest's.
 */
class StateMachineWiringTest {

    private static final Path INFRA = Path.of("infra");
    private static final Map<String, String> MACHINES = Map.of(
            "convert_archive", "convert-archive.asl.json", "convert_prefix", "convert-prefix.asl.json");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");

    @Test
    void theMachinesAreDeployedAndMayDoWhatTheyDo() throws IOException {
        assertEquals(List.of(), problems(texts()));
    }

    static Stream<Arguments> drifts() {
        return Stream.of(
                Arguments.of("a machine file renamed", "statemachines/convert-prefix.asl.json\"",
                        "statemachines/convert-prefix.json\"", "convert_prefix: definition must be templatefile"),
                Arguments.of("a placeholder not filled", "    output_bucket = aws_s3_bucket.output.bucket\n  })\n\n  lifecycle",
                        "  })\n\n  lifecycle", "convert_archive: templatefile fills [function_arn], the machine uses"
                                + " [function_arn, output_bucket]"),
                Arguments.of("no invoke permission", "actions = [\"lambda:InvokeFunction\"]",
                        "actions = [\"lambda:GetFunction\"]", "may not lambda:InvokeFunction"),
                Arguments.of("results written elsewhere", "\"${aws_s3_bucket.output.arn}/step-functions/*\"",
                        "\"${aws_s3_bucket.output.arn}/results/*\"", "may not s3:PutObject under step-functions/"),
                Arguments.of("the function default not deployed by default", "default     = null",
                        "default     = \"coco-to-yolo\"", "state_machine_function's default 'coco-to-yolo' is not"),
                Arguments.of("the role indexed by a name that may not be deployed",
                        "role   = try(aws_iam_role.convert[local.state_machine_function].id, null)",
                        "role   = aws_iam_role.convert[var.state_machine_function].id",
                        "aws_iam_role_policy.step_functions_io: role must be"),
                Arguments.of("the machines invoking $LATEST", "try(aws_lambda_alias.convert[local.state_machine_function].arn, \"\")",
                        "try(aws_lambda_function.convert[local.state_machine_function].arn, \"\")",
                        "function_arn must be the alias"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("drifts")
    void eachDriftIsCaught(String what, String from, String to, String expectedProblem) throws IOException {
        Map<String, String> texts = texts();
        String tf = texts.get("stepfunctions.tf");
        assertTrue(tf.contains(from), "stepfunctions.tf no longer contains the text this case edits: " + from);
        texts.put("stepfunctions.tf", tf.replace(from, to));

        List<String> problems = problems(texts);

        assertTrue(problems.stream().anyMatch(p -> p.contains(expectedProblem)),
                what + ": expected a problem containing '" + expectedProblem + "', got " + problems);
    }

    private static List<String> problems(Map<String, String> texts) throws IOException {
        List<String> problems = new ArrayList<>();
        TerraformFiles tf = new TerraformFiles(texts);
        String source = texts.get("stepfunctions.tf");
        Map<String, Object> machines = tf.map("resource", "aws_sfn_state_machine");
        for (Map.Entry<String, String> m : MACHINES.entrySet()) {
            if (!(machines.get(m.getKey()) instanceof Map<?, ?> machine)) {
                problems.add("no aws_sfn_state_machine." + m.getKey());
                continue;
            }
            if (!"aws_iam_role.states.arn".equals(String.valueOf(machine.get("role_arn")))) {
                problems.add(m.getKey() + ": role_arn must be aws_iam_role.states.arn");
            }
            String block = block(source, "resource \"aws_sfn_state_machine\" \"" + m.getKey() + "\"");
            Matcher call = Pattern.compile("definition = templatefile\\(format\\(\"%s/statemachines/" + Pattern.quote(m.getValue())
                    + "\", path\\.module\\), \\{([^}]*)}\\)").matcher(block.replaceAll("\\s+", " "));
            if (!call.find()) {
                problems.add(m.getKey() + ": definition must be templatefile(format(\"%s/statemachines/" + m.getValue()
                        + "\", path.module), {...})");
                continue;
            }
            Set<String> filled = new TreeSet<>();
            Matcher key = Pattern.compile("(\\w+) = ").matcher(call.group(1));
            while (key.find()) {
                filled.add(key.group(1));
            }
            Set<String> used = new TreeSet<>();
            Matcher placeholder = PLACEHOLDER.matcher(Files.readString(INFRA.resolve("statemachines").resolve(m.getValue())));
            while (placeholder.find()) {
                used.add(placeholder.group(1));
            }
            if (!filled.equals(used)) {
                problems.add(m.getKey() + ": templatefile fills " + filled + ", the machine uses " + used);
            }
            if (!call.group(1).contains("function_arn = try(aws_lambda_alias.convert[local.state_machine_function].arn, \"\")")
                    || !call.group(1).contains("output_bucket = aws_s3_bucket.output.bucket")) {
                problems.add(m.getKey() + ": function_arn must be the alias of the function local.state_machine_function names, output_bucket"
                        + " the output bucket's name");
            }
        }
        checkRole(tf, source, problems);
        Object defaults = tf.at("variable", "enabled_functions", "default");
        Object function = tf.at("variable", "state_machine_function", "default");
        if (function != null && (!(defaults instanceof List<?> list) || !list.contains(function))) {
            problems.add("variable state_machine_function's default '" + function + "' is not in enabled_functions' default "
                    + defaults);
        }
        // Any enabled_functions must plan: unset, the machines invoke the first deployed function, and
        // nothing indexes the functions by a name that may not be deployed.
        String chosen = tf.localSource("state_machine_function");
        if (chosen == null || !chosen.contains("coalesce(var.state_machine_function, try(sort(keys(local.functions))[0]")) {
            problems.add("locals: state_machine_function must be var.state_machine_function, else the first deployed"
                    + " function; it is: " + chosen);
        }
        if (!source.replaceAll("\\s+", " ").contains("role = try(aws_iam_role.convert[local.state_machine_function].id, null)")) {
            problems.add("aws_iam_role_policy.step_functions_io: role must be try(aws_iam_role.convert[local.state_machine_function].id,"
                    + " null): an index by a name that is not deployed fails the plan");
        }
        return problems;
    }

    private static void checkRole(TerraformFiles tf, String source, List<String> problems) {
        List<Map<String, Object>> statements = TerraformFiles.repeated(tf.map("data", "aws_iam_policy_document", "states")
                .get("statement"));
        String policy = block(source, "data \"aws_iam_policy_document\" \"states\"").replaceAll("\\s+", " ");
        String function = "try(aws_lambda_alias.convert[local.state_machine_function].arn, \"\")";
        expectGrant(statements, policy, "lambda:InvokeFunction", function, problems);
        expectGrant(statements, policy, "s3:ListBucket", "aws_s3_bucket.input.arn", problems);
        expectGrant(statements, policy, "s3:PutObject", "\"${aws_s3_bucket.output.arn}/step-functions/*\"", problems);
        expectGrant(statements, policy, "states:StartExecution", "stateMachine:%s-convert-prefix", problems);
        if (!"data.aws_iam_policy_document.states.json".equals(
                String.valueOf(tf.at("resource", "aws_iam_role_policy", "states", "policy")))) {
            problems.add("aws_iam_role_policy.states must attach data.aws_iam_policy_document.states");
        }
    }

    /** The statement granting {@code action} must name {@code resource} (as text: hcl4j drops calls). */
    private static void expectGrant(List<Map<String, Object>> statements, String policy, String action, String resource,
                                    List<String> problems) {
        for (Map<String, Object> statement : statements) {
            if (String.valueOf(statement.get("actions")).contains(action)) {
                String sid = String.valueOf(statement.get("sid"));
                String text = block(policy, "sid = \"" + sid + "\"");
                if (text.contains(resource)) {
                    return;
                }
            }
        }
        String where = action.startsWith("s3:PutObject") ? " under step-functions/ of the output bucket" : " on " + resource;
        problems.add("the state machines' role may not " + action + where);
    }

    /** The text from {@code start} to the end of its block (or of the statement it starts). */
    private static String block(String text, String start) {
        int at = text.indexOf(start);
        if (at < 0) {
            return "";
        }
        int depth = 0;
        int interpolations = 0; // ${...} inside strings are not blocks
        for (int i = at; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{' && i > 0 && text.charAt(i - 1) == '$') {
                interpolations++;
            } else if (c == '}' && interpolations > 0) {
                interpolations--;
            } else if (c == '{') {
                depth++;
            } else if (c == '}') {
                if (--depth <= 0 && i > text.indexOf('{', at) || depth < 0) {
                    return text.substring(at, i + 1);
                }
            }
        }
        return text.substring(at);
    }

    private static Map<String, String> texts() throws IOException {
        Map<String, String> texts = new TreeMap<>();
        try (Stream<Path> files = Files.list(INFRA)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".tf")).toList()) {
                texts.put(file.getFileName().toString(), Files.readString(file));
            }
        }
        return texts;
    }
}

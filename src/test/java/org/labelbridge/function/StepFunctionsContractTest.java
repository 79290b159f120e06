package org.labelbridge.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * infra/statemachines/*.asl.json keep the function's payload and result contract (see
 * {@link StepFunctionsContract}), and each way they could drift from it is caught.
 */
class StepFunctionsContractTest {

    private static final Path MACHINES = Path.of("infra/statemachines");
    private static final String ARCHIVE = "convert-archive.asl.json";
    private static final String PREFIX = "convert-prefix.asl.json";

    @Test
    void theStateMachinesKeepTheFunctionsContract() throws IOException {
        assertEquals(List.of(), StepFunctionsContract.problems(text(ARCHIVE), text(PREFIX)));
    }

    static Stream<Arguments> drifts() {
        return Stream.of(
                drift("a payload field the function does not know", PREFIX,
                        "\"source_prefix.$\": \"$.prefix\"", "\"sourcePrefix.$\": \"$.prefix\"",
                        "the payload has fields the function does not know: [sourcePrefix]"),
                drift("a result field the function does not return", ARCHIVE,
                        "\"conversions.$\": \"$.Payload.conversions\"", "\"conversions.$\": \"$.Payload.results\"",
                        "States.Runtime: the path '$.Payload.results' is not in"),
                drift("the whole Lambda response kept", PREFIX,
                        "\"conversion.$\": \"$.Payload.conversions[0]\"", "\"conversion.$\": \"$.Payload\"",
                        "a converted archive's result must say where its zip and report are"),
                drift("throttling not retried", ARCHIVE,
                        "\"Lambda.SdkClientException\",\n            \"Lambda.TooManyRequestsException\"",
                        "\"Lambda.SdkClientException\"",
                        "Retry must list [Lambda.ServiceException, Lambda.AWSLambdaException, Lambda.SdkClientException,"
                                + " Lambda.TooManyRequestsException]"),
                drift("an S3 outage not retried", ARCHIVE,
                        "\"ErrorEquals\": [\"org.labelbridge.function.StorageUnavailableException\"],",
                        "\"ErrorEquals\": [\"io.quarkus.funqy.runtime.ApplicationException\"],",
                        "Retry must list org.labelbridge.function.StorageUnavailableException"),
                drift("the function's own errors retried", PREFIX,
                        "\"Lambda.ServiceException\",\n                  \"Lambda.AWSLambdaException\"",
                        "\"States.ALL\",\n                  \"Lambda.ServiceException\",\n                  \"Lambda.AWSLambdaException\"",
                        "Retry must not retry the function's own errors"),
                drift("no Catch", PREFIX,
                        "\"ErrorEquals\": [\"States.ALL\"],\n                \"ResultPath\": \"$.failure\",",
                        "\"ErrorEquals\": [\"States.TaskFailed\"],\n                \"ResultPath\": \"$.failure\",",
                        "needs a Catch of States.ALL"),
                drift("the failure recorded elsewhere", ARCHIVE,
                        "'step-functions/failures/{}.json'", "'failures/{}.json'",
                        "the failure must be recorded as s3://"),
                drift("the failure not recorded", ARCHIVE,
                        "\"Next\": \"DescribeFailure\"", "\"Next\": \"Failed\"",
                        "state 'DescribeFailure': cannot be reached from StartAt"),
                drift("archives skipped", PREFIX,
                        "{\"Variable\": \"$.key\", \"StringMatches\": \"*.zip\"},",
                        "{\"Variable\": \"$.key\", \"StringMatches\": \"*.zipx\"},",
                        "the function must get each archive under the prefix once"),
                drift("folders below the prefix lost", PREFIX,
                        "\"source_prefix.$\": \"$.prefix\"", "\"destination.$\": \"$.payload.destination\"",
                        "outputs must keep the folders below the prefix"),
                drift("a misspelt ASL field", PREFIX, "\"ItemSelector\"", "\"ItemSelecter\"",
                        "a Map state has no field 'ItemSelecter'"),
                drift("a transition to nowhere", ARCHIVE, "\"Next\": \"RecordFailure\"", "\"Next\": \"RecordTheFailure\"",
                        "goes to 'RecordTheFailure', which is not a state here"),
                drift("a placeholder Terraform does not fill", ARCHIVE, "${function_arn}", "${function}",
                        "placeholder ${function} is not one infra/stepfunctions.tf fills"),
                drift("an unknown intrinsic", PREFIX, "States.JsonMerge($.payload", "States.Merge($.payload",
                        "unknown intrinsic function 'States.Merge'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("drifts")
    void eachDriftIsCaught(String what, String file, String from, String to, String expectedProblem) throws IOException {
        String archive = text(ARCHIVE), prefix = text(PREFIX);
        String edited = (file.equals(ARCHIVE) ? archive : prefix);
        assertTrue(edited.contains(from), file + " no longer contains the text this case edits: " + from);
        edited = edited.replace(from, to);

        List<String> problems = file.equals(ARCHIVE) ? StepFunctionsContract.problems(edited, prefix)
                : StepFunctionsContract.problems(archive, edited);

        assertTrue(problems.stream().anyMatch(p -> p.contains(expectedProblem)),
                what + ": expected a problem containing '" + expectedProblem + "', got " + problems);
    }

    private static Arguments drift(String what, String file, String from, String to, String expectedProblem) {
        return Arguments.of(what, file, from, to, expectedProblem);
    }

    private static String text(String file) throws IOException {
        return Files.readString(MACHINES.resolve(file));
    }
}

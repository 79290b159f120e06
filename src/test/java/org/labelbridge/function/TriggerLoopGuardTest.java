package org.labelbridge.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bucket and prefix combinations that could make the function trigger itself, through the
 * planner (which guards the zip, the report and the error report alike). An object created in
 * the input bucket under {@code <from>-to-<to>/} (S3's case-sensitive prefix filter) starts
 * that function; the output bucket starts nothing.
 */
class TriggerLoopGuardTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Arguments> events() {
        return Stream.of(
                Arguments.of("out", "planned", "results go to another bucket"),
                Arguments.of("in", "refused", "results under the function's own prefix of the input bucket"),
                Arguments.of("IN", "refused", "the input bucket named in another case"));
    }

    @ParameterizedTest(name = "event, output bucket {0}: {1} ({2})")
    @MethodSource("events")
    void anEventsOutputBucket(String outputBucket, String expected, String why) throws IOException {
        JobPlanner planner = new JobPlanner(Optional.of("coco-to-yolo"), Optional.of(outputBucket));
        ConvertInput event = JSON.readValue("""
                {"Records": [{"eventName": "ObjectCreated:Put",
                  "s3": {"bucket": {"name": "in"}, "object": {"key": "coco-to-yolo/team/a.zip"}}}]}""", ConvertInput.class);

        assertOutcome(expected, () -> planner.plan(event));
    }

    static Stream<Arguments> payloads() {
        return Stream.of(
                payload("s3://in/coco-to-yolo/a.zip", "s3://out/coco-to-yolo/", "planned", "another bucket, same prefix"),
                payload("s3://in/coco-to-yolo/a.zip", "s3://in/coco-to-yolo/", "refused", "the read prefix itself"),
                payload("s3://in/coco-to-yolo/a.zip", "s3://in/coco-to-yolo/converted/", "refused", "below the read prefix"),
                payload("s3://in/coco-to-yolo/a.zip", "s3://in/auto-to-voc/", "refused", "another function's prefix"),
                payload("s3://in/coco-to-yolo/a.zip", "s3://in/auto-to-voc/deep/er/", "refused", "below another function's prefix"),
                payload("s3://in/coco-to-yolo/a.zip", "s3://in/", "planned", "the bucket's top: no prefix filter matches"),
                payload("s3://in/coco-to-yolo/a.zip", "s3://in/results/auto-to-voc/", "planned",
                        "a function name deeper in the key: filters match from the start"),
                payload("s3://in/coco-to-yolo/a.zip", "s3://in/coco-to-yolo-results/", "planned",
                        "a longer first folder: the filter ends with '/'"),
                payload("s3://in/coco-to-yolo/a.zip", "s3://in/COCO-TO-YOLO/", "planned", "S3's prefix filter is case-sensitive"),
                payload("s3://in/datasets/x.zip", "s3://in/datasets/", "refused", "the folder it was read from"),
                payload("s3://in/datasets/x.zip", "s3://in/datasets/out/", "refused", "below the folder it was read from"),
                payload("s3://in/datasets/x.zip", "s3://in/datasets-out/", "planned", "a sibling folder"),
                payload("s3://in/x.zip", "s3://in/anywhere/", "refused", "read from the top: every prefix is its own"),
                payload("s3://In/datasets/x.zip", "s3://in/datasets/", "refused", "the same bucket named in another case"));
    }

    private static Arguments payload(String source, String destination, String expected, String why) {
        return Arguments.of(source, destination, expected, why);
    }

    @ParameterizedTest(name = "{0} into {1}: {2} ({3})")
    @MethodSource("payloads")
    void aPayloadsDestination(String source, String destination, String expected, String why) throws IOException {
        JobPlanner planner = new JobPlanner(Optional.of("coco-to-yolo"), Optional.of("out"));
        ConvertInput payload = JSON.readValue(JSON.writeValueAsString(java.util.Map.of("source", source, "from", "coco",
                "to", "yolo", "destination", destination)), ConvertInput.class);

        assertOutcome(expected, () -> planner.plan(payload));
    }

    private static void assertOutcome(String expected, Plan plan) {
        if (expected.equals("planned")) {
            List<ConversionJob> jobs = plan.run();
            assertEquals(1, jobs.size());
            return;
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, plan::run);
        assertTrue(e.getMessage().contains("refusing to write") && e.getMessage().contains("a loop"), e.getMessage());
    }

    private interface Plan {
        List<ConversionJob> run();
    }
}

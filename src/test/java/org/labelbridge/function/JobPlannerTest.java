package org.labelbridge.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * How an invocation becomes jobs, without S3: which pair and options, where outputs go, what
 * is refused before anything is downloaded. The deployment here is {@code coco-to-yolo}.
 */
class JobPlannerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final JobPlanner planner = new JobPlanner(Optional.of("coco-to-yolo"), Optional.of("out"));

    @Test
    void s3EventKeysAreDecodedAndOutputsFiledUnderTheFunction() throws IOException {
        ConversionJob job = single(planner.plan(event("ObjectCreated:Put", "in", "coco-to-yolo/team+a/set%2Bv2.tar.gz")));

        assertEquals(new S3Uri("in", "coco-to-yolo/team a/set+v2.tar.gz"), job.input());
        assertEquals("coco", job.from());
        assertEquals("yolo", job.to());
        assertEquals(new S3Uri("out", "coco-to-yolo/team a/set+v2.zip"), job.output());
        assertEquals(new S3Uri("out", "coco-to-yolo/team a/set+v2.report.json"), job.report());
    }

    @Test
    void onlyCreatedObjectsAreConverted() throws IOException {
        assertEquals(List.of(), planner.plan(event("ObjectRemoved:Delete", "in", "coco-to-yolo/a.zip")));
        assertEquals(List.of(), planner.plan(event("ObjectCreated:Put", "in", "coco-to-yolo/folder/")));
    }

    @Test
    void everyRecordOfAnEventIsAJob() throws IOException {
        String two = """
                {"Records": [
                  {"eventSource": "aws:s3", "eventName": "ObjectCreated:Put",
                   "s3": {"bucket": {"name": "in"}, "object": {"key": "coco-to-yolo/a.zip"}}},
                  {"eventSource": "aws:s3", "eventName": "ObjectCreated:CompleteMultipartUpload",
                   "s3": {"bucket": {"name": "in"}, "object": {"key": "coco-to-yolo/b.zip"}}}]}""";
        List<ConversionJob> jobs = planner.plan(JSON.readValue(two, ConvertInput.class));
        assertEquals(List.of("coco-to-yolo/a.zip", "coco-to-yolo/b.zip"), jobs.stream().map(j -> j.output().key()).toList());
    }

    @Test
    void payloadUsesItsOwnPairDestinationAndOptions() throws IOException {
        ConversionJob job = single(planner.plan(payload("""
                {"source": "s3://data/batches/7/cvat.zip", "from": "auto", "to": "voc",
                 "options": {"keep_images": false}, "destination": "s3://results/run-7"}""")));

        assertEquals(new S3Uri("data", "batches/7/cvat.zip"), job.input());
        assertEquals("auto", job.from());
        assertEquals("voc", job.to());
        assertFalse(job.options().keepImages());
        assertEquals(new S3Uri("results", "run-7/cvat.zip"), job.output(), "destination is a folder");
        assertEquals(new S3Uri("results", "run-7/cvat.report.json"), job.report());
    }

    @Test
    void payloadDefaultsToTheDeploymentAndItsOutputBucket() throws IOException {
        ConversionJob job = single(planner.plan(payload("{\"source\": \"s3://data/x.zip\"}")));

        assertEquals("coco", job.from());
        assertEquals("yolo", job.to());
        assertEquals(new S3Uri("out", "coco-to-yolo/x.zip"), job.output());
    }

    @Test
    void payloadWithoutDestinationIsFiledUnderItsPair() throws IOException {
        ConversionJob job = single(planner.plan(payload("{\"source\": \"s3://data/x.zip\", \"from\": \"auto\", \"to\": \"voc\"}")));
        assertEquals(new S3Uri("out", "auto-to-voc/x.zip"), job.output());
    }

    @Test
    void payloadOptionsOverrideTheDescriptorsAndUnknownOnesAreRefused() throws IOException {
        assertTrue(single(planner.plan(payload("""
                {"source": "s3://data/x.zip", "options": {"shapes_to_boxes": "true"}}"""))).options().shapesToBoxes());

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> planner.plan(payload("""
                {"source": "s3://data/x.zip", "options": {"shape_to_boxes": true}}""")));
        assertEquals("s3://data/x.zip: unknown option 'shape_to_boxes'; known options: shapes_to_boxes, keep_images, on_problem",
                e.getMessage());
    }

    @Test
    void badPayloadsSayWhatIsMissing() {
        assertMessage("payload needs 'source'", "{\"to\": \"yolo\"}");
        assertMessage("'source' must be an s3://bucket/key URI, got 'data/x.zip'", "{\"source\": \"data/x.zip\"}");
        assertMessage("'source' must name an object", "{\"source\": \"s3://data/folder/\"}");
        assertMessage("'destination' must be an s3://bucket/key URI", "{\"source\": \"s3://data/x.zip\", \"destination\": \"out\"}");
        assertMessage("payload has unknown field(s) [destinaton]; known: source, from, to, options, destination",
                "{\"source\": \"s3://data/x.zip\", \"destinaton\": \"s3://out/x/\"}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> planner.plan(null));
        assertTrue(e.getMessage().contains("empty invocation"), e.getMessage());
    }

    @Test
    void anUndeployedFunctionNeedsItsPairAndAnOutput() throws IOException {
        JobPlanner bare = new JobPlanner(Optional.empty(), Optional.empty());
        IllegalStateException noPair = assertThrows(IllegalStateException.class,
                () -> bare.plan(event("ObjectCreated:Put", "in", "coco-to-yolo/a.zip")));
        assertTrue(noPair.getMessage().contains("LABELBRIDGE_FUNCTION"), noPair.getMessage());
        IllegalArgumentException noTo = assertThrows(IllegalArgumentException.class,
                () -> bare.plan(payload("{\"source\": \"s3://data/x.zip\"}")));
        assertTrue(noTo.getMessage().contains("'to'"), noTo.getMessage());
        IllegalStateException noBucket = assertThrows(IllegalStateException.class,
                () -> bare.plan(payload("{\"source\": \"s3://data/x.zip\", \"to\": \"yolo\"}")));
        assertTrue(noBucket.getMessage().contains("LABELBRIDGE_OUTPUT_BUCKET"), noBucket.getMessage());
        IllegalStateException unknown = assertThrows(IllegalStateException.class,
                () -> new JobPlanner(Optional.of("coco-to-nothing"), Optional.of("out"))
                        .plan(event("ObjectCreated:Put", "in", "coco-to-nothing/a.zip")));
        assertTrue(unknown.getMessage().contains("no function descriptor 'coco-to-nothing'"), unknown.getMessage());
    }

    @Test
    void anEventConfiguredToWriteIntoItsOwnBucketIsRefused() {
        JobPlanner looping = new JobPlanner(Optional.of("coco-to-yolo"), Optional.of("in"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> looping.plan(event("ObjectCreated:Put", "in", "coco-to-yolo/a.zip")));
        assertTrue(e.getMessage().startsWith("s3://in/coco-to-yolo/a.zip: refusing to write s3://in/coco-to-yolo/a.zip"),
                e.getMessage());
    }

    // --- the loop guard alone -------------------------------------------------------------

    @Test
    void loopGuardAllowsOtherBucketsAndUntriggeredPrefixes() {
        TriggerLoopGuard.check(new S3Uri("in", "coco-to-yolo/a.zip"), new S3Uri("out", "coco-to-yolo/a.zip"));
        TriggerLoopGuard.check(new S3Uri("data", "raw/a.zip"), new S3Uri("data", "converted/a.zip"));
    }

    @Test
    void loopGuardRefusesTheReadPrefixAndAnyFunctionPrefix() {
        refused(new S3Uri("in", "coco-to-yolo/a.zip"), new S3Uri("in", "coco-to-yolo/a.zip"));
        refused(new S3Uri("in", "coco-to-yolo/team/a.zip"), new S3Uri("in", "coco-to-yolo/other/a.zip"));
        refused(new S3Uri("data", "raw/a.zip"), new S3Uri("data", "raw/converted/a.zip"));
        refused(new S3Uri("data", "raw/a.zip"), new S3Uri("data", "auto-to-voc/a.zip"));
        refused(new S3Uri("data", "a.zip"), new S3Uri("data", "anywhere/a.zip"));
    }

    @Test
    void outputNamesDropTheArchiveExtension() {
        assertEquals("set", OutputNames.baseName(new S3Uri("b", "coco-to-yolo/set.tar.gz")));
        assertEquals("team/set", OutputNames.baseName(new S3Uri("b", "coco-to-yolo/team/set.tgz")));
        assertEquals("annotations", OutputNames.baseName(new S3Uri("b", "raw/2025/annotations.xml")));
        assertEquals("data.v2", OutputNames.baseName(new S3Uri("b", "coco-to-yolo/data.v2")));
    }

    @Test
    void downloadedFilesKeepSafeNamesOnly() {
        assertEquals("set.tar.gz", S3Converter.localName("set.tar.gz"));
        assertEquals("input", S3Converter.localName(".."));
        assertEquals("input.zip", S3Converter.localName("x".repeat(300) + ".zip"));
    }

    // --- helpers ----------------------------------------------------------------------------

    private static void refused(S3Uri input, S3Uri output) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TriggerLoopGuard.check(input, output));
        assertTrue(e.getMessage().contains("loop"), e.getMessage());
    }

    private void assertMessage(String expected, String payload) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> planner.plan(payload(payload)));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    private static ConvertInput event(String eventName, String bucket, String encodedKey) throws IOException {
        return JSON.readValue("""
                {"Records": [{"eventVersion": "2.1", "eventSource": "aws:s3", "eventName": "%s",
                  "s3": {"bucket": {"name": "%s", "arn": "arn:aws:s3:::%s"}, "object": {"key": "%s", "size": 1}}}]}"""
                .formatted(eventName, bucket, bucket, encodedKey), ConvertInput.class);
    }

    private static ConvertInput payload(String json) throws IOException {
        return JSON.readValue(json, ConvertInput.class);
    }

    private static ConversionJob single(List<ConversionJob> jobs) {
        assertEquals(1, jobs.size(), jobs.toString());
        return jobs.get(0);
    }
}

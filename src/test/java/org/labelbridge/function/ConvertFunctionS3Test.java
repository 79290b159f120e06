package org.labelbridge.function;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.labelbridge.function.S3ProxyResource.INPUT_BUCKET;
import static org.labelbridge.function.S3ProxyResource.OUTPUT_BUCKET;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.labelbridge.testing.Corpus;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The function end to end, as Lambda runs it: an S3 event or a Step Functions payload is
 * POSTed to Quarkus' Lambda mock event server, the real Funqy invocation path runs, and the
 * results are read back from a real S3 server (S3Proxy) and checked on content. The
 * deployment is {@code coco-to-yolo} (see application.properties).
 *
 * <p>The sample is the corpus' {@code coco_instances}: item {@code a} (train, 10x5) has box
 * {@code b [2,2,3,1]}; item {@code b} (val, 5x10) has polygon {@code a [0,0,1,0,1,2,0,2]} and a
 * crowd mask {@code b} (its two left columns).
 */
@QuarkusTest
@QuarkusTestResource(S3ProxyResource.class)
class ConvertFunctionS3Test {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path WORK_DIR = Path.of("target/function-work");

    @Inject
    S3Client s3;

    @AfterEach
    void workFolderIsCleaned() throws IOException {
        if (Files.isDirectory(WORK_DIR)) {
            try (Stream<Path> left = Files.list(WORK_DIR)) {
                assertEquals(List.of(), left.toList(), "the function leaves nothing in its work folder");
            }
        }
    }

    @Test
    void s3EventConvertsCocoToYoloIntoTheOutputBucket() throws IOException {
        put(INPUT_BUCKET, "coco-to-yolo/sample.zip", cocoSampleZip());

        JsonNode result = invokeOk(s3Event(INPUT_BUCKET, "coco-to-yolo/sample.zip"));

        assertEquals("converted", result.get("status").asText());
        JsonNode c = single(result.get("conversions"));
        assertEquals("s3://input-bucket/coco-to-yolo/sample.zip", c.get("input").asText());
        assertEquals("coco", c.get("from").asText());
        assertEquals("yolo", c.get("to").asText());
        assertEquals("s3://output-bucket/coco-to-yolo/sample.zip", c.get("output").asText());
        assertEquals("s3://output-bucket/coco-to-yolo/sample.report.json", c.get("report").asText());
        assertEquals(2, c.get("items_in").asLong());
        assertEquals(2, c.get("items_out").asLong());
        assertEquals(3, c.get("annotations_in").asLong());
        assertEquals(1, c.get("annotations_out").asLong(), "only the box fits YOLO");
        assertTrue(c.get("lossy").asBoolean());

        Map<String, String> yolo = textEntries(get(OUTPUT_BUCKET, "coco-to-yolo/sample.zip"));
        assertEquals(List.of("a", "b", "c"), lines(yolo.get("obj.names")));
        // box b [2,2,3,1] in a 10x5 image: centre (3.5, 2.5), size 3x1, normalised.
        assertYoloLines(List.of(new double[] {1, 0.35, 0.5, 0.3, 0.2}), labelFile(yolo, "a"));
        assertYoloLines(List.of(), labelFile(yolo, "b"));

        JsonNode report = JSON.readTree(get(OUTPUT_BUCKET, "coco-to-yolo/sample.report.json"));
        assertEquals("s3://input-bucket/coco-to-yolo/sample.zip", report.get("input").asText());
        assertEquals("coco", report.get("from").asText());
        assertEquals("yolo", report.get("to").asText());
        assertEquals(2, report.at("/items/in").asLong());
        assertEquals(2, report.at("/items/out").asLong());
        assertEquals(1, report.at("/annotations/in/bbox").asLong());
        assertEquals(1, report.at("/annotations/in/polygon").asLong());
        assertEquals(1, report.at("/annotations/in/mask").asLong());
        assertEquals(3, report.at("/annotations/total_in").asLong());
        assertEquals(1, report.at("/annotations/total_out").asLong());
        assertEquals(report.get("changes").size(), c.get("changes").asInt());
        for (String kind : List.of("polygon", "mask")) {
            JsonNode drop = change(report, "dropped", kind);
            assertEquals(1, drop.get("count").asLong(), kind);
            assertEquals("b", single(drop.get("examples")).asText(), kind);
            assertTrue(drop.get("reason").asText().contains("cannot hold " + kind), drop.toString());
        }
    }

    @Test
    void theFunctionWritesTheZipItsReportItsPreviewAndItsPage() throws Exception {
        put(INPUT_BUCKET, "coco-to-yolo/insight/sample.zip", cocoSampleZip());

        invokeOk(s3Event(INPUT_BUCKET, "coco-to-yolo/insight/sample.zip"));

        assertEquals(List.of("coco-to-yolo/insight/sample.preview.png", "coco-to-yolo/insight/sample.report.html",
                        "coco-to-yolo/insight/sample.report.json", "coco-to-yolo/insight/sample.zip"),
                keys(OUTPUT_BUCKET).stream().filter(k -> k.startsWith("coco-to-yolo/insight/")).toList());
        JsonNode report = JSON.readTree(get(OUTPUT_BUCKET, "coco-to-yolo/insight/sample.report.json"));
        assertEquals("s3://output-bucket/coco-to-yolo/insight/sample.preview.png", report.get("preview_image").asText());
        assertEquals("s3://output-bucket/coco-to-yolo/insight/sample.report.html", report.get("page").asText());
        assertEquals(List.of("train/a", "val/b"), JSON.convertValue(report.at("/preview/items"), List.class),
                "the function draws 16 items by default: both of the sample's");
        assertEquals(1, report.at("/statistics/labels/b/annotations/bbox").asLong(), "statistics of what was written");
        assertEquals(1, report.at("/statistics/items_without_annotations").asLong(), "b lost its polygon and mask");
        java.awt.image.BufferedImage png = javax.imageio.ImageIO.read(new ByteArrayInputStream(
                get(OUTPUT_BUCKET, "coco-to-yolo/insight/sample.preview.png")));
        assertEquals(report.at("/preview/width").asInt(), png.getWidth());
        org.w3c.dom.Document page = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(get(OUTPUT_BUCKET, "coco-to-yolo/insight/sample.report.html")));
        org.w3c.dom.NodeList images = page.getElementsByTagName("img");
        assertEquals(1, images.getLength());
        assertTrue(((org.w3c.dom.Element) images.item(0)).getAttribute("src").startsWith("data:image/png;base64,"),
                "the preview is inside the page");
    }

    @Test
    void s3EventKeysAreUrlDecoded() throws IOException {
        // S3 sends "team a/sample+v2.zip" as "team+a/sample%2Bv2.zip".
        put(INPUT_BUCKET, "coco-to-yolo/team a/sample+v2.zip", cocoSampleZip());

        JsonNode c = single(invokeOk(s3Event(INPUT_BUCKET, "coco-to-yolo/team+a/sample%2Bv2.zip")).get("conversions"));

        assertEquals("s3://input-bucket/coco-to-yolo/team a/sample+v2.zip", c.get("input").asText());
        assertEquals("s3://output-bucket/coco-to-yolo/team a/sample+v2.zip", c.get("output").asText());
        Map<String, String> yolo = textEntries(get(OUTPUT_BUCKET, "coco-to-yolo/team a/sample+v2.zip"));
        assertYoloLines(List.of(new double[] {1, 0.35, 0.5, 0.3, 0.2}), labelFile(yolo, "a"));
        assertEquals("s3://input-bucket/coco-to-yolo/team a/sample+v2.zip",
                JSON.readTree(get(OUTPUT_BUCKET, "coco-to-yolo/team a/sample+v2.report.json")).get("input").asText());
    }

    @Test
    void eventsOtherThanObjectCreatedAreSkipped() throws IOException {
        String removed = s3Event(INPUT_BUCKET, "coco-to-yolo/gone.zip").replace("ObjectCreated:Put", "ObjectRemoved:Delete");

        JsonNode result = invokeOk(removed);

        assertEquals("skipped", result.get("status").asText());
        assertEquals(0, result.get("conversions").size());
    }

    @Test
    void stepFunctionsPayloadDetectsTheSourceAndAppliesOptions() throws IOException {
        put(INPUT_BUCKET, "datasets/run-1/coco.zip", cocoSampleZip());

        JsonNode result = invokeOk(payload("s3://input-bucket/datasets/run-1/coco.zip", "auto", "yolo",
                Map.of("shapes_to_boxes", true), "s3://output-bucket/step-functions/run-1/"));

        JsonNode c = single(result.get("conversions"));
        assertEquals("coco", c.get("from").asText(), "detected");
        assertEquals("coco", c.at("/detection/format").asText());
        assertEquals(100, c.at("/detection/confidence").asInt(), "COCO's detector is sure of instances_*.json");
        assertEquals("s3://output-bucket/step-functions/run-1/coco.zip", c.get("output").asText());
        assertEquals(0, c.get("dropped_annotations").asInt(), "nothing dropped with shapes_to_boxes");
        assertTrue(c.get("bytes_in").asLong() > 0 && c.get("bytes_out").asLong() > 0, c.toString());
        assertEquals(3, c.get("annotations_out").asLong(), "polygon and mask kept as boxes");

        Map<String, String> yolo = textEntries(get(OUTPUT_BUCKET, "step-functions/run-1/coco.zip"));
        assertYoloLines(List.of(new double[] {1, 0.35, 0.5, 0.3, 0.2}), labelFile(yolo, "a"));
        // In the 5x10 image b: polygon a -> box [0,0,1,2]; mask b (two left columns) -> box [0,0,2,10].
        assertYoloLines(List.of(new double[] {0, 0.1, 0.1, 0.2, 0.2}, new double[] {1, 0.2, 0.5, 0.4, 1.0}),
                labelFile(yolo, "b"));

        JsonNode report = JSON.readTree(get(OUTPUT_BUCKET, "step-functions/run-1/coco.report.json"));
        assertEquals("coco", report.at("/detection/format").asText());
        assertEquals(100, report.at("/detection/confidence").asInt());
        assertEquals("annotations/instances_train.json", report.at("/detection/evidence").asText());
        assertTrue(report.at("/options/shapes_to_boxes").asBoolean());
        assertEquals(1, change(report, "changed", "polygon").get("count").asLong());
        assertEquals(1, change(report, "changed", "mask").get("count").asLong());
    }

    @Test
    void corruptArchiveFailsNamingTheInputAndWritesOnlyAnErrorReport() throws IOException {
        put(INPUT_BUCKET, "coco-to-yolo/broken.zip", "this is not a zip".getBytes(StandardCharsets.UTF_8));
        List<String> before = keys(OUTPUT_BUCKET);

        String error = invokeFailing(s3Event(INPUT_BUCKET, "coco-to-yolo/broken.zip"));

        assertTrue(error.contains("s3://input-bucket/coco-to-yolo/broken.zip"), error);
        assertTrue(error.contains("corrupt archive"), error);
        assertEquals(added(before, "coco-to-yolo/broken.error.json"), keys(OUTPUT_BUCKET),
                "no zip and no report for a failed conversion: an error report");
        JsonNode report = JSON.readTree(get(OUTPUT_BUCKET, "coco-to-yolo/broken.error.json"));
        assertEquals("conversion_failed", report.get("error").asText());
        assertEquals(false, report.get("retryable").asBoolean());
        assertTrue(report.get("message").asText().contains("corrupt archive"), report.toString());
    }

    @Test
    void unknownTargetFailsNamingTheInputAndWritesNothing() throws IOException {
        put(INPUT_BUCKET, "datasets/unknown-target.zip", cocoSampleZip());
        List<String> before = keys(OUTPUT_BUCKET);

        String error = invokeFailing(payload("s3://input-bucket/datasets/unknown-target.zip", "coco", "nosuch",
                Map.of(), null));

        assertTrue(error.contains("s3://input-bucket/datasets/unknown-target.zip"), error);
        assertTrue(error.contains("unknown format 'nosuch'"), error);
        assertEquals(before, keys(OUTPUT_BUCKET), "refused before downloading: nothing written, not even an error report");
    }

    @Test
    void unknownOptionFailsBeforeDownloading() {
        String error = invokeFailing(payload("s3://input-bucket/datasets/never-read.zip", "coco", "yolo",
                Map.of("shapes_to_box", true), null));

        assertTrue(error.contains("s3://input-bucket/datasets/never-read.zip"), error);
        assertTrue(error.contains("unknown option 'shapes_to_box'"), error);
    }

    @Test
    void missingObjectFailsNamingIt() {
        String error = invokeFailing(s3Event(INPUT_BUCKET, "coco-to-yolo/not-there.zip"));

        assertTrue(error.contains("s3://input-bucket/coco-to-yolo/not-there.zip"), error);
        assertTrue(error.contains("no such object"), error);
    }

    @Test
    void refusesToWriteWhereItReads() throws IOException {
        put(INPUT_BUCKET, "coco-to-yolo/loop.zip", cocoSampleZip());
        List<String> before = keys(INPUT_BUCKET);

        String sameFolder = invokeFailing(payload("s3://input-bucket/coco-to-yolo/loop.zip", "coco", "yolo",
                Map.of(), "s3://input-bucket/coco-to-yolo/converted/"));
        String otherTrigger = invokeFailing(payload("s3://input-bucket/coco-to-yolo/loop.zip", "coco", "yolo",
                Map.of(), "s3://input-bucket/auto-to-voc/"));

        for (String error : List.of(sameFolder, otherTrigger)) {
            assertTrue(error.contains("s3://input-bucket/coco-to-yolo/loop.zip"), error);
            assertTrue(error.contains("refusing to write"), error);
            assertTrue(error.contains("loop"), error);
        }
        assertEquals(before, keys(INPUT_BUCKET), "nothing written into the input bucket");
    }

    static Stream<String> oddKeys() {
        return Stream.of(
                "coco-to-yolo/données/ünïcödé 数据.zip",
                "coco-to-yolo/a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p/q/r/s/t/deep.zip",
                "coco-to-yolo/odd %41 #1 ?x=y&z ~'(!)*;,@$.zip",
                "coco-to-yolo/plus+and space+.tar.gz",
                "coco-to-yolo/emoji 😀/" + "long".repeat(40) + ".zip");
    }

    @ParameterizedTest
    @MethodSource("oddKeys")
    void oddKeysAreDecodedConvertedAndNamedAfterTheirInput(String key) throws IOException {
        byte[] input = key.endsWith(".tar.gz") ? cocoSampleTarGz() : cocoSampleZip();
        put(INPUT_BUCKET, key, input);
        String base = key.substring(0, key.indexOf(key.endsWith(".tar.gz") ? ".tar.gz" : ".zip"));

        // As S3 sends keys in events: URL-encoded, a space as '+'.
        JsonNode c = single(invokeOk(s3Event(INPUT_BUCKET, URLEncoder.encode(key, StandardCharsets.UTF_8)
                .replace("%2F", "/"))).get("conversions"));

        assertEquals("s3://input-bucket/" + key, c.get("input").asText());
        assertEquals("s3://output-bucket/" + base + ".zip", c.get("output").asText());
        assertYoloLines(List.of(new double[] {1, 0.35, 0.5, 0.3, 0.2}), labelFile(textEntries(get(OUTPUT_BUCKET,
                base + ".zip")), "a"));
        assertEquals("s3://input-bucket/" + key, JSON.readTree(get(OUTPUT_BUCKET, base + ".report.json")).get("input")
                .asText());
    }

    @Test
    void transientS3FaultsInTheInvocationAreRetried() throws IOException {
        put(INPUT_BUCKET, "coco-to-yolo/flaky.zip", cocoSampleZip());
        // More failures in a row than the SDK retries by itself: labelbridge's own retry gets it through.
        S3ProxyResource.faults().inject("GET", "^/input-bucket/coco-to-yolo/flaky\\.zip", FaultProxy.Fault.RESET, 4)
                .inject("PUT", "^/output-bucket/coco-to-yolo/flaky\\.zip", FaultProxy.Fault.INTERNAL_ERROR, 4);
        try {
            JsonNode c = single(invokeOk(s3Event(INPUT_BUCKET, "coco-to-yolo/flaky.zip")).get("conversions"));

            assertEquals("s3://output-bucket/coco-to-yolo/flaky.zip", c.get("output").asText());
            assertYoloLines(List.of(new double[] {1, 0.35, 0.5, 0.3, 0.2}),
                    labelFile(textEntries(get(OUTPUT_BUCKET, "coco-to-yolo/flaky.zip")), "a"));
        } finally {
            S3ProxyResource.faults().reset();
        }
    }

    @Test
    void anS3ThatKeepsFailingFailsTheInvocationAsStorageUnavailable() {
        put(INPUT_BUCKET, "coco-to-yolo/down.zip", "PK".getBytes(StandardCharsets.UTF_8));
        S3ProxyResource.faults().inject("GET", "^/input-bucket/coco-to-yolo/down\\.zip", FaultProxy.Fault.INTERNAL_ERROR,
                Integer.MAX_VALUE);
        try {
            Response response = post(s3Event(INPUT_BUCKET, "coco-to-yolo/down.zip"));

            assertEquals(500, response.statusCode(), response.asString());
            String message = response.jsonPath().getString("errorMessage");
            assertTrue(message.startsWith(StorageUnavailableException.class.getName() + ": s3://input-bucket/coco-to-yolo/"
                    + "down.zip: conversion coco -> yolo failed, no output written (error report"
                    + " s3://output-bucket/coco-to-yolo/down.error.json): read bytes 0-1 of"
                    + " s3://input-bucket/coco-to-yolo/down.zip: S3 kept failing, 4 attempts: HTTP 500 InternalError"),
                    message);
        } finally {
            S3ProxyResource.faults().reset();
        }
        assertTrue(keys(OUTPUT_BUCKET).contains("coco-to-yolo/down.error.json"));
        assertFalse(keys(OUTPUT_BUCKET).contains("coco-to-yolo/down.zip"));
    }

    // --- invoking -----------------------------------------------------------------------

    private static JsonNode invokeOk(String event) throws IOException {
        Response response = post(event);
        assertEquals(200, response.statusCode(), response.asString());
        return JSON.readTree(response.asString());
    }

    /** The invocation's error message, as the Lambda runtime reports it. */
    private static String invokeFailing(String event) {
        Response response = post(event);
        assertEquals(500, response.statusCode(), response.asString());
        String message = response.jsonPath().getString("errorMessage");
        assertNotNull(message, response.asString());
        // Funqy wraps what the function throws: errorType is its ApplicationException.
        assertTrue(message.startsWith(ConversionFailedException.class.getName() + ": "), message);
        return message;
    }

    private static Response post(String event) {
        return given().contentType("application/json").body(event).when().post();
    }

    /** An S3 ObjectCreated notification as AWS sends it; {@code encodedKey} is URL-encoded. */
    private static String s3Event(String bucket, String encodedKey) {
        return """
                {
                  "Records": [
                    {
                      "eventVersion": "2.1",
                      "eventSource": "aws:s3",
                      "awsRegion": "us-east-1",
                      "eventTime": "2025-11-28T16:00:00.000Z",
                      "eventName": "ObjectCreated:Put",
                      "userIdentity": {"principalId": "AWS:AIDAEXAMPLE"},
                      "requestParameters": {"sourceIPAddress": "127.0.0.1"},
                      "responseElements": {
                        "x-amz-request-id": "C3D13FE58DE4C810",
                        "x-amz-id-2": "FMyUVURIY8/IgAtTv8xRjskZQpcIZ9KG4V5Wp6S7S/JRWeUWerMUE5JgHvANOjpD"
                      },
                      "s3": {
                        "s3SchemaVersion": "1.0",
                        "configurationId": "coco-to-yolo",
                        "bucket": {
                          "name": "%s",
                          "ownerIdentity": {"principalId": "A3NL1KOZZKExample"},
                          "arn": "arn:aws:s3:::%s"
                        },
                        "object": {
                          "key": "%s",
                          "size": 1024,
                          "eTag": "d41d8cd98f00b204e9800998ecf8427e",
                          "sequencer": "0055AED6DCD90281E5"
                        }
                      }
                    }
                  ]
                }
                """.formatted(bucket, bucket, encodedKey);
    }

    private static String payload(String source, String from, String to, Map<String, Object> options,
                                  String destination) {
        Map<String, Object> payload = new TreeMap<>();
        payload.put("source", source);
        payload.put("from", from);
        payload.put("to", to);
        payload.put("options", options);
        if (destination != null) {
            payload.put("destination", destination);
        }
        try {
            return JSON.writeValueAsString(payload);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- S3 and archives ----------------------------------------------------------------

    private void put(String bucket, String key, byte[] bytes) {
        s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(bytes));
    }

    private byte[] get(String bucket, String key) {
        return s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
    }

    private List<String> keys(String bucket) {
        return s3.listObjectsV2Paginator(b -> b.bucket(bucket)).contents().stream().map(S3Object::key).sorted().toList();
    }

    /** The corpus sample zipped as a user would: one top-level folder holding the dataset. */
    private static byte[] cocoSampleZip() throws IOException {
        Path root = Corpus.path("coco_1.0/coco_instances");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes); Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(new ZipEntry("coco_instances/" + root.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, zip);
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** The corpus sample as a tar.gz, one top-level folder holding the dataset. */
    private static byte[] cocoSampleTarGz() throws IOException {
        Path root = Corpus.path("coco_1.0/coco_instances");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (var gz = new org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream(bytes);
             var tar = new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(gz);
             Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                var entry = new org.apache.commons.compress.archivers.tar.TarArchiveEntry(
                        "coco_instances/" + root.relativize(file).toString().replace('\\', '/'));
                entry.setSize(Files.size(file));
                tar.putArchiveEntry(entry);
                Files.copy(file, tar);
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static List<String> added(List<String> before, String key) {
        List<String> after = new ArrayList<>(before);
        after.add(key);
        return after.stream().sorted().toList();
    }

    /** The zip's non-image entries as text, by path. */
    private static Map<String, String> textEntries(byte[] zipBytes) throws IOException {
        Map<String, String> entries = new TreeMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(zipBytes))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (!e.isDirectory() && !e.getName().endsWith(".jpg")) {
                    entries.put(e.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return entries;
    }

    /** The one YOLO label file of an item, wherever the subset put it ({@code obj_<subset>_data/<id>.txt}). */
    private static String labelFile(Map<String, String> entries, String itemId) {
        List<String> found = entries.keySet().stream()
                .filter(p -> p.equals(itemId + ".txt") || p.endsWith("/" + itemId + ".txt")).toList();
        assertEquals(1, found.size(), "label file of item " + itemId + " in " + entries.keySet());
        return entries.get(found.get(0));
    }

    private static List<String> lines(String text) {
        assertNotNull(text);
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    /** Label file lines {@code class cx cy w h}, compared as numbers (writers may format them differently). */
    private static void assertYoloLines(List<double[]> expected, String labelFile) {
        List<String> actual = lines(labelFile);
        assertEquals(expected.size(), actual.size(), "lines: " + actual);
        List<double[]> parsed = new ArrayList<>();
        for (String line : actual) {
            parsed.add(Arrays.stream(line.split("\\s+")).mapToDouble(Double::parseDouble).toArray());
        }
        parsed.sort((x, y) -> Double.compare(x[0], y[0]));
        for (int i = 0; i < expected.size(); i++) {
            double[] e = expected.get(i);
            double[] a = parsed.get(i);
            assertEquals(5, a.length, actual.get(i));
            assertEquals((int) e[0], (int) a[0], "class of " + actual);
            for (int k = 1; k < 5; k++) {
                assertEquals(e[k], a[k], 1e-6, "value " + k + " of " + actual);
            }
        }
    }

    private static JsonNode change(JsonNode report, String action, String kind) {
        for (JsonNode entry : report.get("changes")) {
            if (entry.get("action").asText().equals(action) && entry.get("kind").asText().equals(kind)) {
                return entry;
            }
        }
        throw new AssertionError("no '" + action + " " + kind + "' entry in " + report.get("changes"));
    }

    private static JsonNode single(JsonNode array) {
        assertEquals(1, array.size(), array.toString());
        return array.get(0);
    }
}

package org.labelbridge.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.Zips;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * {@code ./labelbridge serve} end to end, through the S3 API: an archive uploaded under a
 * function's prefix of the input bucket comes out converted, with its report, in the output
 * bucket; one copied into the folder does too; a broken one leaves nothing and is logged. The
 * sample is the corpus' {@code coco_instances} (item {@code a}: box {@code b [2,2,3,1]} in
 * 10x5; item {@code b}: a polygon and a mask that YOLO cannot hold). The server runs with the
 * function's settings as a deployment gives them ({@code LABELBRIDGE_WORK_DIR}).
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class LocalBucketModeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;

    private static final ByteArrayOutputStream LOGS = new ByteArrayOutputStream();
    private static final ByteArrayOutputStream MESSAGES = new ByteArrayOutputStream();
    private static LocalBucketMode serve;
    private static S3Client s3;
    private static Path sampleZip;

    @BeforeAll
    static void start() throws IOException {
        sampleZip = Zips.zipFolder(Corpus.path("coco_1.0/coco_instances"), tmp.resolve("coco.zip"), "coco_instances/");
        serve = LocalBucketMode.start(new LocalBucketMode.Settings(tmp.resolve("buckets"), 0, "input", "output", 100, 0),
                Map.of("LABELBRIDGE_WORK_DIR", tmp.resolve("function-work").toString()),
                new PrintStream(LOGS, true, StandardCharsets.UTF_8), new PrintStream(MESSAGES, true, StandardCharsets.UTF_8));
        s3 = serve.client();
    }

    @AfterAll
    static void stop() throws IOException {
        if (s3 != null) {
            s3.close();
        }
        if (serve != null) {
            serve.close();
        }
    }

    /**
     * A tar.gz converts without its files ever being in the work folder: it is inflated into a
     * scratch object beside the output, not into LABELBRIDGE_WORK_DIR, which is emptied after the
     * run; the scratch object is gone too.
     */
    @Test
    void aTarGzIsInflatedBesideTheOutputAndLeavesNothingBehind() throws Exception {
        Zips.zipFolder(Corpus.path("coco_1.0/coco_instances"), tmp.resolve("big.zip"), "coco_instances/");
        byte[] noise = new byte[2 << 20];
        new java.util.Random(3).nextBytes(noise);
        Path withNoise = Files.copy(tmp.resolve("big.zip"), tmp.resolve("big-noise.zip"));
        try (var zip = java.nio.file.FileSystems.newFileSystem(withNoise)) {
            Files.write(Files.createDirectories(zip.getPath("coco_instances/notes")).resolve("noise.bin"), noise);
        }
        Path tarGz = Zips.tarOf(withNoise, tmp.resolve("big.tar.gz"), true);
        s3.putObject(b -> b.bucket("input").key("auto-to-yolo/big.tar.gz"), RequestBody.fromFile(tarGz));

        await("output", "auto-to-yolo/big.report.json");

        Path yolo = Files.write(tmp.resolve("big-yolo.zip"), get("output", "auto-to-yolo/big.zip"));
        assertEquals("a\nb\nc\n", Zips.text(yolo, "obj.names"));
        assertEquals("1 0.35 0.5 0.3 0.2\n", Zips.text(yolo, "obj_train_data/a.txt"));
        List<String> keys = s3.listObjectsV2(b -> b.bucket("output").prefix("auto-to-yolo/big.")).contents().stream()
                .map(S3Object::key).toList();
        assertTrue(keys.contains("auto-to-yolo/big.zip") && keys.stream().noneMatch(k -> k.contains("scratch")),
                "the zip, and no scratch object: " + keys);
        // The run deletes its work folder after it uploads the report: wait for that, not for the report.
        assertEquals(List.of(), awaitEmpty(tmp.resolve("function-work")),
                "LABELBRIDGE_WORK_DIR is the work folder, emptied after each run");
    }

    /** What is left in the folder once it is empty, or after 30 s. */
    private static List<Path> awaitEmpty(Path folder) throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (true) {
            List<Path> left;
            try (var files = Files.list(folder)) {
                left = files.toList();
            }
            if (left.isEmpty() || System.currentTimeMillis() > deadline) {
                return left;
            }
            Thread.sleep(50);
        }
    }

    @Test
    void anUploadedArchiveComesOutConvertedWithItsReport() throws Exception {
        long started = System.nanoTime();
        s3.putObject(b -> b.bucket("input").key("auto-to-yolo/team a/coco.zip"), RequestBody.fromFile(sampleZip));

        byte[] report = await("output", "auto-to-yolo/team a/coco.report.json");
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("serve: upload to report in " + millis + " ms");

        Path yolo = tmp.resolve("yolo.zip");
        Files.write(yolo, get("output", "auto-to-yolo/team a/coco.zip"));
        assertEquals("a\nb\nc\n", Zips.text(yolo, "obj.names"));
        assertEquals("1 0.35 0.5 0.3 0.2\n", Zips.text(yolo, "obj_train_data/a.txt"));
        JsonNode json = JSON.readTree(report);
        assertEquals("s3://input/auto-to-yolo/team a/coco.zip", json.get("input").asText());
        assertEquals("coco", json.at("/detection/format").asText());
        assertTrue(json.at("/detection/confidence").asInt() > 50, json.get("detection").toString());
        assertEquals("coco_instances/", json.at("/detection/root").asText());
        assertEquals(3, json.at("/annotations/total_in").asInt());
        assertEquals(1, json.at("/annotations/total_out").asInt());

        // The run's JSON log: a line per stage, the conversion, and one metrics line, the last
        // (logged after the report is uploaded: wait for it before reading the others).
        awaitMetrics("s3://input/auto-to-yolo/team a/coco.zip");
        List<JsonNode> lines = logLines("s3://input/auto-to-yolo/team a/coco.zip");
        List<String> stages = new ArrayList<>();
        lines.stream().filter(l -> l.get("event").asText().equals("stage")).forEach(l -> stages.add(l.get("stage").asText()));
        assertEquals(List.of("open", "detect", "convert", "finish", "preview", "upload"), stages);
        JsonNode convert = stage(lines, "convert");
        assertEquals(2, convert.get("items_in").asInt());
        assertEquals(3, convert.get("annotations_in").asInt());
        assertEquals(1, convert.get("annotations_out").asInt());
        assertEquals(2, convert.get("dropped_annotations").asInt());
        assertEquals(Files.size(sampleZip), stage(lines, "open").get("bytes_in").asLong());
        assertTrue(lines.stream().anyMatch(l -> l.get("event").asText().equals("progress")
                && l.get("items").asInt() >= 1), "progress lines (interval 0 in this test)");
        JsonNode converted = single(lines, "converted");
        assertEquals("auto-to-yolo", converted.get("function").asText());
        assertEquals("coco", converted.get("detected").asText());
        JsonNode metrics = metrics("s3://input/auto-to-yolo/team a/coco.zip");
        assertEquals("labelbridge", metrics.at("/_aws/CloudWatchMetrics/0/Namespace").asText());
        assertEquals("Function", metrics.at("/_aws/CloudWatchMetrics/0/Dimensions/0/0").asText());
        assertEquals("auto-to-yolo", metrics.get("Function").asText());
        assertEquals(2, metrics.get("ItemsIn").asInt());
        assertEquals(3, metrics.get("AnnotationsIn").asInt());
        assertEquals(1, metrics.get("AnnotationsOut").asInt());
        assertEquals(2, metrics.get("DroppedAnnotations").asInt());
        assertEquals(0, metrics.get("Failures").asInt());
        assertEquals(Files.size(sampleZip), metrics.get("BytesIn").asLong());
        assertEquals(Files.size(yolo), metrics.get("BytesOut").asLong());
        assertTrue(messages().contains("s3://input/auto-to-yolo/team a/coco.zip -> s3://output/auto-to-yolo/team a/coco.zip"
                + " (coco, detected with confidence"), messages());
    }

    @Test
    void anArchiveCopiedIntoTheFolderIsConvertedToo() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("buckets/input/coco-to-voc"));
        Files.copy(sampleZip, folder.resolve("copied.zip"));

        await("output", "coco-to-voc/copied.report.json");

        Path voc = tmp.resolve("voc.zip");
        Files.write(voc, get("output", "coco-to-voc/copied.zip"));
        String a = Zips.text(voc, "Annotations/a.xml");
        assertTrue(a.contains("<name>b</name>") && a.contains("<xmin>2") && a.contains("<xmax>5"), a);
    }

    @Test
    void aBrokenArchiveLeavesNothingAndIsLogged() throws Exception {
        s3.putObject(b -> b.bucket("input").key("auto-to-yolo/broken.zip"), RequestBody.fromString("not a zip"));

        JsonNode metrics = awaitMetrics("s3://input/auto-to-yolo/broken.zip");

        assertEquals(1, metrics.get("Failures").asInt());
        JsonNode failed = single(logLines("s3://input/auto-to-yolo/broken.zip"), "failed");
        assertTrue(failed.get("error").asText().contains("corrupt archive"), failed.toString());
        assertTrue(messages().contains("failed: s3://input/auto-to-yolo/broken.zip"), messages());
        // No result, only the error report saying why.
        assertEquals(List.of("auto-to-yolo/broken.error.json"),
                keys("output").stream().filter(k -> k.contains("broken")).toList());
        JsonNode error = JSON.readTree(get("output", "auto-to-yolo/broken.error.json"));
        assertTrue(error.toString().contains("corrupt archive"), error.toString());
    }

    // --- helpers ------------------------------------------------------------------------------

    private static byte[] await(String bucket, String key) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            try {
                return get(bucket, key);
            } catch (NoSuchKeyException e) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("no s3://" + bucket + "/" + key + " after 120 s; messages: " + messages());
    }

    private static JsonNode awaitMetrics(String input) throws Exception {
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            JsonNode metrics = metricsOrNull(input);
            if (metrics != null) {
                return metrics;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no metrics line for " + input + "; messages: " + messages());
    }

    private static byte[] get(String bucket, String key) {
        return s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
    }

    private static List<String> keys(String bucket) {
        return s3.listObjectsV2Paginator(b -> b.bucket(bucket)).contents().stream().map(S3Object::key).toList();
    }

    private static String messages() {
        return MESSAGES.toString(StandardCharsets.UTF_8);
    }

    /** The log lines (not the metrics) about one input. */
    private static List<JsonNode> logLines(String input) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : LOGS.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                JsonNode json = JSON.readTree(line);
                if (json.has("event") && input.equals(json.path("input").asText())) {
                    lines.add(json);
                }
            }
        }
        return lines;
    }

    private static JsonNode metrics(String input) throws IOException {
        JsonNode metrics = metricsOrNull(input);
        if (metrics == null) {
            throw new AssertionError("no metrics line for " + input + " in " + LOGS);
        }
        return metrics;
    }

    private static JsonNode metricsOrNull(String input) throws IOException {
        for (String line : LOGS.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                JsonNode json = JSON.readTree(line);
                if (json.has("_aws") && input.equals(json.path("input").asText())) {
                    return json;
                }
            }
        }
        return null;
    }

    private static JsonNode stage(List<JsonNode> lines, String stage) {
        return lines.stream().filter(l -> stage.equals(l.path("stage").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no stage " + stage + " in " + lines));
    }

    private static JsonNode single(List<JsonNode> lines, String event) {
        List<JsonNode> found = lines.stream().filter(l -> event.equals(l.get("event").asText())).toList();
        assertEquals(1, found.size(), lines.toString());
        return found.get(0);
    }
}

package org.labelbridge.function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.labelbridge.function.S3TestServer.INPUT_BUCKET;
import static org.labelbridge.function.S3TestServer.OUTPUT_BUCKET;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.labelbridge.archive.ArchiveLimits;
import org.labelbridge.convert.ConversionOptions;
import org.labelbridge.function.FaultProxy.Fault;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.Zips;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Faults between the function and S3, for real: S3Proxy behind a {@link FaultProxy} that
 * answers 500 or 503 SlowDown, resets connections or cuts bodies short where each test says.
 * The input is read by ranges ({@link S3ObjectBytes}) and the output uploaded while it is
 * written ({@link S3UploadChannel}).
 * The SDK's own retries are off here, so what recovers is labelbridge's retry with backoff.
 * Every fault ends either in the right output, byte for byte what a fault-free run gives, or
 * in a clean failure: no zip, no report, an error report saying why, no multipart upload left.
 */
class S3FaultTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ATTEMPTS = 4;

    @RegisterExtension
    static final S3TestServer.PerClass S3 = new S3TestServer.PerClass();
    private static byte[] cocoZip;
    /** The same files as {@link #cocoZip}, as a tar.gz. */
    private static byte[] cocoTarGz;
    private static byte[] expectedOutput;

    @TempDir
    Path work;

    @BeforeAll
    static void start(@TempDir Path tmp) throws IOException {
        cocoZip = Files.readAllBytes(Zips.zipFolder(Corpus.path("coco_1.0/coco_instances"), tmp.resolve("coco.zip"),
                "coco_instances/"));
        cocoTarGz = Files.readAllBytes(Zips.tarOf(tmp.resolve("coco.zip"), tmp.resolve("coco.tar.gz"), true));
        // The output of a run without faults: every faulty run that succeeds must give these bytes.
        put("reference/set.zip", cocoZip);
        converter(tmp, 1L << 20).run(job("reference/set.zip", "ref/"));
        expectedOutput = get("ref/set.zip");
    }

    @BeforeEach
    void noFaults() {
        S3.server().faults().reset();
    }

    @AfterEach
    void workFolderIsEmpty() throws IOException {
        try (Stream<Path> left = Files.list(work)) {
            assertEquals(List.of(), left.toList(), "the conversion leaves nothing in its work folder");
        }
    }

    // --- transient faults: retried, then the right output ---------------------------------------

    @ParameterizedTest(name = "{0}")
    @EnumSource(Fault.class)
    void aRangeThatFailsTwiceIsRetriedAloneAndTheOutputIsTheSame(Fault fault) throws IOException {
        put("clean-" + fault + "/set.zip", cocoZip);
        converter().run(job("clean-" + fault + "/set.zip", "out-clean-" + fault + "/"));
        int rangesOfACleanRun = requests("GET /" + INPUT_BUCKET + "/clean-" + fault + "/").size();
        put("dl-" + fault + "/set.zip", cocoZip);
        S3.server().faults().inject("GET", "^/" + INPUT_BUCKET + "/dl-" + fault + "/set\\.zip", fault, 2);

        converter().run(job("dl-" + fault + "/set.zip", "out-dl-" + fault + "/"));

        assertArrayEquals(expectedOutput, get("out-dl-" + fault + "/set.zip"));
        assertEquals(List.of("out-dl-" + fault + "/set.report.html", "out-dl-" + fault + "/set.report.json",
                        "out-dl-" + fault + "/set.zip"),
                outputKeys("out-dl-" + fault + "/"));
        // The range that failed is asked for again (from where its body broke off, if it did), twice at
        // most; nothing else is read again.
        int ranges = requests("GET /" + INPUT_BUCKET + "/dl-" + fault + "/").size();
        assertTrue(ranges > rangesOfACleanRun && ranges <= rangesOfACleanRun + 2, rangesOfACleanRun + " ranges without"
                + " faults, with: " + S3.server().faults().log());
    }

    /**
     * A tar.gz is inflated into a scratch object beside the output, written in parts and read
     * back by ranges: a write and a read of it that fail twice are retried, the output is that
     * of a run without faults, and the scratch object is gone afterwards.
     */
    @Test
    void aTarGzWhoseScratchCopyFailsTwiceEachWayConvertsTheSameAndLeavesNoScratchCopy() throws IOException {
        put("clean-tgz/set.tar.gz", cocoTarGz);
        converter().run(job("clean-tgz/set.tar.gz", "out-clean-tgz/"));
        byte[] withoutFaults = get("out-clean-tgz/set.zip");
        put("tgz/set.tar.gz", cocoTarGz);
        String scratch = "/" + OUTPUT_BUCKET + "/out-tgz/set\\.zip\\.scratch-[0-9a-f]{8}\\.tar";
        S3.server().faults().inject("PUT", "^" + scratch, Fault.RESET, 2).inject("GET", "^" + scratch, Fault.CLOSE, 2);

        converter().run(job("tgz/set.tar.gz", "out-tgz/"));

        assertArrayEquals(withoutFaults, get("out-tgz/set.zip"));
        assertEquals(List.of("out-tgz/set.report.html", "out-tgz/set.report.json", "out-tgz/set.zip"),
                outputKeys("out-tgz/"), "no scratch object is left");
        List<String> scratchRequests = S3.server().faults().log().stream()
                .filter(l -> l.matches("^(PUT|GET|DELETE) " + scratch + ".*")).toList();
        assertTrue(scratchRequests.stream().filter(l -> l.startsWith("GET")).count() >= 3
                && scratchRequests.stream().filter(l -> l.startsWith("PUT")).count() >= 3
                && scratchRequests.get(scratchRequests.size() - 1).startsWith("DELETE"),
                "written, read back (each after two failures), then deleted: " + scratchRequests);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Fault.class, names = {"INTERNAL_ERROR", "SLOW_DOWN", "RESET", "CLOSE"})
    void uploadsThatFailTwiceAreRetriedAndTheReportAgreesWithTheZip(Fault fault) throws IOException {
        String prefix = "up-" + fault + "/";
        put(prefix + "set.zip", cocoZip);
        S3.server().faults().inject("PUT", "^/" + OUTPUT_BUCKET + "/out-" + prefix + "set\\.zip", fault, 2)
                .inject("PUT", "^/" + OUTPUT_BUCKET + "/out-" + prefix + "set\\.report\\.json", fault, 2);

        converter().run(job(prefix + "set.zip", "out-" + prefix));

        byte[] zip = get("out-" + prefix + "set.zip");
        assertArrayEquals(expectedOutput, zip);
        JsonNode report = JSON.readTree(get("out-" + prefix + "set.report.json"));
        assertEquals(zip.length, report.get("output_bytes").asLong());
        assertEquals(sha256(zip), report.get("output_sha256").asText());
    }

    @Test
    void aMultipartUploadWithAFailingPartRetriesThatPartAndCompletes() throws IOException {
        byte[] big = bigDataset();
        put("mp-retry/set.zip", big);
        S3.server().faults().inject("PUT", "^/" + OUTPUT_BUCKET + "/out-mp-retry/set\\.zip\\?.*partNumber=2", Fault.RESET, 2);

        converter(work, S3Transfers.MIN_PART_BYTES).run(job("mp-retry/set.zip", "out-mp-retry/"));

        byte[] zip = get("out-mp-retry/set.zip");
        assertTrue(zip.length > 2 * S3Transfers.MIN_PART_BYTES, "the output needs three parts: " + zip.length);
        assertEquals(sha256(zip), JSON.readTree(get("out-mp-retry/set.report.json")).get("output_sha256").asText());
        assertEquals(3, requests("PUT /" + OUTPUT_BUCKET + "/out-mp-retry/set.zip?").stream()
                .filter(r -> r.contains("partNumber=2")).count(), "two resets, then the part: " + S3.server().faults().log());
        // The image spans all three parts: the retried part went up with its own bytes, in its place.
        assertArrayEquals(entry(big, "images/train/a.jpg"), entry(zip, "/a.jpg"), "the image copied through the parts");
    }

    /** The bytes of the one entry of a zip whose name ends with {@code suffix}. */
    private static byte[] entry(byte[] zip, String suffix) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().endsWith(suffix)) {
                    return in.readAllBytes();
                }
            }
        }
        throw new AssertionError("no entry ending with " + suffix);
    }

    // --- permanent faults: a clean failure ------------------------------------------------------

    @Test
    void aDownloadThatKeepsFailingFailsAsTransientAndLeavesOnlyAnErrorReport() throws IOException {
        put("dl-down/set.zip", cocoZip);
        S3.server().faults().inject("GET", "^/" + INPUT_BUCKET + "/dl-down/", Fault.SLOW_DOWN, Integer.MAX_VALUE);

        StorageUnavailableException e = assertThrows(StorageUnavailableException.class,
                () -> converter().run(job("dl-down/set.zip", "out-dl-down/")));

        assertEquals("read bytes 0-" + (Math.min(cocoZip.length, S3ObjectBytes.FIRST_RANGE) - 1)
                + " of s3://input-bucket/dl-down/set.zip: S3 kept failing, 4 attempts: HTTP 503 SlowDown:"
                + " injected by FaultProxy", e.getMessage());
        assertEquals(ATTEMPTS, requests("GET /" + INPUT_BUCKET + "/dl-down/").size());
        assertEquals(List.of("out-dl-down/set.error.json"), outputKeys("out-dl-down/"));
        JsonNode error = JSON.readTree(get("out-dl-down/set.error.json"));
        assertEquals("failed", error.get("status").asText());
        assertEquals("storage_unavailable", error.get("error").asText());
        assertTrue(error.get("retryable").asBoolean());
        assertEquals("s3://input-bucket/dl-down/set.zip", error.get("input").asText());
        assertEquals(e.getMessage(), error.get("message").asText());
    }

    @Test
    void aReportThatCannotBeWrittenTakesItsZipAwayAgain() throws IOException {
        put("rep-down/set.zip", cocoZip);
        S3.server().faults().inject("PUT", "^/" + OUTPUT_BUCKET + "/out-rep-down/set\\.report\\.json", Fault.INTERNAL_ERROR,
                Integer.MAX_VALUE);

        assertThrows(StorageUnavailableException.class, () -> converter().run(job("rep-down/set.zip", "out-rep-down/")));

        assertEquals(List.of("out-rep-down/set.error.json"), outputKeys("out-rep-down/"));
        assertTrue(requests("DELETE /" + OUTPUT_BUCKET + "/out-rep-down/set.zip").size() >= 1);
    }

    @Test
    void aMultipartUploadThatKeepsFailingIsAbortedAndLeavesNoParts() throws IOException {
        put("mp-down/set.zip", bigDataset());
        S3.server().faults().inject("PUT", "^/" + OUTPUT_BUCKET + "/out-mp-down/set\\.zip\\?.*partNumber=2",
                Fault.INTERNAL_ERROR, Integer.MAX_VALUE);

        assertThrows(StorageUnavailableException.class, () -> converter(work, S3Transfers.MIN_PART_BYTES)
                .run(job("mp-down/set.zip", "out-mp-down/")));

        assertEquals(List.of("out-mp-down/set.error.json"), outputKeys("out-mp-down/"));
        assertEquals(1, requests("DELETE /" + OUTPUT_BUCKET + "/out-mp-down/set.zip?uploadId=").size(),
                "the upload is aborted: " + S3.server().faults().log());
        assertEquals(List.of(), S3.client().listMultipartUploads(b -> b.bucket(OUTPUT_BUCKET).prefix("out-mp-down/")).uploads());
    }

    @Test
    void anObjectDeletedBeforeItIsProcessedFailsAtOnceNamingIt() throws IOException {
        put("gone/set.zip", cocoZip);
        S3.client().deleteObject(b -> b.bucket(INPUT_BUCKET).key("gone/set.zip"));

        IOException e = assertThrows(IOException.class, () -> converter().run(job("gone/set.zip", "out-gone/")));

        assertEquals("no such object (deleted before it was processed?)", e.getMessage());
        assertEquals(1, requests("HEAD /" + INPUT_BUCKET + "/gone/set.zip").size(), "a missing object is not retried: "
                + S3.server().faults().log());
        JsonNode error = JSON.readTree(get("out-gone/set.error.json"));
        assertEquals("conversion_failed", error.get("error").asText());
        assertFalse(error.get("retryable").asBoolean());
    }

    @Test
    void aSuccessAfterAFailureRemovesTheErrorReport() throws IOException {
        put("again/set.zip", cocoZip);
        S3.server().faults().inject("GET", "^/" + INPUT_BUCKET + "/again/", Fault.INTERNAL_ERROR, ATTEMPTS);
        assertThrows(StorageUnavailableException.class, () -> converter().run(job("again/set.zip", "out-again/")));
        assertEquals(List.of("out-again/set.error.json"), outputKeys("out-again/"));

        converter().run(job("again/set.zip", "out-again/"));

        assertEquals(List.of("out-again/set.report.html", "out-again/set.report.json", "out-again/set.zip"),
                outputKeys("out-again/"));
        assertArrayEquals(expectedOutput, get("out-again/set.zip"));
    }

    @Test
    void theSameInputConvertedAgainLaterGivesTheSameBytes() throws IOException, InterruptedException {
        put("twice/set.zip", cocoZip);
        converter().run(job("twice/set.zip", "out-twice/"));
        byte[] first = get("out-twice/set.zip");
        Thread.sleep(2_100); // past the two-second resolution of zip times: a clock in the entries would show

        converter().run(job("twice/set.zip", "out-twice/"));

        assertArrayEquals(first, get("out-twice/set.zip"), "a re-delivered event writes the same bytes");
        assertArrayEquals(expectedOutput, first);
    }

    // --- helpers --------------------------------------------------------------------------------

    private S3Converter converter() {
        return converter(work, 1L << 20);
    }

    /** S3Proxy takes no object tags: reports go up untagged here (S3ConverterTest checks the tag). */
    private static S3Converter converter(Path workRoot, long partBytes) {
        return new S3Converter(transfers(partBytes), workRoot, ArchiveLimits.DEFAULTS, null);
    }

    private static S3Transfers transfers(long partBytes) {
        return new S3Transfers(S3.client(), new S3Retry(ATTEMPTS, Duration.ofMillis(5), Duration.ofMillis(50)), partBytes, 4);
    }

    private static ConversionJob job(String inputKey, String outputFolder) {
        String base = outputFolder + inputKey.substring(inputKey.lastIndexOf('/') + 1).replaceAll("\\.(zip|tar|tar\\.gz)$", "");
        return new ConversionJob(new S3Uri(INPUT_BUCKET, inputKey), "coco", "yolo", ConversionOptions.DEFAULTS,
                new S3Uri(OUTPUT_BUCKET, base + ".zip"), new S3Uri(OUTPUT_BUCKET, base + ".report.json"),
                new S3Uri(OUTPUT_BUCKET, base + ".error.json"));
    }

    private static List<String> requests(String prefix) {
        return S3.server().faults().log().stream().filter(l -> l.startsWith(prefix)).toList();
    }

    private static void put(String key, byte[] bytes) {
        S3.server().faults().reset();
        S3.client().putObject(b -> b.bucket(INPUT_BUCKET).key(key), RequestBody.fromBytes(bytes));
    }

    private static byte[] get(String key) {
        return S3.client().getObjectAsBytes(b -> b.bucket(OUTPUT_BUCKET).key(key)).asByteArray();
    }

    private static List<String> outputKeys(String prefix) {
        return S3.client().listObjectsV2Paginator(b -> b.bucket(OUTPUT_BUCKET).prefix(prefix)).contents().stream()
                .map(S3Object::key).sorted().toList();
    }

    /** A COCO dataset with one 12 MB image of noise: its output needs three 5 MB parts. */
    private byte[] bigDataset() throws IOException {
        Path dir = Files.createTempDirectory("big-dataset");
        try {
            Files.createDirectories(dir.resolve("annotations"));
            Files.createDirectories(dir.resolve("images/train"));
            Files.writeString(dir.resolve("annotations/instances_train.json"), """
                    {"images": [{"id": 1, "file_name": "a.jpg", "width": 10, "height": 10}],
                     "categories": [{"id": 1, "name": "car"}],
                     "annotations": [{"id": 1, "image_id": 1, "category_id": 1, "bbox": [1, 1, 2, 2], "iscrowd": 0,
                                      "segmentation": []}]}""");
            byte[] noise = new byte[12 << 20];
            new Random(1).nextBytes(noise);
            Files.write(dir.resolve("images/train/a.jpg"), noise);
            Path zip = Zips.zipFolder(dir, dir.resolveSibling(dir.getFileName() + ".zip"), "");
            byte[] bytes = Files.readAllBytes(zip);
            Files.delete(zip);
            return bytes;
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.labelbridge.function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.labelbridge.function.S3TestServer.INPUT_BUCKET;
import static org.labelbridge.function.S3TestServer.OUTPUT_BUCKET;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.labelbridge.archive.ArchiveLimits;
import org.labelbridge.archive.InputArchive;
import org.labelbridge.convert.ConversionListener;
import org.labelbridge.convert.ConversionOptions;
import org.labelbridge.convert.ConversionRequest;
import org.labelbridge.convert.Converter;
import org.labelbridge.testing.Zips;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * The function's S3 path keeps archive size a question of time: an archive many times larger
 * than the local space it is given converts, read from S3 by ranges and uploaded in parts while
 * it is written, and its work folder never holds more than the local space (measured while it
 * runs), whether it is a zip, a tar or a tar.gz; the zip it uploads is byte for byte the zip a
 * local conversion writes. Threads reading one zip or tar in place at once each get their
 * entries' own bytes. The preview's read-back of the output fetches its annotations and the
 * images it draws, not the whole zip.
 */
class S3StreamingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** What the function may keep on local disk in this test. */
    private static final long LOCAL_SPACE = 512L << 10;
    private static final int IMAGES = 12;
    private static final int IMAGE_BYTES = 512 << 10;
    private static final int ZIP_ENTRIES = 300;
    private static final int ZIP_READERS = 3;
    private static final int PREVIEW_IMAGES = 80;
    /** Below the channel's read-through distance: an image between two label files used to be read through. */
    private static final int PREVIEW_IMAGE_BYTES = 64 << 10;
    /** Few, so that the images drawn (and those read through between them) are a small part of the zip. */
    private static final int DRAWN = 4;

    @RegisterExtension
    static final S3TestServer.PerClass S3 = new S3TestServer.PerClass();

    @TempDir
    Path tmp;

    /**
     * A zip, a tar and a tar.gz of the same dataset, each about twelve times the local space: a
     * zip and a tar are read in place, a tar.gz is inflated once into a scratch object beside
     * the output (never onto local disk), which is gone afterwards.
     */
    @ParameterizedTest
    @ValueSource(strings = {"set.zip", "set.tar", "set.tar.gz"})
    void anArchiveTwelveTimesTheLocalSpaceConvertsWithinItAndGivesTheLocalBytes(String name) throws Exception {
        Path archive = archive(name);
        long archiveBytes = Files.size(archive);
        assertTrue(archiveBytes > 10 * LOCAL_SPACE, "the archive must dwarf the local space: " + archiveBytes);
        String folder = "big-" + name.replace('.', '-') + "/";
        S3.client().putObject(b -> b.bucket(INPUT_BUCKET).key(folder + name), RequestBody.fromFile(archive));
        Path work = Files.createDirectory(tmp.resolve("work"));
        ConversionJob job = job(folder, name);

        long peak;
        try (FolderWatch watch = new FolderWatch(work)) {
            converter(work).run(job);
            peak = watch.peak();
        }

        assertTrue(peak <= LOCAL_SPACE, "the work folder held " + peak + " bytes, more than the local space "
                + LOCAL_SPACE + " (the archive is " + archiveBytes + ")");
        byte[] uploaded = S3.client().getObjectAsBytes(b -> b.bucket(OUTPUT_BUCKET).key(folder + "set.zip")).asByteArray();
        assertTrue(uploaded.length > S3Transfers.MIN_PART_BYTES, "the output went up in two parts or more");
        Path local = tmp.resolve("local.zip");
        Converter.convert(new ConversionRequest(archive, "coco", "yolo", ConversionOptions.DEFAULTS, local));
        assertArrayEquals(Files.readAllBytes(local), uploaded, "the S3 path writes the bytes the local path writes");
        Path output = Files.write(tmp.resolve("output.zip"), uploaded);
        List<String> names = Zips.names(output);
        try (ZipFile written = new ZipFile(output.toFile())) {
            for (int i = 0; i < IMAGES; i++) {
                // bbox [x=10+i, y=20, w=30, h=40] in a 200x100 image
                String expected = String.format(Locale.ROOT, "0 %.6f %.6f %.6f %.6f", (10 + i + 15) / 200.0, 40 / 100.0,
                        30 / 200.0, 40 / 100.0);
                String stem = "img" + i;
                List<String> labels = names.stream().filter(n -> n.endsWith("/" + stem + ".txt")).toList();
                assertEquals(1, labels.size(), stem + "'s label file in " + names);
                assertEquals(yoloLine(expected), yoloLine(Zips.text(output, labels.get(0))), stem);
                List<String> images = names.stream().filter(n -> n.endsWith("/" + stem + ".jpg")).toList();
                assertEquals(1, images.size(), stem + ".jpg is copied");
                try (InputStream in = written.getInputStream(written.getEntry(images.get(0)))) {
                    assertArrayEquals(Files.readAllBytes(tmp.resolve("dataset/images/train/" + stem + ".jpg")),
                            in.readAllBytes(), stem + ".jpg keeps its bytes");
                }
            }
        }
        assertEquals(uploaded.length, JSON.readTree(S3.client().getObjectAsBytes(b -> b.bucket(OUTPUT_BUCKET)
                .key(folder + "set.report.json")).asByteArray()).get("output_bytes").asLong());
        assertEquals(List.of(folder + "set.report.html", folder + "set.report.json", folder + "set.zip"),
                outputKeys(folder), "the zip and its report, and no scratch copy");
        try (Stream<Path> left = Files.list(work)) {
            assertEquals(List.of(), left.toList(), "the work folder is emptied");
        }
    }

    /** A tar.gz whose annotations are corrupt fails with a message naming them, and leaves no scratch copy. */
    @Test
    void aFailingTarGzLeavesNoScratchCopy() throws Exception {
        Path dir = tmp.resolve("dataset");
        Zips.cocoWithNoiseImages(dir, 3, 4096);
        Files.writeString(dir.resolve("annotations/instances_train.json"), "{\"images\": [{\"id\": 1,");
        Path archive = Zips.tarOf(Zips.zipFolder(dir, tmp.resolve("broken.zip"), ""), tmp.resolve("set.tar.gz"), true);
        S3.client().putObject(b -> b.bucket(INPUT_BUCKET).key("broken/set.tar.gz"), RequestBody.fromFile(archive));
        Path work = Files.createDirectory(tmp.resolve("work"));

        Exception e = assertThrows(Exception.class, () -> converter(work).run(job("broken/", "set.tar.gz")));

        assertTrue(e.getMessage().contains("set.tar.gz!/annotations/instances_train.json"), e.getMessage());
        assertEquals(List.of("broken/set.error.json"), outputKeys("broken/"), "only the error report, no scratch copy");
        try (Stream<Path> left = Files.list(work)) {
            assertEquals(List.of(), left.toList(), "the work folder is emptied");
        }
    }

    /** The dataset as {@code name}: a zip, or a tar or tar.gz of the same files in the same order. */
    private Path archive(String name) throws IOException {
        Path zip = Zips.cocoWithNoiseImages(tmp.resolve("dataset"), IMAGES, IMAGE_BYTES);
        return name.endsWith(".zip") ? zip : Zips.tarOf(zip, tmp.resolve(name), name.endsWith(".gz"));
    }

    private static S3Converter converter(Path work) {
        return new S3Converter(new S3Transfers(S3.client(), new S3Retry(4, Duration.ofMillis(5), Duration.ofMillis(50)),
                S3Transfers.MIN_PART_BYTES, 2), work, ArchiveLimits.DEFAULTS, null);
    }

    private static ConversionJob job(String folder, String name) {
        return new ConversionJob(new S3Uri(INPUT_BUCKET, folder + name), "coco", "yolo", ConversionOptions.DEFAULTS,
                new S3Uri(OUTPUT_BUCKET, folder + "set.zip"), new S3Uri(OUTPUT_BUCKET, folder + "set.report.json"),
                new S3Uri(OUTPUT_BUCKET, folder + "set.error.json"));
    }

    private static List<String> outputKeys(String folder) {
        return S3.client().listObjectsV2(b -> b.bucket(OUTPUT_BUCKET).prefix(folder)).contents().stream()
                .map(o -> o.key()).sorted().toList();
    }

    /** A label line's class and numbers, at six decimals (writers may format them differently). */
    private static List<String> yoloLine(String text) {
        List<String> fields = new ArrayList<>();
        String[] parts = text.strip().split("\\s+");
        fields.add(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            fields.add(String.format(Locale.ROOT, "%.6f", Double.parseDouble(parts[i])));
        }
        return fields;
    }

    /**
     * The preview reads the written output back from S3 where it lies, with the target's own
     * reader, and that read costs the annotations plus the images it draws, not the whole zip
     * again: the output's per-item annotation files lie together after its images
     * ({@code archive/AnnotationTail}), so the reader's ranges do not run through the images
     * between them. Counted in bytes read by the preview's ranged GETs, not timed.
     */
    @Test
    void thePreviewOfAPerItemAnnotationOutputReadsItsAnnotationsAndTheDrawnImagesOnly() throws Exception {
        Path archive = Zips.cocoWithNoiseImages(tmp.resolve("dataset"), PREVIEW_IMAGES, PREVIEW_IMAGE_BYTES);
        S3.client().putObject(b -> b.bucket(INPUT_BUCKET).key("preview/set.zip"), RequestBody.fromFile(archive));
        Path work = Files.createDirectory(tmp.resolve("work"));
        S3Converter converter = converter(work);
        ConversionJob job = new ConversionJob(new S3Uri(INPUT_BUCKET, "preview/set.zip"), "coco", "voc",
                ConversionOptions.fromMap(Map.of("preview", DRAWN)), new S3Uri(OUTPUT_BUCKET, "preview/set.zip"),
                new S3Uri(OUTPUT_BUCKET, "preview/set.report.json"), new S3Uri(OUTPUT_BUCKET, "preview/set.error.json"));
        Map<String, Map<String, Object>> stages = new LinkedHashMap<>();

        converter.run(job, new ConversionListener() {
            @Override
            public void stage(String stage, long millis, Map<String, Object> counts) {
                stages.put(stage, counts);
            }
        });

        JsonNode report = JSON.readTree(S3.client().getObjectAsBytes(b -> b.bucket(OUTPUT_BUCKET).key("preview/set.report.json"))
                .asByteArray());
        assertNull(report.get("preview").get("error"), "the preview is drawn: " + report.get("preview"));
        assertEquals(DRAWN, report.get("preview").get("items").size(), "items drawn: " + report.get("preview"));
        long zipBytes = report.get("output_bytes").asLong();
        long imageBytes = (long) PREVIEW_IMAGES * PREVIEW_IMAGE_BYTES;
        // Everything that is not image data: the annotation files, the entries' headers, the directory.
        long annotationBytes = zipBytes - imageBytes;
        Map<String, Object> preview = stages.get("preview");
        long read = ((Number) preview.get("bytes_read")).longValue();
        long requests = ((Number) preview.get("get_requests")).longValue();
        // Reaching a drawn image may read through what lies before it, up to the channel's read-through distance.
        long perDrawn = PREVIEW_IMAGE_BYTES + S3ObjectBytes.SKIP_AHEAD;
        assertTrue(read <= annotationBytes + DRAWN * perDrawn, "the preview read " + read + " bytes of a " + zipBytes
                + "-byte zip: more than its " + annotationBytes + " bytes of annotations and headers plus " + DRAWN
                + " images of " + PREVIEW_IMAGE_BYTES + " and what lies before each");
        assertTrue(read < zipBytes / 2, "the preview read " + read + " bytes of a " + zipBytes + "-byte zip");
        // The directory, the annotation tail (a range and its continuations) and one range per drawn image at most.
        assertTrue(requests <= DRAWN + 8, "the preview made " + requests + " GETs");

        // What it drew was read back: the VOC files name each drawn item's image and its box.
        Path output = Files.write(tmp.resolve("output.zip"), S3.client().getObjectAsBytes(b -> b.bucket(OUTPUT_BUCKET)
                .key("preview/set.zip")).asByteArray());
        List<String> names = Zips.names(output);
        int images = 0;
        boolean annotationsAfterImages = true;
        for (String name : names) {
            if (name.endsWith(".jpg")) {
                images++;
            } else if (name.endsWith(".xml") && images < PREVIEW_IMAGES) {
                annotationsAfterImages = false;
            }
        }
        assertEquals(PREVIEW_IMAGES, images);
        assertTrue(annotationsAfterImages, "every annotation file follows the images: " + names);
        for (JsonNode item : report.get("preview").get("items")) {
            String id = item.asText().substring(item.asText().lastIndexOf('/') + 1);
            String xml = Zips.text(output, names.stream().filter(n -> n.endsWith("/" + id + ".xml")).findFirst()
                    .orElseThrow(() -> new AssertionError("no VOC file for drawn item " + item + " in " + names)));
            int i = Integer.parseInt(id.substring("img".length()));
            assertTrue(xml.contains("<xmin>" + (10 + i) + "</xmin>") || xml.contains("<xmin>" + (10 + i) + ".0</xmin>"),
                    id + "'s box: " + xml);
        }
    }

    /**
     * A zip or a tar read in place by several threads at once, as a conversion reads it (the
     * pipeline, the writer thread's copies, a read-ahead), each in its own order across ranges
     * that chain and ranges that are evicted: every entry gives the bytes {@code java.util.zip}
     * reads from the local zip.
     */
    @ParameterizedTest
    @ValueSource(strings = {"entries.zip", "entries.tar"})
    void threadsReadingEntriesOfOneArchiveAtOnceEachGetTheEntrysOwnBytes(String name) throws Exception {
        // About 1.5 MB: ranges chain (1 MB, then 2 MB), and readers far apart need ranges of their own.
        Path zip = Zips.storedAndDeflated(tmp.resolve("entries.zip"), ZIP_ENTRIES, 24_000);
        Path file = name.endsWith(".zip") ? zip : Zips.tarOf(zip, tmp.resolve(name), false);
        S3.client().putObject(b -> b.bucket(INPUT_BUCKET).key("concurrent/" + name), RequestBody.fromFile(file));
        S3ObjectBytes bytes = S3ObjectBytes.open(S3.client(), new S3Retry(4, Duration.ofMillis(5), Duration.ofMillis(50)),
                new S3Uri(INPUT_BUCKET, "concurrent/" + name), name, tmp);
        ExecutorService threads = Executors.newFixedThreadPool(ZIP_READERS);
        try (InputArchive archive = InputArchive.open(bytes, ArchiveLimits.DEFAULTS);
             ZipFile expected = new ZipFile(zip.toFile())) {
            List<? extends ZipEntry> entries = Collections.list(expected.entries());
            assertEquals(ZIP_ENTRIES, entries.size());
            List<Future<Integer>> readers = new ArrayList<>();
            for (int r = 0; r < ZIP_READERS; r++) {
                // Each reader takes every entry, in an order of its own: forward, backward, shuffled.
                List<ZipEntry> order = new ArrayList<>(entries);
                if (r == 1) {
                    Collections.reverse(order);
                } else if (r == 2) {
                    Collections.shuffle(order, new Random(r));
                }
                readers.add(threads.submit(() -> {
                    for (ZipEntry entry : order) {
                        byte[] read;
                        try (InputStream in = archive.source().open(entry.getName())) {
                            read = in.readAllBytes();
                        }
                        byte[] local;
                        synchronized (expected) {
                            try (InputStream in = expected.getInputStream(entry)) {
                                local = in.readAllBytes();
                            }
                        }
                        assertArrayEquals(local, read, entry.getName());
                    }
                    return order.size();
                }));
            }
            for (Future<Integer> reader : readers) {
                assertEquals(ZIP_ENTRIES, reader.get());
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /** The largest total size a folder's files reached while it was watched, sampled as often as it can be. */
    private static final class FolderWatch implements AutoCloseable {
        private final AtomicLong peak = new AtomicLong();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;

        FolderWatch(Path folder) {
            thread = new Thread(() -> {
                while (running.get()) {
                    peak.accumulateAndGet(size(folder), Math::max);
                    try {
                        Thread.sleep(1); // a sample a millisecond: the spool and the report take far longer to write
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "folder-watch");
            thread.setDaemon(true);
            thread.start();
        }

        long peak() throws InterruptedException {
            running.set(false);
            thread.join();
            return peak.get();
        }

        private static long size(Path folder) {
            try (Stream<Path> files = Files.walk(folder)) {
                return files.mapToLong(f -> {
                    try {
                        return Files.isRegularFile(f) ? Files.size(f) : 0;
                    } catch (NoSuchFileException gone) {
                        return 0;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }).sum();
            } catch (IOException | UncheckedIOException e) {
                return 0; // a folder removed while it was walked
            }
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join();
        }
    }
}

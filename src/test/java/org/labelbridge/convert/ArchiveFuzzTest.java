package org.labelbridge.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.format.Format;
import org.labelbridge.format.FormatException;
import org.labelbridge.format.Formats;

/**
 * Mutates the corpus samples, zipped and tarred as users send them, and converts each mutant:
 * bit flips and truncation of the archive, and of one entry's content; entries shuffled and
 * renamed. Every run must end, within {@link #RUN_TIME_LIMIT_S} seconds, either in a complete
 * output or in a {@link FormatException} (the clear-error path), and a failed run must leave no
 * output file. Shuffling the entries of a good archive must not change anything: it converts. Rounds and seed are fixed so that a failure replays; override them with
 * {@code -Dlabelbridge.fuzz.rounds=N -Dlabelbridge.fuzz.seed=S} to explore further.
 */
class ArchiveFuzzTest {

    static final int ROUNDS = Integer.getInteger("labelbridge.fuzz.rounds", 400);
    static final long SEED = Long.getLong("labelbridge.fuzz.seed", 20251128L);
    static final int RUN_TIME_LIMIT_S = 20;

    private static final List<String> SAMPLES = List.of(
            "coco_1.0/coco_instances", "coco_1.0/coco", "cvat_images_1.1/cvat_docs_annotation_example",
            "cvat_video_1.1/cvat_docs_interpolation_example", "datumaro_1.0/cvd_with_skeleton",
            "pascal_voc_1.1/voc_dataset1", "yolo_1.1/yolo", "segmentation_mask_1.1/voc_dataset1_segmentation",
            "imagenet_txt/custom_labels", "wider_face_1.0/widerface_dataset", "vggface2_1.0/vgg_face2_dataset",
            "market1501_1.0/market1501_dataset", "lfw_1.0/lfw_dataset");

    @TempDir
    static Path tmp;

    private static ExecutorService runner;
    /** Each sample's files: path to bytes, in a stable order. */
    private static final Map<String, Map<String, byte[]>> samples = new LinkedHashMap<>();
    private static List<String> targets;

    @BeforeAll
    static void load() throws IOException {
        runner = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-run");
            t.setDaemon(true);
            return t;
        });
        for (String sample : SAMPLES) {
            Path root = Path.of("src/test/resources/corpus").resolve(sample);
            Map<String, byte[]> files = new TreeMap<>();
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path f : walk.filter(Files::isRegularFile).toList()) {
                    files.put(root.getFileName() + "/" + root.relativize(f).toString().replace('\\', '/'),
                            Files.readAllBytes(f));
                }
            }
            samples.put(sample, files);
        }
        targets = Formats.all().stream().filter(f -> f.descriptor().canWrite()).map(Format::id).toList();
    }

    @AfterAll
    static void stop() {
        runner.shutdownNow();
    }

    @Test
    void everyMutantConvertsOrFailsClearlyInTimeAndFailuresLeaveNothing() throws Exception {
        Random random = new Random(SEED);
        Map<String, Integer> outcomes = new TreeMap<>();
        List<String> broken = new ArrayList<>();
        long started = System.nanoTime();
        for (int round = 0; round < ROUNDS; round++) {
            String sample = SAMPLES.get(random.nextInt(SAMPLES.size()));
            Mutation mutation = Mutation.values()[random.nextInt(Mutation.values().length)];
            boolean tar = random.nextInt(4) == 0;
            String target = targets.get(random.nextInt(targets.size()));
            Path input = tmp.resolve("r" + round + (tar ? ".tar.gz" : ".zip"));
            Files.write(input, mutation.apply(samples.get(sample), tar, random));
            Path output = tmp.resolve("r" + round + "-out.zip");
            String what = "round " + round + " (seed " + SEED + "): " + sample + ", " + mutation + (tar ? ", tar.gz" : "")
                    + " -> " + target;

            String outcome = run(input, target, output, what, broken);
            outcomes.merge(mutation + " " + outcome, 1, Integer::sum);
            if (mutation == Mutation.SHUFFLE_ENTRIES && !outcome.equals("converted")) {
                // A pair may be refused by design (Ultralytics: a subset that names no split beside
                // others): the shuffle must give what the entries in their order give.
                Path intact = tmp.resolve("r" + round + "-intact" + (tar ? ".tar.gz" : ".zip"));
                Files.write(intact, Mutation.archive(samples.get(sample), tar));
                Path intactOutput = tmp.resolve("r" + round + "-intact-out.zip");
                String inOrder = run(intact, target, intactOutput, what + " (entries in order)", broken);
                if (!outcome.equals(inOrder)) {
                    broken.add(what + ": the order of the entries changed the outcome from " + inOrder + " to "
                            + outcome);
                }
                Files.deleteIfExists(intact);
                Files.deleteIfExists(intactOutput);
            }
            if (outcome.equals("converted")) {
                assertTrue(Files.size(output) > 0, what + ": empty output");
                try (ZipFile zip = ZipFile.builder().setPath(output).get()) {
                    assertTrue(zip.getEntries().hasMoreElements() || Files.size(output) >= 22, what);
                }
            } else {
                assertFalse(Files.exists(output), what + ": a failed run left its output behind");
            }
            Files.deleteIfExists(input);
            Files.deleteIfExists(output);
        }
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        System.out.printf("fuzz: %d rounds in %d s, seed %d: %s%n", ROUNDS, seconds, SEED, outcomes);
        assertEquals(List.of(), broken, "runs that ended neither in an output nor in a clear error");
        assertTrue(outcomes.keySet().stream().anyMatch(k -> k.endsWith("converted")), "no mutant converted: " + outcomes);
        assertTrue(outcomes.keySet().stream().anyMatch(k -> k.endsWith("refused")), "no mutant was refused: " + outcomes);
    }

    /**
     * Content problems skipped: a sample with a bad annotation (the CVAT docs example's undeclared
     * tag label) still converts, so a shuffle of its entries must convert too.
     */
    private static final ConversionOptions SKIP_PROBLEMS = ConversionOptions.fromMap(Map.of("on_problem", "skip"));

    /** {@code converted}, {@code refused} (a FormatException) or {@code broken}, added to {@code broken} with why. */
    private static String run(Path input, String target, Path output, String what, List<String> broken)
            throws InterruptedException {
        Future<ConversionResult> run = runner.submit(() -> Converter.convert(
                new ConversionRequest(input, "auto", target, SKIP_PROBLEMS, output)));
        try {
            run.get(RUN_TIME_LIMIT_S, TimeUnit.SECONDS);
            return "converted";
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof FormatException && cause.getMessage() != null && !cause.getMessage().isBlank()) {
                return "refused";
            }
            broken.add(what + ": " + cause);
            cause.printStackTrace();
            return "broken";
        } catch (TimeoutException e) {
            run.cancel(true);
            fail(what + ": still running after " + RUN_TIME_LIMIT_S + " s");
            return "timeout";
        }
    }

    /** One way to damage a sample. */
    enum Mutation {
        FLIP_ARCHIVE_BITS {
            @Override
            byte[] apply(Map<String, byte[]> files, boolean tar, Random random) throws IOException {
                byte[] bytes = archive(files, tar);
                for (int i = 1 + random.nextInt(8); i > 0; i--) {
                    int at = random.nextInt(bytes.length);
                    bytes[at] ^= (byte) (1 << random.nextInt(8));
                }
                return bytes;
            }
        },
        TRUNCATE_ARCHIVE {
            @Override
            byte[] apply(Map<String, byte[]> files, boolean tar, Random random) throws IOException {
                byte[] bytes = archive(files, tar);
                return java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length));
            }
        },
        FLIP_ENTRY_BITS {
            @Override
            byte[] apply(Map<String, byte[]> files, boolean tar, Random random) throws IOException {
                Map<String, byte[]> copy = new LinkedHashMap<>(files);
                String victim = annotationFile(copy, random);
                byte[] content = copy.get(victim).clone();
                for (int i = 1 + random.nextInt(8); i > 0 && content.length > 0; i--) {
                    int at = random.nextInt(content.length);
                    content[at] ^= (byte) (1 << random.nextInt(8));
                }
                copy.put(victim, content);
                return archive(copy, tar);
            }
        },
        TRUNCATE_ENTRY {
            @Override
            byte[] apply(Map<String, byte[]> files, boolean tar, Random random) throws IOException {
                Map<String, byte[]> copy = new LinkedHashMap<>(files);
                String victim = annotationFile(copy, random);
                byte[] content = copy.get(victim);
                copy.put(victim, java.util.Arrays.copyOf(content, content.length == 0 ? 0 : random.nextInt(content.length)));
                return archive(copy, tar);
            }
        },
        SHUFFLE_ENTRIES {
            @Override
            byte[] apply(Map<String, byte[]> files, boolean tar, Random random) throws IOException {
                List<String> names = new ArrayList<>(files.keySet());
                Collections.shuffle(names, random);
                Map<String, byte[]> shuffled = new LinkedHashMap<>();
                names.forEach(n -> shuffled.put(n, files.get(n)));
                return archive(shuffled, tar);
            }
        },
        RENAME_ENTRIES {
            @Override
            byte[] apply(Map<String, byte[]> files, boolean tar, Random random) throws IOException {
                List<String> names = new ArrayList<>(files.keySet());
                Map<String, byte[]> renamed = new LinkedHashMap<>(files);
                for (int i = 1 + random.nextInt(3); i > 0; i--) {
                    String from = names.get(random.nextInt(names.size()));
                    byte[] content = renamed.remove(from);
                    if (content == null) {
                        continue;
                    }
                    String to = switch (random.nextInt(4)) {
                        case 0 -> names.get(random.nextInt(names.size())); // onto another entry's name
                        case 1 -> from.contains("/") ? from.substring(from.indexOf('/') + 1) : "x/" + from; // up or down
                        case 2 -> from.replaceAll("\\.[a-z]+$", random.nextBoolean() ? ".json" : ".xml"); // another kind
                        default -> from + "~";
                    };
                    renamed.put(to, content);
                }
                return archive(renamed, tar);
            }
        };

        abstract byte[] apply(Map<String, byte[]> files, boolean tar, Random random) throws IOException;

        /** An annotation file rather than an image, where the sample has one: that is where readers are tested. */
        static String annotationFile(Map<String, byte[]> files, Random random) {
            List<String> text = files.keySet().stream()
                    .filter(n -> n.matches(".*\\.(json|xml|txt|csv|names|data|yaml)$")).toList();
            List<String> pool = text.isEmpty() ? new ArrayList<>(files.keySet()) : text;
            return pool.get(random.nextInt(pool.size()));
        }

        static byte[] archive(Map<String, byte[]> files, boolean tar) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            if (tar) {
                try (OutputStream gz = new GzipCompressorOutputStream(bytes);
                     TarArchiveOutputStream out = new TarArchiveOutputStream(gz)) {
                    out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                    for (Map.Entry<String, byte[]> f : files.entrySet()) {
                        TarArchiveEntry entry = new TarArchiveEntry(f.getKey(), true);
                        entry.setSize(f.getValue().length);
                        out.putArchiveEntry(entry);
                        out.write(f.getValue());
                        out.closeArchiveEntry();
                    }
                }
            } else {
                try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(bytes)) {
                    for (Map.Entry<String, byte[]> f : files.entrySet()) {
                        out.putArchiveEntry(new ZipArchiveEntry(f.getKey()));
                        out.write(f.getValue());
                        out.closeArchiveEntry();
                    }
                }
            }
            return bytes.toByteArray();
        }
    }
}

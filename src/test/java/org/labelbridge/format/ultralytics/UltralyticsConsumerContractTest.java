package org.labelbridge.format.ultralytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.labelbridge.format.FormatException;
import org.labelbridge.testing.CorpusMatrix;
import org.labelbridge.testing.CorpusMatrix.Outcome;
import org.yaml.snakeyaml.Yaml;

/**
 * What Ultralytics' trainer ({@code verify_image_label} in {@code ultralytics/data/utils.py}) and
 * CVAT's importer read, checked on the Detection, Segmentation, Oriented Bounding Boxes and Pose
 * output of every corpus sample: data.yaml with names (and kpt_shape for pose), a label file for
 * every listed image, and label lines of the task's width with class ids below nc and coordinates
 * normalised to [0, 1] (as Ultralytics checks them: within 1%). See the package documentation.
 */
class UltralyticsConsumerContractTest {

    private static final List<String> TARGETS = List.of("ultralytics_detection", "ultralytics_segmentation",
            "ultralytics_obb", "ultralytics_pose", "ultralytics_detection_track");
    /** data.yaml keys that name no subset. */
    private static final Set<String> SETTINGS = Set.of("path", "names", "nc", "kpt_shape", "flip_idx", "download");

    /** How far outside [0, 1] verify_image_label lets a coordinate lie (its 1% tolerance). */
    private static final double TOLERANCE = 0.01;

    @TempDir
    Path work;

    static Stream<Arguments> outputs() {
        return CorpusMatrix.samples().stream().flatMap(s -> TARGETS.stream().map(t -> Arguments.of(s, t)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("outputs")
    void everyOutputReadsAsUltralyticsReads(String sample, String target) throws IOException {
        CorpusMatrix.assumeConvertible(sample, target);
        Outcome outcome = CorpusMatrix.convert(sample, target, work, CorpusMatrix.SKIP_PROBLEMS);
        // A subset beside others that names no split is refused by design (SplitOfSubset): no output to check.
        assumeFalse(outcome.failure() instanceof FormatException
                && outcome.failure().getMessage().contains("names no Ultralytics split"), outcome.toString());
        outcome.require();
        check(outcome.toString(), outcome.output(), target);
    }

    /** One written dataset, as Ultralytics and CVAT read it. */
    static void check(String where, Path root, String target) throws IOException {
        Map<String, Object> yaml;
        try (Reader in = Files.newBufferedReader(root.resolve("data.yaml"), StandardCharsets.UTF_8)) {
            yaml = new Yaml().load(in);
        }
        Object names = yaml.get("names");
        assertTrue(names instanceof Map<?, ?> || names instanceof List<?>, where + ": data.yaml names");
        int nc = names instanceof Map<?, ?> map ? map.size() : ((List<?>) names).size();
        if (names instanceof Map<?, ?> map) {
            for (int i = 0; i < nc; i++) {
                assertTrue(map.containsKey(i), where + ": names are class ids 0.." + (nc - 1) + ": " + map.keySet());
            }
        }
        int[] kptShape = target.equals("ultralytics_pose") ? kptShape(where, yaml) : new int[2];
        int dims = kptShape[1];
        int width = switch (target) {
            case "ultralytics_detection", "ultralytics_detection_track" -> 5;
            case "ultralytics_obb" -> 9;
            case "ultralytics_pose" -> 5 + kptShape[0] * dims;
            default -> -1;
        };
        for (Map.Entry<String, Object> entry : yaml.entrySet()) {
            if (SETTINGS.contains(entry.getKey())) {
                continue;
            }
            for (String image : images(where, root, String.valueOf(entry.getValue()))) {
                Path labels = root.resolve(labelsPath(image));
                assertTrue(Files.isRegularFile(labels), where + ": no label file " + root.relativize(labels)
                        + " for listed image " + image);
                List<String> lines = Files.readAllLines(labels, StandardCharsets.UTF_8);
                for (int n = 0; n < lines.size(); n++) {
                    String at = where + ": " + root.relativize(labels) + ", line " + (n + 1);
                    checkLine(at, lines.get(n), width, nc, dims, target.equals("ultralytics_detection_track"));
                }
            }
        }
    }

    /** kpt_shape: [keypoints per line, 2 or 3 values each]. */
    private static int[] kptShape(String where, Map<String, Object> yaml) {
        assertTrue(yaml.get("kpt_shape") instanceof List<?> shape && shape.size() == 2, where + ": kpt_shape");
        List<?> shape = (List<?>) yaml.get("kpt_shape");
        int[] pointsAndDims = {((Number) shape.get(0)).intValue(), ((Number) shape.get(1)).intValue()};
        assertTrue(pointsAndDims[1] == 2 || pointsAndDims[1] == 3, where + ": kpt_shape values per point");
        return pointsAndDims;
    }

    /**
     * A line: detection 5 numbers (detection track: and a whole-number track id where the box has one), segmentation 1 + 2n (n >= 3), obb 9, pose 5 + k * dims; the
     * class a whole number below nc; coordinates in [0, 1] within Ultralytics' tolerance (pose visibility
     * 0, 1 or 2).
     */
    private static void checkLine(String at, String line, int width, int nc, int dims, boolean trackIds) {
        String[] fields = line.trim().split("\\s+");
        if (trackIds && fields.length == width + 1) {
            // CVAT's Ultralytics importers read a trailing whole number as the box's track id
            assertTrue(fields[width].matches("\\d+"), at + ": a track id is a whole number: '" + line + "'");
            fields = java.util.Arrays.copyOf(fields, width);
        }
        if (width > 0) {
            assertEquals(width, fields.length, at + ": '" + line + "'");
        } else {
            assertTrue(fields.length % 2 == 1 && fields.length >= 7, at + ": class and 3 or more x y: '" + line + "'");
        }
        int classId = Integer.parseInt(fields[0]);
        assertTrue(classId >= 0 && classId < nc, at + ": class " + classId + " of " + nc);
        for (int i = 1; i < fields.length; i++) {
            double value = Double.parseDouble(fields[i]);
            boolean visibility = dims == 3 && i >= 5 && (i - 5) % 3 == 2;
            if (visibility) {
                assertTrue(value == 0 || value == 1 || value == 2, at + ": visibility " + fields[i]);
            } else {
                assertTrue(value >= -TOLERANCE && value <= 1 + TOLERANCE, at + ": field " + (i + 1) + " = "
                        + fields[i] + " is not normalised to [0, 1]: '" + line + "'");
            }
        }
    }

    /** A subset's images: the lines of its list file, or the image files in its folder. */
    private static List<String> images(String where, Path root, String source) throws IOException {
        Path path = root.resolve(source);
        if (source.endsWith(".txt")) {
            assertTrue(Files.isRegularFile(path), where + ": no list file " + source);
            return Files.readAllLines(path, StandardCharsets.UTF_8).stream().map(String::strip)
                    .filter(l -> !l.isEmpty()).map(l -> l.startsWith("./") ? l.substring(2) : l).toList();
        }
        List<String> images = new ArrayList<>();
        try (Stream<Path> files = Files.walk(path)) {
            files.filter(Files::isRegularFile).forEach(f -> images.add(root.relativize(f).toString()));
        }
        return images;
    }

    /** Ultralytics' img2label_paths: the last {@code /images/} becomes {@code /labels/}, the extension .txt. */
    private static String labelsPath(String image) {
        String path = "/" + image;
        int at = path.lastIndexOf("/images/");
        if (at >= 0) {
            path = path.substring(0, at) + "/labels/" + path.substring(at + "/images/".length());
        }
        int dot = path.lastIndexOf('.');
        return path.substring(1, dot > path.lastIndexOf('/') ? dot : path.length()) + ".txt";
    }
}

package org.labelbridge.format.ultralytics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.archive.DirectorySource;
import org.labelbridge.format.Detection;
import org.labelbridge.format.Format;
import org.labelbridge.format.Formats;
import org.labelbridge.testing.Corpus;

/**
 * Each Ultralytics format claims its own samples, without a tie, and declines every other
 * sample of the corpus; the four label-file tasks are told apart by data.yaml and label lines.
 */
class UltralyticsDetectorTest {

    private static final List<Format> FORMATS = List.of(new UltralyticsDetectionFormat(),
            new UltralyticsSegmentationFormat(), new UltralyticsObbFormat(), new UltralyticsPoseFormat(),
            new UltralyticsClassificationFormat(), new UltralyticsDetectionTrackFormat());

    private static final Map<String, String> OWNERS = Map.of(
            "ultralytics_yolo/yolov8_detection", "ultralytics_detection",
            "ultralytics_yolo/yolov8_detection_with_list_of_names", "ultralytics_detection",
            "ultralytics_yolo/yolov8_detection_with_subset_txt", "ultralytics_detection",
            "ultralytics_yolo/yolov8_segmentation", "ultralytics_segmentation",
            "ultralytics_yolo/yolov8_oriented_boxes", "ultralytics_obb",
            "ultralytics_yolo/yolov8_pose_two_values_per_point", "ultralytics_pose",
            "ultralytics_yolo/yolov8_classification", "ultralytics_classification");

    @TempDir
    Path tmp;

    @Test
    void eachFormatClaimsItsOwnSamplesAndNoOther() throws IOException {
        List<String> samples = samples();
        List<String> expected = new ArrayList<>();
        List<String> actual = new ArrayList<>();
        for (String sample : samples) {
            for (Format format : FORMATS) {
                expected.add(sample + " " + format.id() + " " + format.id().equals(OWNERS.get(sample)));
                actual.add(sample + " " + format.id() + " " + format.detect(Corpus.source(sample)).matched());
            }
        }
        assertEquals(58, samples.size(), "every corpus sample was asked");
        assertEquals(String.join("\n", expected), String.join("\n", actual));
    }

    @Test
    void ownSamplesWinAmongAllRegisteredFormatsWithoutATie() throws IOException {
        for (Map.Entry<String, String> owned : OWNERS.entrySet()) {
            List<String[]> answers = new ArrayList<>();
            for (Format format : Formats.all()) {
                Detection d = format.detect(Corpus.source(owned.getKey()));
                answers.add(new String[] {format.id(), String.valueOf(d.confidence())});
            }
            answers.sort(Comparator.comparingInt((String[] a) -> Integer.parseInt(a[1])).reversed());
            assertEquals(owned.getValue(), answers.get(0)[0], owned.getKey());
            assertEquals(false, answers.get(0)[1].equals(answers.get(1)[1]),
                    owned.getKey() + ": tie with " + answers.get(1)[0]);
        }
    }

    @Test
    void labelLinesDecideTheTask() throws IOException {
        assertEquals(List.of(100, 0, 0, 0), confidences("0 0.5 0.5 0.2 0.2 7\n"));
        assertEquals(List.of(0, 100, 0, 0), confidences("0 0.1 0.1 0.4 0.1 0.4 0.5 3\n"));
        assertEquals(List.of(0, 0, 100, 0), confidences("0 0.1 0.1 0.3 0.1 0.3 0.2 0.1 0.2 5\n"));
        // Four points that are not a rectangle's corners: most likely an oriented box, possibly a polygon.
        assertEquals(List.of(0, Detection.WEAK, Detection.MEDIUM, 0),
                confidences("0 0.1 0.1 0.3 0.1 0.4 0.3 0.1 0.2\n"));
        // A polygon line among rectangles makes them all polygons.
        assertEquals(List.of(0, 100, 0, 0),
                confidences("0 0.1 0.1 0.3 0.1 0.3 0.2 0.1 0.2\n0 0.1 0.1 0.4 0.1 0.4 0.5\n"));
        // No label lines: detection, the default task, without certainty.
        assertEquals(List.of(Detection.MEDIUM, Detection.WEAK, Detection.WEAK, 0), confidences(""));
        // Boxes and polygons mixed: nothing fits every line; the likeliest is a weak guess.
        assertEquals(List.of(Detection.WEAK, 0, 0, 0), confidences("0 0.5 0.5 0.2 0.2\n0 0.5 0.5 0.2 0.2\n"
                + "0 0.1 0.1 0.4 0.1 0.4 0.5\n"));
    }

    /** Detection Track answers just above detection where every line ends with a track id, else not at all. */
    @Test
    void trackIdsOnEveryLineMeanDetectionTrack() throws IOException {
        assertEquals(List.of(100, 0, 0, 0, 0, Detection.STRONG + 1), all(labelled("0 0.5 0.5 0.2 0.2 7\n")));
        assertEquals(List.of(100, 0, 0, 0, 0, 0), all(labelled("0 0.5 0.5 0.2 0.2 7\n1 0.5 0.5 0.2 0.2\n")));
        assertEquals(List.of(0, 0, 0), all(labelled("0 0.1 0.1 0.3 0.1 0.3 0.2 0.1 0.2 5\n")).subList(3, 6));
    }

    @Test
    void kptShapeMeansPose() throws IOException {
        Files.writeString(tmp.resolve("data.yaml"), "train: images/train\nkpt_shape: [1, 2]\nnames: [a]\n");
        assertEquals(List.of(0, 0, 0, 100, 0, 0), all(tmp));
    }

    @Test
    void yamlWithoutNamesOrNcIsNotADataset() throws IOException {
        Files.writeString(tmp.resolve("config.yaml"), "model: yolov8n.pt\nepochs: 10\n");
        assertEquals(List.of(0, 0, 0, 0, 0, 0), all(tmp));
    }

    @Test
    void classificationDeclinesParallelImageAndMaskFolders() throws IOException {
        Path root = Files.createDirectories(tmp.resolve("training/image_2"));
        Files.createDirectories(tmp.resolve("training/instance"));
        byte[] jpeg = Files.readAllBytes(Corpus.path("ultralytics_yolo/yolov8_detection/images/train/1.jpg"));
        Files.write(root.resolve("a.jpg"), jpeg);
        Files.write(tmp.resolve("training/instance/a.png"), jpeg);
        assertEquals(0, classification(tmp));
        Files.write(tmp.resolve("training/instance/b.png"), jpeg);
        assertEquals(Detection.WEAK, classification(tmp));
        Files.writeString(tmp.resolve("training/labels.json"), "{}");
        assertEquals(Detection.MEDIUM, classification(tmp));
    }

    /** Detection, segmentation, oriented boxes and pose on a data.yaml with one label file. */
    private List<Integer> confidences(String labels) throws IOException {
        return all(labelled(labels)).subList(0, 4);
    }

    private Path labelled(String labels) throws IOException {
        Path dir = Files.createTempDirectory(tmp, "d");
        Files.writeString(dir.resolve("data.yaml"), "path: .\ntrain: images/train\nnames:\n  0: a\n  1: b\n");
        Files.createDirectories(dir.resolve("labels/train"));
        Files.writeString(dir.resolve("labels/train/1.txt"), labels);
        return dir;
    }

    private static int classification(Path dir) throws IOException {
        return new UltralyticsClassificationFormat().detect(DirectorySource.of(dir)).confidence();
    }

    private static List<Integer> all(Path dir) throws IOException {
        List<Integer> out = new ArrayList<>();
        for (Format format : FORMATS) {
            out.add(format.detect(DirectorySource.of(dir)).confidence());
        }
        return out;
    }

    private static List<String> samples() throws IOException {
        List<String> samples = new ArrayList<>();
        try (Stream<Path> groups = Files.list(Corpus.ROOT)) {
            for (Path group : groups.filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> inGroup = Files.list(group)) {
                    inGroup.filter(Files::isDirectory).sorted()
                            .forEach(s -> samples.add(group.getFileName() + "/" + s.getFileName()));
                }
            }
        }
        return samples;
    }
}

package org.labelbridge.format.ultralytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.archive.DirectorySource;
import org.labelbridge.format.Format;
import org.labelbridge.format.FormatException;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.Datasets;

/** A broken file gives a FormatException that names the file, the line and what was expected. */
class UltralyticsBadInputTest {

    @TempDir
    Path dir;

    @BeforeEach
    void image() throws IOException {
        Files.createDirectories(dir.resolve("images/train"));
        Files.copy(Corpus.path("ultralytics_yolo/yolov8_detection/images/train/1.jpg"),
                dir.resolve("images/train/1.jpg"));
    }

    @Test
    void yamlThatIsNotYaml() throws IOException {
        file("data.yaml", "train: images/train\nnames: [a, b\n");
        fails(new UltralyticsDetectionFormat(),
                "!/data.yaml, line 3: not valid YAML: expected ',' or ']', but got <stream end>");
    }

    @Test
    void yamlKeysWithWrongValues() throws IOException {
        file("data.yaml", "train: images/train\nnames: cat\n");
        fails(new UltralyticsDetectionFormat(), "!/data.yaml, line 2: expected the class names as a list or as a map"
                + " from class id to name, got 'cat'");
        file("data.yaml", "train: images/train\nnames: [a]\ntrain: images/val\n");
        fails(new UltralyticsDetectionFormat(), "!/data.yaml, line 3: 'train' is given twice");
        file("data.yaml", "train: images/train\nnames: [a]\nkpt_shape: [17, 4]\n");
        fails(new UltralyticsPoseFormat(), "!/data.yaml, line 3: expected kpt_shape: [number of keypoints, 2 or 3"
                + " values per keypoint], got [17, 4]");
        file("data.yaml", "train: images/train\nnames:\n  zero: a\n");
        fails(new UltralyticsDetectionFormat(), "!/data.yaml, line 3: expected a class id as a whole number from 0,"
                + " got 'zero'");
        file("data.yaml", "train: images/train\n");
        fails(new UltralyticsDetectionFormat(), "!/data.yaml: expected 'names' (the class names, a list or a map from"
                + " class id to name) or 'nc' (the number of classes)");
    }

    @Test
    void subsetsThatAreNotThere() throws IOException {
        file("data.yaml", "train: images/train\nval: images/val\nnames: [a]\n");
        fails(new UltralyticsDetectionFormat(), "!/data.yaml, line 2: the image folder 'images/val' of subset 'val' is"
                + " not in the dataset");
        file("data.yaml", "train: lists/train.txt\nnames: [a]\n");
        fails(new UltralyticsDetectionFormat(), "!/data.yaml, line 1: the image list 'lists/train.txt' of subset"
                + " 'train' is not in the dataset");
    }

    @Test
    void poseWithoutKptShape() throws IOException {
        file("data.yaml", "train: images/train\nnames: [a]\n");
        fails(new UltralyticsPoseFormat(), "!/data.yaml: expected kpt_shape: [number of keypoints, 2 or 3] (values"
                + " per keypoint): Ultralytics YOLO Pose 1.0 needs it to read its label lines");
    }

    @Test
    void labelLinesOfTheWrongShape() throws IOException {
        file("data.yaml", "train: images/train\nnames: [a, b]\n");
        file("labels/train/1.txt", "0 0.5 0.5 0.2 0.2\n1 0.5 0.5 0.2\n");
        fails(new UltralyticsDetectionFormat(), "!/labels/train/1.txt, line 2: expected 5 fields (class cx cy w h) and"
                + " an optional track id, got 4: '1 0.5 0.5 0.2'");
        file("labels/train/1.txt", "0 0.5 0.5 abc 0.2\n");
        fails(new UltralyticsDetectionFormat(), "!/labels/train/1.txt, line 1: expected a number for the box width,"
                + " got 'abc': '0 0.5 0.5 abc 0.2'");
        file("labels/train/1.txt", "cat 0.5 0.5 0.2 0.2\n");
        fails(new UltralyticsDetectionFormat(), "!/labels/train/1.txt, line 1: expected a class id (a whole number from"
                + " 0) first, got 'cat': 'cat 0.5 0.5 0.2 0.2'");
        file("labels/train/1.txt", "0 0.5 0.5 0.2 0.2 0.5\n");
        fails(new UltralyticsDetectionFormat(), "!/labels/train/1.txt, line 1: expected a whole number track id last,"
                + " got '0.5': '0 0.5 0.5 0.2 0.2 0.5'");
        file("labels/train/1.txt", "0 0.1 0.1 0.2 0.2\n");
        fails(new UltralyticsSegmentationFormat(), "!/labels/train/1.txt, line 1: expected a class id and at least 3"
                + " points (x y), and an optional track id, got 5 fields: '0 0.1 0.1 0.2 0.2'");
        file("labels/train/1.txt", "0 0.1 0.1 0.2 0.2 0.3 0.3\n");
        fails(new UltralyticsObbFormat(), "!/labels/train/1.txt, line 1: expected 9 fields (class x1 y1 x2 y2 x3 y3 x4"
                + " y4) and an optional track id, got 7: '0 0.1 0.1 0.2 0.2 0.3 0.3'");
    }

    @Test
    void poseLinesOfTheWrongShape() throws IOException {
        file("data.yaml", "train: images/train\nkpt_shape: [2, 3]\nnames: [a]\n");
        file("labels/train/1.txt", "0 0.5 0.5 0.2 0.2 0.1 0.1 2\n");
        fails(new UltralyticsPoseFormat(), "!/labels/train/1.txt, line 1: expected 11 fields (class cx cy w h, then 3"
                + " values for each of 2 keypoints, as kpt_shape says) and an optional track id, got 8:"
                + " '0 0.5 0.5 0.2 0.2 0.1 0.1 2'");
        file("labels/train/1.txt", "0 0.5 0.5 0.2 0.2 0.1 0.1 2 0.2 0.2 5\n");
        fails(new UltralyticsPoseFormat(), "!/labels/train/1.txt, line 1: expected keypoint 2 visibility 0 (absent),"
                + " 1 (hidden) or 2 (visible): '0 0.5 0.5 0.2 0.2 0.1 0.1 2 0.2 0.2 5'");
    }

    @Test
    void brokenSideFiles() throws IOException {
        file("data.yaml", "train: images/train\nnames: [a]\n");
        file("images.meta", "1 10\n");
        fails(new UltralyticsDetectionFormat(),
                "!/images.meta, line 1: expected '<item id> <height> <width>', got 2 fields");

        Files.createDirectories(dir.resolve("c/train/cat"));
        Files.copy(dir.resolve("images/train/1.jpg"), dir.resolve("c/train/cat/1.jpg"));
        file("c/train/labels.json", "{\"1\": {\"labels\": \"cat\", \"path\": \"cat/1.jpg\"}}");
        FormatException e = assertThrows(FormatException.class,
                () -> Datasets.read(new UltralyticsClassificationFormat(), DirectorySource.of(dir.resolve("c"))));
        assertTrue(e.getMessage().endsWith("!/train/labels.json, entry '1', line 1: expected \"labels\" to be a list of"
                + " label names"), e.getMessage());
    }

    @Test
    void aClassIdBeyondTheNamesFollowsOptionOnProblem(@TempDir Path out) throws IOException {
        Path set = org.labelbridge.testing.Corpus.copy("ultralytics_yolo/yolov8_detection", out.resolve("set"));
        Files.writeString(set.resolve("labels/train/1.txt"), "\n12 0.5 0.5 0.2 0.2\n0 0.5 0.5 0.2 0.2\n");

        FormatException e = assertThrows(FormatException.class, () -> org.labelbridge.convert.Converter.convert(
                new org.labelbridge.convert.ConversionRequest(set, "ultralytics_detection", "coco", null,
                        out.resolve("failed"))));
        assertTrue(e.getMessage().contains("item '1' (subset 'train'), annotations[0] (bbox): "), e.getMessage());
        assertTrue(e.getMessage().contains("labels/train/1.txt, line 2: class id 12 is not in data.yaml's names"
                + " (10 classes, ids 0 to 9) (unknown_label)"), e.getMessage());

        Datasets.Converted skipped = Datasets.convert(set, "ultralytics_detection", "coco", out.resolve("skipped"),
                org.labelbridge.convert.ConversionOptions.fromMap(java.util.Map.of("on_problem", "skip")));
        assertEquals(1, skipped.report().problemCount(), skipped.report().problems().toString());
        assertEquals(1, skipped.output().item("1").annotations().size());
    }

    @Test
    void noConfigFile() throws IOException {
        fails(new UltralyticsDetectionFormat(), "!/: expected data.yaml (names and the train/val image folders or"
                + " lists) in the dataset root");
        file("a.yaml", "names: [a]\n");
        file("b.yml", "names: [b]\n");
        fails(new UltralyticsDetectionFormat(), "!/: several YAML files [a.yaml, b.yml] and none named data.yaml:"
                + " cannot tell which describes the dataset");
    }

    private void fails(Format format, String ending) throws IOException {
        FormatException e = assertThrows(FormatException.class, () -> Datasets.read(format, DirectorySource.of(dir)));
        assertTrue(e.getMessage().endsWith(ending), e.getMessage());
    }

    private void file(String path, String text) throws IOException {
        Path target = dir.resolve(path);
        Files.createDirectories(target.getParent());
        Files.writeString(target, text);
    }
}

package org.labelbridge.format.ultralytics;

import org.labelbridge.testing.RecordedProblems;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.archive.DirectorySource;
import org.labelbridge.format.Format;
import org.labelbridge.model.Points;
import org.labelbridge.model.Polygon;
import org.labelbridge.model.Skeleton;
import org.labelbridge.model.Track;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.Datasets;
import org.labelbridge.testing.Datasets.Loaded;

/** The layouts and line forms met in the wild, beyond the corpus samples. The image is 15x10. */
class UltralyticsReaderTest {

    @TempDir
    Path dir;

    private byte[] jpeg;
    private final RecordedProblems problems = new RecordedProblems();

    @BeforeEach
    void image() throws IOException {
        jpeg = Files.readAllBytes(Corpus.path("ultralytics_yolo/yolov8_detection/images/train/1.jpg"));
    }

    @Test
    void invertedLayoutAsRoboflowWritesIt() throws IOException {
        file("data.yaml", "train: ../train/images\nval: ../valid/images\n\nnc: 2\nnames: ['cat', 'dog']\n"
                + "roboflow:\n  workspace: w\n  version: 1\n");
        image("train/images/a.jpg");
        file("train/labels/a.txt", "1 0.5 0.5 0.2 0.2\n");
        image("valid/images/b.jpg");

        Loaded d = read(new UltralyticsDetectionFormat());
        assertEquals(List.of("train/a", "val/b"), d.ids());
        assertEquals("train/images/a.jpg", d.item("a").media().path());
        Shapes.box(d.categories(), d.item("a").annotations().get(0), "dog", 6, 4, 3, 2, 0);
        assertEquals(List.of(), d.item("b").annotations());
        assertTrue(problems.dataset.get(0).endsWith("!/data.yaml, line 7: 'roboflow' is not used"),
                problems.toString());
    }

    @Test
    void trailingTrackIdsAreTracks() throws IOException {
        file("data.yaml", "train: images/train\nnames: [a]\n");
        image("images/train/1.jpg");
        file("labels/train/1.txt", "0 0.5 0.5 0.2 0.2 7\n");
        assertEquals(new Track(7, true, false), read(new UltralyticsDetectionFormat()).item("1").annotations().get(0)
                .info().track());

        file("labels/train/1.txt", "0 0.1 0.1 0.4 0.1 0.4 0.5 12\n");
        Polygon polygon = assertInstanceOf(Polygon.class, read(new UltralyticsSegmentationFormat()).item("1")
                .annotations().get(0));
        assertEquals(3, polygon.size());
        assertEquals(12, polygon.info().track().id());

        file("labels/train/1.txt", "0 0.1 0.1 0.3 0.1 0.3 0.2 0.1 0.2 5\n");
        assertEquals(5, read(new UltralyticsObbFormat()).item("1").annotations().get(0).info().track().id());
    }

    @Test
    void namesMapWithGapsNcAloneAndListedSources() throws IOException {
        file("data.yaml", "path: ./\ntrain: [images/a, images/b]\nnames:\n  0: zero\n  5: five\n");
        image("images/a/1.jpg");
        image("images/b/2.jpg");
        file("labels/b/2.txt", "5 0.5 0.5 0.2 0.2\n");
        Loaded d = read(new UltralyticsDetectionFormat());
        assertEquals(List.of("zero", "five"), Shapes.names(d.categories()));
        assertEquals(List.of("train/1", "train/2"), d.ids());
        assertEquals("five", d.labelOf(d.item("2").annotations().get(0)));
        assertTrue(problems.dataset.get(0).endsWith("line 4: class ids [0, 5] are not 0 to 1; labels are taken in id"
                + " order and written back numbered from 0"), problems.toString());

        file("data.yaml", "train: images/a\nnc: 3\n");
        assertEquals(List.of("class_0", "class_1", "class_2"), Shapes.names(read(new UltralyticsDetectionFormat())
                .categories()));
    }

    @Test
    void listedImagesThatAreMissingTakeTheirSizeFromImagesMeta() throws IOException {
        file("data.yaml", "train: data/train.txt\nnames: [a]\n");
        file("train.txt", "/home/me/datasets/x/images/train/1.jpg\n./images/train/2.jpg\n");
        file("labels/train/1.txt", "0 0.5 0.5 0.2 0.2\n");
        file("labels/train/2.txt", "0 0.5 0.5 0.2 0.2\n");
        file("images.meta", "1 10 15\n");

        Loaded d = read(new UltralyticsDetectionFormat());
        assertEquals(List.of("train/1", "train/2"), d.ids());
        Shapes.box(d.categories(), d.item("1").annotations().get(0), "a", 6, 4, 3, 2, 0);
        assertEquals(List.of(), d.item("2").annotations());
        assertEquals(List.of("2: bbox: the image size is unknown (no image, and no size in images.meta), so its label"
                + " lines cannot be turned into pixels"), problems.dropped);
    }

    @Test
    void poseWithVisibilityAndFlipIdx() throws IOException {
        file("data.yaml", "train: images/train\nkpt_shape: [2, 3]\nflip_idx: [1, 0]\nnames: [person]\n");
        image("images/train/1.jpg");
        file("labels/train/1.txt", "0 0.5 0.5 0.2 0.2 0.4 0.4 2 0 0 0 3\n");

        Loaded d = read(new UltralyticsPoseFormat());
        Skeleton skeleton = assertInstanceOf(Skeleton.class, d.item("1").annotations().get(0));
        assertEquals(3, skeleton.info().track().id());
        Points first = skeleton.nodes().get(0);
        assertArrayEquals(new double[] {6, 4}, first.points(), Shapes.DELTA);
        assertArrayEquals(new byte[] {Points.VISIBLE}, first.visibility());
        assertArrayEquals(new byte[] {Points.ABSENT}, skeleton.nodes().get(1).visibility());
        assertTrue(problems.dataset.get(0).endsWith("!/data.yaml: flip_idx [1, 0] is not kept (the model has no place"
                + " for it)"), problems.toString());
    }

    @Test
    void fourPointsThatAreNoRectangleGiveTheSmallestBoxAround() throws IOException {
        file("data.yaml", "train: images/train\nnames: [a]\n");
        image("images/train/1.jpg");
        // A kite on a 15x10 image: (3,2) (9,2) (12,6) (3,8).
        file("labels/train/1.txt", "0 0.2 0.2 0.6 0.2 0.8 0.6 0.2 0.8\n");

        Loaded d = read(new UltralyticsObbFormat());
        Shapes.box(d.categories(), d.item("1").annotations().get(0), "a", 3, 2, 9, 6, 0);
        assertEquals(List.of("1: bbox: the 4 points are not the corners of a rectangle; kept as the smallest"
                + " rotated box around them"), problems.changed);
    }

    @Test
    void labelFilesNoImageLeadsToAreReported() throws IOException {
        file("data.yaml", "train: images/train\nnames: [a]\n");
        image("images/train/1.jpg");
        file("labels/train/1.txt", "");
        file("labels/train/orphan.txt", "0 0.5 0.5 0.2 0.2\n");
        file("labels/train/classes.txt", "a\n");

        assertEquals(List.of("train/1"), read(new UltralyticsDetectionFormat()).ids());
        assertEquals(List.of("1 label file(s) whose image no subset names were skipped, e.g. labels/train/orphan.txt"),
                problems.dataset);
    }

    @Test
    void classificationWithoutLabelFolderAndStrayFiles() throws IOException {
        image("train/cat/1.jpg");
        image("train/no_label/2.jpg");
        file("train/readme.txt", "x");

        Loaded d = read(new UltralyticsClassificationFormat());
        assertEquals(List.of("cat"), Shapes.names(d.categories()));
        assertEquals(List.of("train/cat/1", "train/no_label/2"), d.ids());
        assertEquals(List.of(), d.item("no_label/2").annotations());
        assertEquals(List.of("1 file(s) in subset folder train are not images in a label folder and were skipped,"
                + " e.g. train/readme.txt"), problems.dataset);
    }

    private Loaded read(Format format) throws IOException {
        problems.dataset.clear();
        problems.dropped.clear();
        problems.changed.clear();
        problems.items.clear();
        return Datasets.read(format, DirectorySource.of(dir), problems);
    }

    private void file(String path, String text) throws IOException {
        Path target = dir.resolve(path);
        Files.createDirectories(target.getParent());
        Files.writeString(target, text);
    }

    private void image(String path) throws IOException {
        Path target = dir.resolve(path);
        Files.createDirectories(target.getParent());
        Files.write(target, jpeg);
    }
}

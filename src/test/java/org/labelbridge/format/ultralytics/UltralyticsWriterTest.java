package org.labelbridge.format.ultralytics;

import org.labelbridge.testing.RecordedProblems;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.archive.DirectorySource;
import org.labelbridge.format.Format;
import org.labelbridge.model.AnnotationInfo;
import org.labelbridge.model.Bbox;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Ellipse;
import org.labelbridge.model.Item;
import org.labelbridge.model.Label;
import org.labelbridge.model.Mask;
import org.labelbridge.model.Media;
import org.labelbridge.model.Points;
import org.labelbridge.model.Polygon;
import org.labelbridge.model.Rle;
import org.labelbridge.model.Skeleton;
import org.labelbridge.model.SkeletonDef;
import org.labelbridge.model.Tag;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.Datasets;
import org.labelbridge.testing.Datasets.Loaded;

/** What the writers put in each file, line by line, and what they say they could not keep. */
class UltralyticsWriterTest {

    private static final Categories CAR_PERSON = Categories.ofNames(List.of("car", "person"));

    @TempDir
    Path dir;

    private final RecordedProblems problems = new RecordedProblems();

    @Test
    void detectionWritesCvatsLayout() throws IOException {
        DirectorySource images = Corpus.source("ultralytics_yolo/yolov8_detection");
        Item item = new Item("1", "train", new Media("images/train/1.jpg", 200, 100), List.of(
                new Bbox(AnnotationInfo.of(0), 20, 10, 50, 40),
                new Bbox(AnnotationInfo.of(1), 0, 0, 200, 100)));
        Item val = new Item("sub/2", "val", new Media("images/train/1.jpg", 200, 100), List.of());
        write(new UltralyticsDetectionFormat(), CAR_PERSON, images, item, val);

        assertEquals(List.of("data.yaml", "images/train/1.jpg", "images/val/sub/2.jpg", "labels/train/1.txt",
                "labels/val/sub/2.txt", "train.txt", "val.txt"), files());
        assertEquals("", read("labels/val/sub/2.txt"), "an image without objects has an empty label file");
        assertEquals("path: .\ntrain: train.txt\nval: val.txt\nnames:\n  0: car\n  1: person\n", read("data.yaml"));
        assertEquals("images/train/1.jpg\n", read("train.txt"));
        assertEquals("images/val/sub/2.jpg\n", read("val.txt"));
        assertEquals("0 0.225 0.3 0.25 0.4\n1 0.5 0.5 1 1\n", read("labels/train/1.txt"));
        assertTrue(problems.none(), problems.toString());
    }

    @Test
    void segmentationWritesPolygonsAndMasksAsOutlines() throws IOException {
        byte[] bitmap = new byte[4 * 4];
        bitmap[5] = bitmap[6] = bitmap[9] = bitmap[10] = 1; // a 2x2 block at (1,1)
        Item item = new Item("1", "train", new Media("1.jpg", 200, 100), List.of(
                new Polygon(AnnotationInfo.of(1), new double[] {20, 10, 120, 10, 70, 90}),
                new Mask(AnnotationInfo.of(0), Rle.fromBitmap(bitmap, 4, 4)),
                new Polygon(AnnotationInfo.of(0), new double[] {1, 1, 2, 2})));
        write(new UltralyticsSegmentationFormat(), CAR_PERSON, null, item);

        String[] lines = read("labels/train/1.txt").split("\n");
        assertEquals("1 0.1 0.1 0.6 0.1 0.35 0.9", lines[0]);
        assertEquals(2, lines.length);
        assertEquals(List.of(1d, 1d, 3d, 1d, 3d, 3d, 1d, 3d), pixels(lines[1], 200, 100), "the block's outline");
        assertEquals(List.of("converted 1 1 mask to 1 polygon: a mask is written as the outline polygon of each of"
                + " its separate parts"), problems.lines.stream().filter(l -> l.startsWith("converted")).toList());
        assertEquals(List.of("1: polygon: Ultralytics YOLO Segmentation 1.0: a polygon needs at least 3 points"),
                problems.dropped);
        // The image is not written along, so its size goes to images.meta.
        assertEquals("1 100 200\n", read("images.meta"));
    }

    @Test
    void orientedBoxesWriteTheFourCorners() throws IOException {
        Item item = new Item("1", "train", new Media("1.jpg", 200, 100), List.of(
                new Bbox(AnnotationInfo.of(0), 50, 25, 100, 50, 0),
                new Bbox(AnnotationInfo.of(1), 50, 25, 100, 50, 90)));
        write(new UltralyticsObbFormat(), CAR_PERSON, null, item);

        String[] lines = read("labels/train/1.txt").split("\n");
        assertEquals("0 0.25 0.25 0.75 0.25 0.75 0.75 0.25 0.75", lines[0]);
        // Turned a quarter clockwise around (100, 50): the top-left corner goes to the top right.
        assertArrayEquals(new double[] {125, 0, 125, 100, 75, 100, 75, 0},
                pixels(lines[1], 200, 100).stream().mapToDouble(Double::doubleValue).toArray(), 1e-9);
        assertTrue(lines[1].startsWith("1 "));
    }

    @Test
    void poseWritesTheBoxAroundThePointsAndEveryPointsVisibility() throws IOException {
        Categories categories = new Categories(List.of(Label.named("hand"), Label.named("car"),
                new Label("hand_point_0", "hand", List.of()), new Label("hand_point_1", "hand", List.of()),
                new Label("hand_point_2", "hand", List.of())), List.of(),
                Map.of(0, new SkeletonDef(List.of(2, 3, 4), List.of())), Map.of());
        Skeleton skeleton = new Skeleton(AnnotationInfo.of(0), List.of(
                new Points(AnnotationInfo.of(3), new double[] {60, 30}, new byte[] {Points.HIDDEN}),
                new Points(AnnotationInfo.of(2), new double[] {20, 10}, new byte[] {Points.VISIBLE}),
                new Points(AnnotationInfo.of(4), new double[] {150, 90}, new byte[] {Points.ABSENT})));
        write(new UltralyticsPoseFormat(), categories, null,
                new Item("1", "train", new Media("1.jpg", 200, 100), List.of(skeleton)));

        assertEquals("path: .\ntrain: train.txt\nkpt_shape: [3, 3]\nnames:\n  0: hand\n", read("data.yaml"));
        assertEquals("0 0.2 0.2 0.2 0.2 0.1 0.1 2 0.3 0.3 1 0.75 0.9 0\n", read("labels/train/1.txt"));
        assertEquals(List.of("label(s) [car] are not written to data.yaml: Ultralytics YOLO Pose names only skeletons"),
                problems.dataset);
    }

    @Test
    void poseReportsPointNamesEdgesAndPadding() throws IOException {
        Categories categories = new Categories(List.of(Label.named("face"), Label.named("hand"),
                new Label("nose", "face", List.of()), new Label("eye", "face", List.of()),
                new Label("hand_point_0", "hand", List.of())), List.of(),
                Map.of(0, new SkeletonDef(List.of(2, 3), List.of(new SkeletonDef.Edge(0, 1))),
                        1, new SkeletonDef(List.of(4), List.of())), Map.of());
        write(new UltralyticsPoseFormat(), categories, null);

        assertEquals("path: .\nkpt_shape: [2, 3]\nnames:\n  0: face\n  1: hand\n", read("data.yaml"));
        assertEquals(List.of("skeleton 'face': point names [nose, eye] (they read back as face_point_0...) and 1"
                        + " edge(s) are not kept: Ultralytics YOLO Pose numbers its keypoints",
                "skeleton 'hand' has 1 points, written as 2 (kpt_shape is one for all classes): it reads back with 2"
                        + " points, the extra ones absent"), problems.dataset);
    }

    @Test
    void classificationFilesImagesByLabelAndKeepsIdsInLabelsJson() throws IOException {
        DirectorySource images = Corpus.source("ultralytics_yolo/yolov8_classification");
        Media jpeg = new Media("train/label_0/1.jpg", 15, 10);
        write(new UltralyticsClassificationFormat(), Categories.ofNames(List.of("cat", "dog", "bird")), images,
                new Item("cat/1", "train", jpeg, List.of(new Tag(AnnotationInfo.of(0)))),
                new Item("x", "train", jpeg, List.of(new Tag(AnnotationInfo.of(1)), new Tag(AnnotationInfo.of(0)))),
                new Item("y", "val", jpeg, List.of()));

        assertEquals(List.of("train/cat/1.jpg", "train/dog/x.jpg", "train/labels.json", "val/labels.json",
                "val/no_label/y.jpg"), files());
        assertEquals("{\"cat/1\":{\"labels\":[\"cat\"],\"path\":\"cat/1.jpg\"},"
                + "\"x\":{\"labels\":[\"dog\",\"cat\"],\"path\":\"dog/x.jpg\"}}", read("train/labels.json"));
        assertEquals("{\"y\":{\"labels\":[],\"path\":\"no_label/y.jpg\"}}", read("val/labels.json"));
        assertEquals(List.of("x: has 2 labels: its image is filed under 'dog' only; the others are kept in"
                + " labels.json, which Ultralytics does not read"), problems.items);
        assertEquals(List.of("label(s) [bird] tag no image and are not kept: the classification layout declares"
                + " labels only by their folders"), problems.dataset);
    }

    @Test
    void whatATaskCannotHoldIsReported() throws IOException {
        Item item = new Item("1", Item.DEFAULT_SUBSET, new Media("1.jpg", 10, 10), List.of(
                new Bbox(AnnotationInfo.of(0), 1, 1, 2, 2, 45),
                new Bbox(AnnotationInfo.EMPTY, 1, 1, 2, 2),
                new Ellipse(AnnotationInfo.of(1), 5, 5, 2, 2, 0)));
        Item unsized = new Item("2", Item.DEFAULT_SUBSET, new Media("2.jpg", null, null), List.of(
                new Bbox(AnnotationInfo.of(0), 1, 1, 2, 2)));
        Item twin = new Item("2", Item.DEFAULT_SUBSET, new Media("3.jpg", 5, 5), List.of(
                new Bbox(AnnotationInfo.of(0), 1, 1, 2, 2)));
        write(new UltralyticsDetectionFormat(), CAR_PERSON, null, item, unsized, twin);

        assertEquals(List.of(
                "1: bbox: Ultralytics YOLO Detection 1.0: its boxes are axis-aligned (Ultralytics YOLO Oriented"
                        + " Bounding Boxes 1.0 holds rotation)",
                "1: bbox: Ultralytics YOLO Detection 1.0 needs a class on every line",
                "1: ellipse: Ultralytics YOLO Detection 1.0: it holds only boxes",
                "2: bbox: the image size is unknown, and Ultralytics coordinates are fractions of it"),
                problems.dropped);
        assertEquals(List.of("2: written as '2_default': another item written to split 'train' has its id"),
                problems.items);
        assertEquals(List.of("items without a subset are written to split 'train', as CVAT writes them"),
                problems.dataset);
        assertEquals("", read("labels/train/1.txt"), "a label file for every written image, empty without lines");
        assertEquals("", read("labels/train/2.txt"));
        assertEquals("0 0.4 0.4 0.4 0.4\n", read("labels/train/2_default.txt"), "the twin, under its own id");
        assertEquals("images/train/1.jpg\nimages/train/2.jpg\nimages/train/2_default.jpg\n", read("train.txt"));
        assertEquals("1 10 10\n2_default 5 5\n", read("images.meta"));
    }

    @Test
    void namesAndSubsetsAreWrittenSoThatTheyReadBack() throws IOException {
        Categories categories = Categories.ofNames(List.of("yes", "a: b", "1st", "say \"hi\"", "traffic light"));
        write(new UltralyticsDetectionFormat(), categories, null,
                new Item("1", "Validation", new Media("1.jpg", 10, 10), List.of()),
                new Item("1", "Train", new Media("1.jpg", 10, 10), List.of()));

        assertEquals("path: .\nval: val.txt\ntrain: train.txt\nnames:\n  0: \"yes\"\n"
                + "  1: \"a: b\"\n  2: \"1st\"\n  3: \"say \\\"hi\\\"\"\n  4: traffic light\n", read("data.yaml"));
        Loaded back = Datasets.read(new UltralyticsDetectionFormat(), DirectorySource.of(dir));
        assertEquals(List.of("yes", "a: b", "1st", "say \"hi\"", "traffic light"), Shapes.names(back.categories()));
        assertEquals(List.of("val/1", "train/1"), back.ids());
    }

    private void write(Format format, Categories categories, DirectorySource media, Item... items) throws IOException {
        Datasets.write(format, new Loaded(categories, List.of(items)), dir, media, problems);
    }

    private List<String> files() throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }

    private String read(String path) throws IOException {
        return Files.readString(dir.resolve(path));
    }

    /** A label line's coordinates back in pixels. */
    private static List<Double> pixels(String line, int width, int height) {
        String[] fields = line.split(" ");
        Double[] out = new Double[fields.length - 1];
        for (int i = 1; i < fields.length; i++) {
            out[i - 1] = Double.parseDouble(fields[i]) * (i % 2 == 1 ? width : height);
        }
        return List.of(out);
    }
}

package org.labelbridge.format.coco;

import org.labelbridge.testing.RecordedProblems;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.labelbridge.archive.InputArchive;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.AnnotationInfo;
import org.labelbridge.model.Bbox;
import org.labelbridge.model.Caption;
import org.labelbridge.model.Item;
import org.labelbridge.model.Mask;
import org.labelbridge.model.Media;
import org.labelbridge.model.Points;
import org.labelbridge.model.Polygon;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.archive.DirectorySource;
import org.labelbridge.model.Rle;
import org.labelbridge.model.Tag;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.Datasets;
import org.labelbridge.testing.Datasets.Loaded;

/** Every COCO sample of the corpus reads to what its MANIFEST.md row says. */
class CocoCorpusTest {

    private static final CocoFormat COCO = new CocoFormat();

    static AnnotationInfo info(Integer label, long id, Map<String, Object> attributes) {
        return new AnnotationInfo(label, id, (int) id, 0, attributes, null);
    }

    /** Image a: w10 h5; b: w5 h10. */
    static final Rle MASK_B = new Rle(10, 5, new int[] {0, 20, 30});
    static final Rle STUFF_MASK_A = new Rle(5, 10, new int[] {10, 10, 5, 10, 15});

    @Test
    void instances() throws IOException {
        Loaded dataset = Datasets.read(COCO, Corpus.source("coco_1.0/coco_instances"));

        assertEquals(List.of("a", "b", "c"), names(dataset)); // category ids 1, 2, 4
        assertEquals(List.of("train/a", "val/b"), dataset.ids());

        Item a = dataset.item("train", "a");
        assertEquals(new Media("images/train/a.jpg", 10, 5), a.media());
        assertEquals(Map.of("id", 5L), a.attributes());
        assertEquals(List.of(new Bbox(info(1, 1, Map.of("is_crowd", false)), 2, 2, 3, 1)), a.annotations());

        Item b = dataset.item("val", "b");
        assertEquals(new Media("images/val/b.jpg", 5, 10), b.media());
        assertEquals(Map.of("id", 40L), b.attributes());
        assertEquals(List.of(
                new Polygon(info(0, 1, Map.of("is_crowd", false, "x", 1L, "y", "hello")),
                        new double[] {0, 0, 1, 0, 1, 2, 0, 2}),
                new Mask(info(1, 2, Map.of("is_crowd", true)), MASK_B)), b.annotations());
    }

    @Test
    void instancesMaskIsTwoFullColumns() throws IOException {
        Mask mask = (Mask) Datasets.read(COCO, Corpus.source("coco_1.0/coco_instances")).item("b").annotations().get(1);
        byte[] row = {1, 1, 0, 0, 0};
        byte[] bitmap = mask.rle().toBitmap();
        for (int y = 0; y < 10; y++) {
            assertArrayEquals(row, Arrays.copyOfRange(bitmap, y * 5, y * 5 + 5), "row " + y);
        }
    }

    @ParameterizedTest
    @CsvSource({"instances_train.json, train, a", "instances_val.json, val, b"})
    void instancesFileGivenAlone(String file, String subset, String item) throws IOException {
        Path json = Corpus.path("coco_1.0/coco_instances/annotations/" + file);
        try (InputArchive input = InputArchive.open(json)) {
            assertTrue(COCO.detect(input.source()).matched());
            Loaded dataset = Datasets.read(COCO, input.source());
            assertEquals(List.of("a", "b", "c"), names(dataset));
            assertEquals(List.of(subset + "/" + item), dataset.ids());
            Loaded whole = Datasets.read(COCO, Corpus.source("coco_1.0/coco_instances"));
            assertEquals(whole.item(item).annotations(), dataset.item(item).annotations());
            assertEquals(whole.item(item).media().width(), dataset.item(item).media().width());
        }
    }

    @Test
    void captions() throws IOException {
        Loaded dataset = Datasets.read(COCO, Corpus.source("coco_1.0/coco_captions"));

        assertEquals(List.of(), names(dataset));
        assertEquals(List.of("train/a", "val/b"), dataset.ids());
        assertEquals(Map.of("id", 5L), dataset.item("a").attributes());
        assertEquals(List.of(new Caption(info(null, 1, Map.of()), "hello")), dataset.item("a").annotations());
        assertEquals(List.of(new Caption(info(null, 1, Map.of()), "world"), new Caption(info(null, 2, Map.of()), "text")),
                dataset.item("b").annotations());
    }

    @Test
    void labels() throws IOException {
        Loaded dataset = Datasets.read(COCO, Corpus.source("coco_1.0/coco_labels"));

        assertEquals(List.of("a", "b"), names(dataset));
        assertEquals(List.of(new Tag(info(1, 1, Map.of()))), dataset.item("train", "a").annotations());
        assertEquals(List.of(new Tag(info(0, 1, Map.of())), new Tag(info(1, 2, Map.of()))),
                dataset.item("val", "b").annotations());
    }

    @Test
    void imageInfo() throws IOException {
        Loaded dataset = Datasets.read(COCO, Corpus.source("coco_1.0/coco_image_info"));

        assertEquals(List.of(), names(dataset));
        assertEquals(List.of("train/a", "val/b"), dataset.ids());
        Item a = dataset.item("a");
        assertEquals(new Media("images/train/a.jpg", 10, 5), a.media());
        assertEquals(Map.of("id", 5L), a.attributes());
        assertEquals(List.of(), a.annotations());
        assertEquals(new Media("images/val/b.jpg", 5, 10), dataset.item("b").media());
        assertEquals(Map.of("id", 40L), dataset.item("b").attributes());
    }

    @Test
    void stuff() throws IOException {
        Loaded dataset = Datasets.read(COCO, Corpus.source("coco_1.0/coco_stuff"));

        assertEquals(List.of("a", "b"), names(dataset));
        Mask a = (Mask) dataset.item("train", "a").annotations().get(0);
        assertEquals(new Mask(info(0, 7, Map.of("is_crowd", true)), STUFF_MASK_A), a);
        byte[] bitmap = a.rle().toBitmap();
        for (int y = 0; y < 5; y++) {
            assertArrayEquals(new byte[] {0, 0, 1, 1, 0, 1, 1, 0, 0, 0},
                    Arrays.copyOfRange(bitmap, y * 10, y * 10 + 10), "row " + y);
        }
        assertEquals(List.of(new Mask(info(1, 2, Map.of("is_crowd", true)), MASK_B)),
                dataset.item("val", "b").annotations());
    }

    /** All seven tasks: one item per image with the annotations of every task read. */
    @Test
    void allTasksMergedByImage() throws IOException {
        RecordedProblems problems = new RecordedProblems();
        Loaded dataset = Datasets.read(COCO, Corpus.source("coco_1.0/coco"), problems);

        assertEquals(List.of("a", "b", "c"), names(dataset));
        assertEquals(List.of("train/a", "val/b"), dataset.ids());

        Item a = dataset.item("train", "a");
        assertEquals(new Media("images/train/a.jpg", 10, 5), a.media());
        assertEquals(Map.of("id", 5L), a.attributes());
        assertEquals(List.<Annotation>of(
                new Bbox(info(1, 1, Map.of("is_crowd", false)), 2, 2, 3, 1),
                // person_keypoints: unnamed keypoints are points; their empty segmentation gives no box
                new Points(info(1, 1, Map.of("is_crowd", false)), new double[] {0, 0, 0, 2, 4, 1}, new byte[] {0, 1, 2}),
                new Mask(info(0, 7, Map.of("is_crowd", true)), STUFF_MASK_A),
                new Tag(info(1, 1, Map.of())),
                new Caption(info(null, 1, Map.of()), "hello"),
                // panoptic: segment 7 of a.png (same pixels as stuff's mask 7, but not a crowd)
                new Mask(info(0, 7, Map.of("is_crowd", false)), STUFF_MASK_A)), a.annotations());

        Item b = dataset.item("val", "b");
        Map<String, Object> polygonAttributes = Map.of("is_crowd", false, "x", 1L, "y", "hello");
        assertEquals(List.<Annotation>of(
                new Polygon(info(0, 1, polygonAttributes), new double[] {0, 0, 1, 0, 1, 2, 0, 2}),
                new Mask(info(1, 2, Map.of("is_crowd", true)), MASK_B),
                // person_keypoints repeats the polygon and the mask, stuff the mask: given once
                new Points(info(0, 1, polygonAttributes), new double[] {1, 2, 3, 4, 2, 3}, new byte[] {2, 2, 2}),
                new Points(info(1, 2, Map.of("is_crowd", true)), new double[] {2, 4, 4, 4, 4, 2}, new byte[] {2, 2, 2}),
                new Tag(info(0, 1, Map.of())),
                new Tag(info(1, 2, Map.of())),
                new Caption(info(null, 1, Map.of()), "world"),
                new Caption(info(null, 2, Map.of()), "text"),
                // panoptic: segments 7 and 20 of b.png
                new Mask(info(0, 7, Map.of("is_crowd", false)), MASK_B),
                new Mask(info(1, 20, Map.of("is_crowd", true)), new Rle(10, 5, new int[] {20, 20, 10}))), b.annotations());

        assertEquals(List.of(), problems.lines);
    }

    /**
     * Panoptic: each segment of segments_info is the pixels of its PNG whose R + 256 G + 256^2 B is
     * its id, a mask with its category, iscrowd and id (panoptic_train's segment 7 covers columns
     * 2, 3, 5 and 6 of a.png; panoptic_val's 7 columns 0-1, 20 columns 2-3 of b.png).
     */
    @Test
    void panopticSegmentsAreMasks(@TempDir Path dir) throws IOException {
        Path sample = Corpus.path("coco_1.0/coco");
        try (Stream<Path> files = Files.walk(sample)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = sample.relativize(file).toString().replace('\\', '/');
                if (name.startsWith("images/") || name.startsWith("annotations/panoptic_")) {
                    Files.createDirectories(dir.resolve(name).getParent());
                    Files.copy(file, dir.resolve(name));
                }
            }
        }
        RecordedProblems problems = new RecordedProblems();
        Loaded dataset = Datasets.read(COCO, DirectorySource.of(dir), problems);

        assertEquals(List.of("a", "b"), names(dataset));
        assertEquals(List.<Annotation>of(new Mask(info(0, 7, Map.of("is_crowd", false)), STUFF_MASK_A)),
                dataset.item("train", "a").annotations());
        assertEquals(List.<Annotation>of(
                new Mask(info(0, 7, Map.of("is_crowd", false)), MASK_B),
                new Mask(info(1, 20, Map.of("is_crowd", true)), new Rle(10, 5, new int[] {20, 20, 10}))),
                dataset.item("val", "b").annotations());
        assertEquals(List.of(), problems.lines);
    }

    @Test
    void panopticSegmentsWithoutTheirPngAreReported(@TempDir Path dir) throws IOException {
        Path sample = Corpus.path("coco_1.0/coco");
        Files.createDirectories(dir.resolve("annotations"));
        for (String subset : List.of("train", "val")) {
            Files.copy(sample.resolve("annotations/panoptic_" + subset + ".json"),
                    dir.resolve("annotations/panoptic_" + subset + ".json"));
        }
        RecordedProblems problems = new RecordedProblems();
        Loaded dataset = Datasets.read(COCO, DirectorySource.of(dir), problems);

        assertEquals(List.of(), dataset.item("val", "b").annotations());
        assertEquals(2, problems.lines.size(), problems.toString());
        assertTrue(problems.lines.get(0).contains("panoptic_train.json: 1 panoptic segments not read: 1 of their PNG"
                + " files are missing"), problems.toString());
        assertTrue(problems.lines.get(1).contains("panoptic_val.json: 2 panoptic segments not read"), problems.toString());
    }

    static List<String> names(Loaded dataset) {
        return dataset.categories().labels().stream().map(l -> l.name()).toList();
    }
}

package org.labelbridge.format.ultralytics;

import org.labelbridge.testing.RecordedProblems;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;
import org.labelbridge.model.Points;
import org.labelbridge.model.Skeleton;
import org.labelbridge.model.SkeletonDef;
import org.labelbridge.model.Tag;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.Datasets;
import org.labelbridge.testing.Datasets.Loaded;

/** The Ultralytics samples of the corpus, and the dataset each must give (MANIFEST.md). */
class UltralyticsCorpusTest {

    private static final String ROOT = "ultralytics_yolo/";

    /** Item 1 of train, 15x10, with the two boxes every detection sample holds. */
    @ParameterizedTest
    @ValueSource(strings = {"yolov8_detection", "yolov8_detection_with_list_of_names",
        "yolov8_detection_with_subset_txt"})
    void detectionSamplesGiveTwoBoxes(String sample) throws IOException {
        RecordedProblems problems = new RecordedProblems();
        Loaded d = Datasets.read(new UltralyticsDetectionFormat(), Corpus.source(ROOT + sample), problems);

        assertEquals(Shapes.TEN_LABELS, Shapes.names(d.categories()));
        assertEquals(List.of("train/1"), d.ids());
        Item item = d.item("train", "1");
        assertEquals("images/train/1.jpg", item.media().path());
        assertEquals(15, item.media().width());
        assertEquals(10, item.media().height());
        assertEquals(2, item.annotations().size());
        Shapes.box(d.categories(), item.annotations().get(0), "label_2", 0, 2, 4, 2, 0);
        Shapes.box(d.categories(), item.annotations().get(1), "label_4", 3, 3, 2, 3, 0);
        assertTrue(item.annotations().stream().allMatch(a -> a.attributes().isEmpty() && a.info().track() == null
                && a.info().group() == 0));
        assertTrue(item.attributes().isEmpty());
        assertTrue(problems.none(), problems.toString());
    }

    @Test
    void segmentationSampleGivesTwoPolygons() throws IOException {
        RecordedProblems problems = new RecordedProblems();
        Loaded d = Datasets.read(new UltralyticsSegmentationFormat(), Corpus.source(ROOT + "yolov8_segmentation"),
                problems);

        assertEquals(Shapes.TEN_LABELS, Shapes.names(d.categories()));
        assertEquals(List.of("train/1"), d.ids());
        Item item = d.item("train", "1");
        assertEquals(15, item.media().width());
        assertEquals(10, item.media().height());
        assertEquals(2, item.annotations().size());
        Shapes.polygon(d.categories(), item.annotations().get(0), "label_2", 1.5, 1, 6, 1, 6, 5);
        Shapes.polygon(d.categories(), item.annotations().get(1), "label_4", 3, 1.5, 6, 1.5, 6, 7.5, 4.5, 7.5, 3.75, 3);
        assertTrue(problems.none(), problems.toString());
    }

    @Test
    void orientedBoxesSampleGivesTwoRotatedBoxes() throws IOException {
        RecordedProblems problems = new RecordedProblems();
        Loaded d = Datasets.read(new UltralyticsObbFormat(), Corpus.source(ROOT + "yolov8_oriented_boxes"), problems);

        assertEquals(Shapes.TEN_LABELS, Shapes.names(d.categories()));
        Item item = d.item("train", "1");
        assertEquals(2, item.annotations().size());
        Shapes.box(d.categories(), item.annotations().get(0), "label_2", 1, 2, 3, 4, 30);
        Shapes.box(d.categories(), item.annotations().get(1), "label_4", 3, 2, 6, 2, 120);
        assertTrue(problems.none(), problems.toString());
    }

    @Test
    void poseSampleGivesOneSkeletonOfThreeVisiblePoints() throws IOException {
        RecordedProblems problems = new RecordedProblems();
        Loaded d = Datasets.read(new UltralyticsPoseFormat(), Corpus.source(ROOT + "yolov8_pose_two_values_per_point"),
                problems);

        Categories categories = d.categories();
        assertEquals(List.of("skeleton_label", "skeleton_label_point_0", "skeleton_label_point_1",
                "skeleton_label_point_2"), Shapes.names(categories));
        assertEquals(List.of("", "skeleton_label", "skeleton_label", "skeleton_label"),
                categories.labels().stream().map(l -> l.parent()).toList());
        assertEquals(Map.of(0, new SkeletonDef(List.of(1, 2, 3), List.of())), categories.skeletons());
        Item item = d.item("train", "1");
        assertEquals(15, item.media().width());
        Skeleton skeleton = assertInstanceOf(Skeleton.class, item.annotations().get(0));
        assertEquals(1, item.annotations().size());
        assertEquals("skeleton_label", categories.nameOf(skeleton.label()));
        assertNull(skeleton.info().track());
        double[][] expected = {{1.5, 2.0}, {4.5, 4.0}, {7.5, 6.0}};
        assertEquals(3, skeleton.nodes().size());
        for (int i = 0; i < 3; i++) {
            Points node = skeleton.nodes().get(i);
            assertEquals("skeleton_label_point_" + i, categories.nameOf(node.label()));
            assertArrayEquals(expected[i], node.points(), Shapes.DELTA);
            assertArrayEquals(new byte[] {Points.VISIBLE}, node.visibility());
        }
        // The file's box (0..4 x 2..4) is not the points' box: the model has no place for it.
        assertEquals(List.of("1: skeleton: the pose box is not kept (a skeleton has no box of its own);"
                + " the box around its points is written back"), problems.changed);
        assertTrue(problems.dropped.isEmpty() && problems.items.isEmpty() && problems.dataset.isEmpty(),
                problems.toString());
    }

    @Test
    void classificationSampleGivesThreeTaggedItems() throws IOException {
        RecordedProblems problems = new RecordedProblems();
        Loaded d = Datasets.read(new UltralyticsClassificationFormat(), Corpus.source(ROOT + "yolov8_classification"),
                problems);

        assertEquals(List.of("label_0", "label_1"), Shapes.names(d.categories()));
        assertEquals(List.of("train/label_0/1", "train/label_0/2", "train/label_1/3"), d.ids());
        assertEquals(List.of(new Tag(org.labelbridge.model.AnnotationInfo.of(0))), d.item("label_0/1").annotations());
        assertEquals(List.of(new Tag(org.labelbridge.model.AnnotationInfo.of(0))), d.item("label_0/2").annotations());
        assertEquals(List.of(new Tag(org.labelbridge.model.AnnotationInfo.of(1))), d.item("label_1/3").annotations());
        for (Item item : d.items()) {
            assertEquals(15, item.media().width());
            assertEquals(10, item.media().height());
            assertEquals("train/" + item.id() + ".jpg", item.media().path());
        }
        assertTrue(problems.none(), problems.toString());
    }
}

package org.labelbridge.format.cvat;

import org.labelbridge.testing.RecordedProblems;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.AnnotationInfo;
import org.labelbridge.model.AttributeDef;
import org.labelbridge.model.AttributeType;
import org.labelbridge.model.Bbox;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;
import org.labelbridge.model.Label;
import org.labelbridge.model.Mask;
import org.labelbridge.model.Media;
import org.labelbridge.model.Points;
import org.labelbridge.model.Polygon;
import org.labelbridge.model.Polyline;
import org.labelbridge.model.Skeleton;
import org.labelbridge.model.SkeletonDef;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.Datasets;

/** The CVAT for images samples of the corpus, each read into the dataset its manifest row gives. */
class CvatImagesCorpusTest {

    private static final CvatImagesFormat FORMAT = new CvatImagesFormat();

    /** label1 {a1 checkbox, a2 radio, a3 text, a4 number}, label2: both ovd samples. */
    private static final Categories OVD_CATEGORIES = new Categories(List.of(
            new Label("label1", "", List.of(
                    new AttributeDef("a1", AttributeType.CHECKBOX, false, List.of("false", "true"), "false"),
                    new AttributeDef("a2", AttributeType.RADIO, false, List.of("v1", "v2", "v3"), "v1"),
                    new AttributeDef("a3", AttributeType.TEXT, false, List.of("0001", "0002", "0003"), "0000"),
                    new AttributeDef("a4", AttributeType.NUMBER, false, List.of("2.4", "1", "-5.6"), "0"))),
            Label.named("label2")), List.of("occluded"), Map.of(), Map.of());

    @Test
    void projectDumpHasTwoImagesInEachOfThreeSubsets() throws IOException {
        Datasets.Loaded dataset = Datasets.read(FORMAT, Corpus.source("cvat_images_1.1/ovd_export_project"));

        assertEquals(OVD_CATEGORIES, dataset.categories());
        assertEquals(List.of("Test/img0", "Test/img1", "Train/img0", "Train/img1", "Validation/img0",
                "Validation/img1"), dataset.ids());
        for (String subset : List.of("Test", "Train", "Validation")) {
            assertEquals(img0(subset, "images/" + subset + "/img0.jpg", 1), dataset.item(subset, "img0"));
            assertEquals(img1(subset, "images/" + subset + "/img1.jpg", 0), dataset.item(subset, "img1"));
        }
    }

    @Test
    void taskDumpTakesItsSubsetFromTheFileNameAndKeepsUnlabelledShapes() throws IOException {
        Datasets.Loaded dataset = Datasets.read(FORMAT, Corpus.source("cvat_images_1.1/ovd_export_task"));

        assertEquals(OVD_CATEGORIES, dataset.categories());
        assertEquals(List.of("train/img0", "train/img1"), dataset.ids());
        assertEquals(img0("train", "images/img0.jpg", null), dataset.item("train", "img0"));
        assertEquals(img1("train", "images/img1.jpg", null), dataset.item("train", "img1"));
    }

    /** img0 (8x8, frame 0): the box with every attribute type, and a polyline. */
    private static Item img0(String subset, String path, Integer polylineLabel) {
        Map<String, Object> boxAttributes = new LinkedHashMap<>();
        boxAttributes.put("occluded", true);
        boxAttributes.put("a1", true);
        boxAttributes.put("a2", "v3");
        boxAttributes.put("a3", "0003");
        boxAttributes.put("a4", 2.4);
        return new Item("img0", subset, new Media(path, 8, 8), List.of(
                new Bbox(new AnnotationInfo(0, 0, 0, 1, boxAttributes, null), 0, 2, 4, 2),
                new Polyline(new AnnotationInfo(polylineLabel, 0, 0, 0, Map.of("occluded", false), null),
                        new double[] {1, 2, 3, 4, 5, 6, 7, 8})),
                Map.of("frame", 0L));
    }

    /** img1 (10x10, frame 1): a polygon and points. */
    private static Item img1(String subset, String path, Integer polygonLabel) {
        return new Item("img1", subset, new Media(path, 10, 10), List.of(
                new Polygon(new AnnotationInfo(polygonLabel, 0, 0, 1, Map.of("occluded", false), null),
                        new double[] {1, 2, 3, 4, 6, 5}),
                new Points(new AnnotationInfo(1, 0, 0, 2, Map.of("occluded", false), null),
                        new double[] {1, 2, 3, 4, 5, 6})),
                Map.of("frame", 1L));
    }

    @Test
    void docsExampleHasEveryShapeAndDropsTheUndeclaredTag() throws IOException {
        RecordedProblems problems = new RecordedProblems();
        Datasets.Loaded dataset = Datasets.read(FORMAT,
                Corpus.source("cvat_images_1.1/cvat_docs_annotation_example"), problems);
        Categories categories = dataset.categories();

        assertEquals(List.of("car", "traffic_line", "wheel", "plate", "s1", "1", "2", "3"),
                categories.labels().stream().map(Label::name).toList());
        assertEquals(List.of("", "", "", "", "", "s1", "s1", "s1"),
                categories.labels().stream().map(Label::parent).toList());
        // svg: node 1 - node 2, node 2 - node 3 (ids 1-based), listed 2-3 first
        assertEquals(Map.of(4, new SkeletonDef(List.of(5, 6, 7),
                List.of(new SkeletonDef.Edge(1, 2), new SkeletonDef.Edge(0, 1)))), categories.skeletons());

        assertEquals(List.of("annotations/filename000"), dataset.ids());
        Item item = dataset.item("filename000");
        assertEquals(new Media(null, 1600, 1200), item.media());
        assertEquals(Map.of("frame", 0L), item.attributes());
        List<Annotation> annotations = item.annotations();
        assertEquals(7, annotations.size(), "box, polygon, 2 polylines, points, skeleton, mask");

        Bbox plate = (Bbox) annotations.get(0);
        assertEquals("plate", dataset.labelOf(plate));
        assertArrayEquals(new double[] {797.33, 870.92, 168.19, 58.02},
                new double[] {plate.x(), plate.y(), plate.w(), plate.h()}, 1e-9);
        assertEquals(4, plate.info().zOrder());
        assertEquals(Map.of("occluded", false), plate.attributes());

        Polygon car = (Polygon) annotations.get(1);
        assertEquals("car", dataset.labelOf(car));
        assertEquals(69, car.size());
        assertEquals(561.30, car.x(0));
        assertEquals(916.23, car.y(0));
        assertEquals(560.20, car.x(68));
        assertEquals(1, car.info().zOrder());

        assertEquals(new Polyline(new AnnotationInfo(1, 0, 0, 3, Map.of("occluded", false), null),
                new double[] {462.10, 0, 126.80, 1200}), annotations.get(2));
        assertEquals(new Polyline(new AnnotationInfo(1, 0, 0, 2, Map.of("occluded", false), null),
                new double[] {1212.40, 0, 1568.66, 1200}), annotations.get(3));
        assertEquals(new Points(new AnnotationInfo(2, 0, 0, 5, Map.of("occluded", false), null),
                new double[] {574.90, 939.48, 1170.16, 907.90, 1130.69, 445.26, 600.16, 459.48}),
                annotations.get(4));

        Map<String, Object> manual = Map.of("source", "manual");
        assertEquals(new Skeleton(new AnnotationInfo(4, 0, 0, 0, Map.of("occluded", false, "source", "manual"),
                null), List.of(
                        new Points(new AnnotationInfo(5, 0, 0, 0, manual, null), new double[] {54.47, 94.81}),
                        new Points(new AnnotationInfo(6, 0, 0, 0, manual, null), new double[] {68.02, 162.34}),
                        new Points(new AnnotationInfo(7, 0, 0, 0, manual, null), new double[] {125.87, 62.85}))),
                annotations.get(5));

        Mask mask = (Mask) annotations.get(6);
        assertEquals("car", dataset.labelOf(mask));
        assertEquals(Map.of("occluded", false, "source", "manual"), mask.attributes());
        assertMaskIs(mask, 707, 888, 13, 15, new int[] {3, 5, 7, 7, 5, 9, 3, 11, 2, 11, 2, 12, 1, 12, 1, 26, 1,
                12, 1, 12, 2, 11, 3, 9, 5, 7, 7, 5, 3}, 1600, 1200);

        assertEquals(List.of("invalid item 'filename000' (subset 'annotations'), an annotation (tag): label"
                + " 'good_frame' of the <tag> at cvat_docs_annotation_example!/annotations.xml, line 91 is not declared"
                + " in the <meta> labels"), problems.matching("good_frame"), "an unknown label: on_problem decides");
    }

    /** The mask's pixels are the CVAT runs laid row by row in the box, and nothing else. */
    static void assertMaskIs(Mask mask, int left, int top, int width, int height, int[] runs, int imageWidth,
                             int imageHeight) {
        assertEquals(imageHeight, mask.rle().height());
        assertEquals(imageWidth, mask.rle().width());
        byte[] box = new byte[width * height];
        int position = 0;
        for (int i = 0; i < runs.length; i++) {
            for (int k = 0; k < runs[i]; k++) {
                box[position++] = (byte) (i % 2);
            }
        }
        assertEquals(width * height, position, "the runs cover the box");
        byte[] pixels = mask.rle().toBitmap();
        long expectedArea = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                assertEquals(box[y * width + x], pixels[(top + y) * imageWidth + left + x], "pixel " + x + "," + y);
                expectedArea += box[y * width + x];
            }
        }
        assertEquals(expectedArea, mask.rle().area(), "no pixel outside the box");
        assertTrue(expectedArea > 0);
    }

    @Test
    void docsExampleMaskIsARoundBlob() throws IOException {
        Datasets.Loaded dataset = Datasets.read(FORMAT, Corpus.source("cvat_images_1.1/cvat_docs_annotation_example"));
        Mask mask = (Mask) dataset.item("filename000").annotations().get(6);
        // row 0 of the box: 3 clear, 5 set; the widest row (7) is all 13 set
        byte[] pixels = mask.rle().toBitmap();
        assertEquals(0, pixels[888 * 1600 + 707 + 2]);
        assertEquals(1, pixels[888 * 1600 + 707 + 3]);
        assertEquals(1, pixels[888 * 1600 + 707 + 7]);
        assertEquals(0, pixels[888 * 1600 + 707 + 8]);
        for (int x = 0; x < 13; x++) {
            assertEquals(1, pixels[(888 + 7) * 1600 + 707 + x]);
        }
        assertArrayEquals(new double[] {707, 888, 13, 15}, mask.rle().bbox());
        assertNull(dataset.item("filename000").media().path(), "annotations only: no image");
    }
}

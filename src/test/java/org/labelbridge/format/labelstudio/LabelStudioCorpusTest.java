package org.labelbridge.format.labelstudio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.labelbridge.format.FormatException;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.Bbox;
import org.labelbridge.model.Caption;
import org.labelbridge.model.Item;
import org.labelbridge.model.Label;
import org.labelbridge.model.Points;
import org.labelbridge.model.Polygon;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.Datasets;
import org.labelbridge.testing.Datasets.Loaded;
import org.labelbridge.testing.RecordedProblems;

/**
 * The Label Studio samples of the corpus (label-studio-sdk's converter test data) and the
 * dataset each must give (MANIFEST.md): percentages of original_width/height in pixels, one item
 * per task, results of several annotators told apart by their {@code annotator} attribute.
 */
class LabelStudioCorpusTest {

    private static final String ROOT = "label_studio_json/";
    private static final double EPS = 1e-4;

    private final RecordedProblems problems = new RecordedProblems();

    private Loaded read(String sample) throws IOException {
        return Datasets.read(new LabelStudioFormat(), Corpus.source(ROOT + sample), problems);
    }

    @Test
    void cocoSampleGivesABoxAPolygonAndTwoKeypointsInPixels() throws IOException {
        Loaded d = read("sdk_export_coco");

        assertEquals(List.of("rectangle_label", "polygon_label", "keypoint_label1", "keypoint_label2"),
                d.categories().labels().stream().map(Label::name).toList());
        Item item = d.item("test_image1");
        assertEquals(500, item.media().width());
        assertEquals(320, item.media().height());
        assertEquals(Map.of("id", 175210175L), item.attributes());
        assertEquals(4, item.annotations().size());
        // label-studio-sdk's test_export_coco: bbox [159.70962, 13.16312, 31.76044, 31.77305] px
        Bbox box = assertInstanceOf(Bbox.class, item.annotations().get(0));
        assertEquals("rectangle_label", d.labelOf(box));
        assertArrayEquals(new double[] {159.70962, 13.16312, 31.76044, 31.77305, 0},
                new double[] {box.x(), box.y(), box.w(), box.h(), box.rotation()}, EPS);
        Polygon polygon = assertInstanceOf(Polygon.class, item.annotations().get(1));
        assertEquals("polygon_label", d.labelOf(polygon));
        assertArrayEquals(new double[] {208.7114, 11.3475, 207.8040, 39.0355, 226.8603, 39.9433}, polygon.points(),
                EPS);
        Points nose = assertInstanceOf(Points.class, item.annotations().get(2));
        assertEquals("keypoint_label1", d.labelOf(nose));
        assertArrayEquals(new double[] {112.9764, 101.6738}, nose.points(), EPS);
        assertArrayEquals(new double[] {88.9292, 91.2340}, item.annotations().get(3) instanceof Points p ? p.points()
                : null, EPS);
        // no completed_by in this export: no annotator to say
        assertTrue(item.annotations().stream().allMatch(a -> a.attributes().isEmpty() && a.info().group() == 0));
        assertEquals(List.of("item test_image1: its image 'test_image1.jpg' is not in the archive (no image of that"
                + " file name)"), problems.lines());
    }

    @Test
    void twoAnnotatorsOfOneTaskAreToldApartByTheAnnotatorAttribute() throws IOException {
        Loaded d = read("sdk_export_yolo");

        assertEquals(List.of("parasites", "white"), d.categories().labels().stream().map(Label::name).toList());
        assertEquals(List.of("image1", "image2"), ids(d));
        Item image1 = d.item("image1");
        assertEquals(List.of(2L, 2L, 1L, 1L), image1.annotations().stream()
                .map(a -> a.attributes().get("annotator")).toList());
        // label-studio-sdk's test_convert_annotation_to_yolo_format: annotation 1 (completed_by 2), parasites
        Bbox parasites = (Bbox) image1.annotations().get(0);
        assertArrayEquals(new double[] {0.39253187613843354, 0.7304189435336975, 0.04189435336976321,
                0.04735883424408015}, normalisedCentre(parasites, 2800, 2800), 1e-9);
        Bbox white = (Bbox) image1.annotations().get(1);
        assertArrayEquals(new double[] {0.5969531379367445, 0.6519291273389635, 0.03808577579069383,
                0.04636529226693169}, normalisedCentre(white, 2800, 2800), 1e-9);
        Bbox secondAnnotator = (Bbox) image1.annotations().get(2);
        assertArrayEquals(new double[] {0.39799635701275043, 0.7404371584699453, 0.03825136612021857,
                0.04553734061930784}, normalisedCentre(secondAnnotator, 2800, 2800), 1e-9);
        assertEquals(List.of(1L, 1L), d.item("image2").annotations().stream()
                .map(a -> a.attributes().get("annotator")).toList());
    }

    private static List<String> ids(Loaded d) {
        return d.items().stream().map(Item::id).toList();
    }

    private static double[] normalisedCentre(Bbox b, double width, double height) {
        return new double[] {(b.x() + b.w() / 2) / width, (b.y() + b.h() / 2) / height, b.w() / width,
                b.h() / height};
    }

    @Test
    void rotatedRectanglesTurnAroundTheirTopLeftCorner() throws IOException {
        Loaded d = read("sdk_export_yolo_obb");

        assertEquals(List.of("image1", "image2", "image3"), ids(d));
        assertEquals(List.of(23, 1, 1), d.items().stream().map(i -> i.annotations().size()).toList());
        // the config declares "butterfly", the results say "Butterfly" too: both kept, config first
        assertEquals(List.of("butterfly", "Butterfly"), d.categories().labels().stream().map(Label::name).toList());
        Item image1 = d.item("image1");
        assertEquals(597, image1.media().width());
        assertEquals(768, image1.media().height());
        // label-studio-sdk's test_convert_annotation_to_yolo_obb_format, result 2: TL, TR, BR, BL
        assertCorners(new double[] {0.32940009098188566, 0.7738909168266751, 0.4078648636432219, 0.7579911558782483,
                0.43217208011269465, 0.830475727539231, 0.35370730745135837, 0.8463754884876579},
                (Bbox) image1.annotations().get(1), 597, 768);
        assertCorners(new double[] {0.16814074232397513, 0.5743596079245723, 0.29990750552628187, 0.6721650332758418,
                0.24395249444460837, 0.7177171056620688, 0.11218573124230163, 0.6199116803107994},
                (Bbox) image1.annotations().get(2), 597, 768);
    }

    /** The model's box turned around its centre has the corners Label Studio's converter computes. */
    static void assertCorners(double[] expected, Bbox box, int width, int height) {
        double r = Math.toRadians(box.rotation());
        double cx = box.x() + box.w() / 2;
        double cy = box.y() + box.h() / 2;
        double[][] offsets = {{-1, -1}, {1, -1}, {1, 1}, {-1, 1}};
        double[] corners = new double[8];
        for (int i = 0; i < 4; i++) {
            double dx = offsets[i][0] * box.w() / 2;
            double dy = offsets[i][1] * box.h() / 2;
            corners[2 * i] = (cx + dx * Math.cos(r) - dy * Math.sin(r)) / width;
            corners[2 * i + 1] = (cy + dx * Math.sin(r) + dy * Math.cos(r)) / height;
        }
        assertArrayEquals(expected, corners, 1e-9);
    }

    @Test
    void polygonOfThirtySevenPoints() throws IOException {
        Loaded d = read("sdk_export_yolo_polygons");

        Item item = d.item("image2");
        assertEquals(640, item.media().width());
        assertEquals(426, item.media().height());
        Polygon airplane = assertInstanceOf(Polygon.class, item.annotations().get(0));
        assertEquals(1, item.annotations().size());
        assertEquals("Airplane", d.labelOf(airplane));
        assertEquals(37, airplane.size());
        assertEquals(384, airplane.x(0), EPS);
        assertEquals(19.55922865013774 / 100 * 426, airplane.y(0), EPS);
    }

    @Test
    void keypointsOfABoxShareItsGroupAndRelationsAreReported() throws IOException {
        Loaded d = read("sdk_export_yolo_keypoints");

        Item item = d.item("image1");
        assertEquals(216, item.media().width());
        assertEquals(174, item.media().height());
        assertEquals(List.of("points", "points", "points", "bbox"), item.annotations().stream()
                .map(a -> a.kind().id()).toList());
        assertEquals(List.of(1, 1, 1, 1), item.annotations().stream().map(a -> a.info().group()).toList());
        assertTrue(item.annotations().stream().allMatch(a -> "sergei@heartex.test".equals(a.attributes()
                .get("annotator"))));
        assertEquals(List.of("nose", "left_eye", "right_eye", "person"), item.annotations().stream()
                .map(d::labelOf).toList());
        // the project's label_config_keypoints.xml beside the export declares all 17 COCO keypoints
        assertEquals(18, d.categories().labels().size());
        assertEquals("right_ankle", d.categories().label(16).name());
        assertEquals(5, problems.matching("a relation between two regions is not kept").size());
    }

    @Test
    void uploadedImageIsNamedByItsFileName() throws IOException {
        Loaded d = read("sdk_export_json_min");

        assertEquals(List.of("Airplane", "Car"), d.categories().labels().stream().map(Label::name).toList());
        Item item = d.item("example");
        assertEquals(128, item.media().width());
        Polygon airplane = (Polygon) item.annotations().get(0);
        assertArrayEquals(new double[] {56.8889, 61.7651, 54.4508, 77.2063, 71.9238, 65.0159}, airplane.points(), EPS);
        assertEquals(1L, airplane.attributes().get("annotator"));
    }

    @Test
    void anExportWithoutImageTasksIsRefusedWithItsReason() {
        FormatException e = assertThrows(FormatException.class, () -> read("sdk_export_csv_choices"));
        assertEquals("csv_test2.json: none of its 1 Label Studio tasks has an image (data.image): labelbridge"
                + " converts image tasks", e.getMessage());
    }

    @Test
    void wholeImageTextIsACaptionAndACancelledAnnotationIsLeftOut() throws IOException {
        Loaded d = read("sdk_export_doclang_textarea");

        assertEquals(List.of("page-1", "page-2", "page-3"), ids(d));
        List<Annotation> page1 = d.item("page-1").annotations();
        assertEquals(1, page1.size());
        assertEquals("<doclang><section>Intro</section><page_break/><section>Body</section></doclang>",
                assertInstanceOf(Caption.class, page1.get(0)).text());
        assertEquals(List.of(), d.item("page-3").annotations());
        // no original_width/height and no image: the boxes cannot be placed (see the cross-format test with images)
        assertEquals(2, problems.matching("its coordinates are percentages of the image size").size());
        assertEquals(1, problems.matching("a cancelled (skipped) annotation is not kept").size());
    }
}

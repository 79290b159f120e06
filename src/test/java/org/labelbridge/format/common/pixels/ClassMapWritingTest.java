package org.labelbridge.format.common.pixels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.labelbridge.format.Problems;
import org.labelbridge.model.AnnotationInfo;
import org.labelbridge.model.AnnotationKind;
import org.labelbridge.model.Bbox;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Ellipse;
import org.labelbridge.model.Item;
import org.labelbridge.model.Label;
import org.labelbridge.model.Mask;
import org.labelbridge.model.Media;
import org.labelbridge.model.Polygon;
import org.labelbridge.model.Rgb;
import org.labelbridge.model.Tag;

/** The pieces class-map writers share: the background-first label table, shape painting and instance numbers. */
class ClassMapWritingTest {

    /** Problems as lines. */
    private static final class Lines implements Problems {
        final List<String> lines = new ArrayList<>();

        @Override
        public void dropped(String itemId, AnnotationKind kind, String reason) {
            lines.add("dropped " + kind.id() + ": " + reason);
        }

        @Override
        public void changed(String itemId, AnnotationKind kind, String reason) {
            lines.add("changed " + kind.id() + ": " + reason);
        }

        @Override
        public void item(String itemId, String message) {
            lines.add("item: " + message);
        }

        @Override
        public void dataset(String message) {
            lines.add("dataset: " + message);
        }
    }

    @Test
    void theFirstBlackLabelBecomesClassZero() {
        Categories categories = new Categories(List.of(Label.named("car"), Label.named("background"), Label.named("void")),
                List.of(), Map.of(), Map.of(0, new Rgb(1, 1, 1), 2, new Rgb(0, 0, 0)));
        BackgroundFirstLabels labels = new BackgroundFirstLabels(categories, true, "X", Problems.IGNORE);
        assertEquals(List.of("void", "car", "background"), labels.entries().stream().map(LabelColors.Entry::name).toList());
        assertEquals(List.of(1, 2, 0), List.of(labels.classOf(0), labels.classOf(1), labels.classOf(2)));
        assertEquals(List.of(new Rgb(0, 0, 0), new Rgb(1, 1, 1), VocPalette.colour(1)), labels.colours());
        assertEquals(false, labels.backgroundAdded());
    }

    @Test
    void aBackgroundIsAddedWhenNoneIsThereAndSharedColoursSplitOnlyWhereColoursAreTheData() {
        Categories categories = new Categories(List.of(Label.named("a"), Label.named("b")), List.of(), Map.of(),
                Map.of(0, new Rgb(5, 5, 5), 1, new Rgb(5, 5, 5)));
        Lines strict = new Lines();
        BackgroundFirstLabels distinct = new BackgroundFirstLabels(categories, true, "CamVid", strict);
        assertTrue(distinct.backgroundAdded());
        assertEquals(List.of(new Rgb(0, 0, 0), new Rgb(5, 5, 5), VocPalette.colour(1)), distinct.colours());
        assertEquals(List.of("dataset: label 'b' has the colour (5, 5, 5) of an earlier label: written in another colour,"
                + " as CamVid masks tell labels apart by colour"), strict.lines);

        Lines lenient = new Lines();
        BackgroundFirstLabels shared = new BackgroundFirstLabels(categories, false, "KITTI", lenient);
        assertEquals(List.of(new Rgb(0, 0, 0), new Rgb(5, 5, 5), new Rgb(5, 5, 5)), shared.colours());
        assertEquals(List.of(), lenient.lines);
    }

    @Test
    void instancesKeepTheirIdsWhereTheyFit() {
        int[] classes = {1, 1, 1, 2, 1, 1};
        long[] wanted = {5, 5, 0, 5, 1000, 2};
        assertArrayEquals(new int[] {5, 1, 3, 5, 4, 2}, InstanceNumbers.assign(classes, wanted, 999));
        assertArrayEquals(new int[] {1, 2, 0}, InstanceNumbers.assign(new int[] {7, 7, 7}, new long[] {0, 0, 0}, 2));
    }

    @Test
    void codedInstancesNumberInstancesAndShareOneRegionPerCrowdClass() {
        Categories categories = Categories.ofNames(List.of("a", "b"));
        List<org.labelbridge.model.Annotation> shapes = List.of(
                new Polygon(new AnnotationInfo(0, 2, 0, 0, Map.of(), null), new double[0]),
                new Polygon(new AnnotationInfo(0, 2, 0, 0, Map.of(), null), new double[0]),       // id taken
                new Polygon(new AnnotationInfo(0, 0, 0, 0, Map.of(), null), new double[0]),       // none left
                new Polygon(new AnnotationInfo(1, 7, 0, 0, Map.of("is_crowd", true), null), new double[0]),
                new Polygon(new AnnotationInfo(1, 0, 0, 0, Map.of("is_crowd", "true"), null), new double[0]));
        Lines problems = new Lines();
        CodedInstances.Layout layout = CodedInstances.lay("i", shapes, new int[] {1, 1, 1, 2, 2}, 2, 0xffff,
                (c, n) -> (long) c << 8 | n, "KITTI", categories, problems);
        assertArrayEquals(new int[] {1, 2, 3, 4, 4}, layout.regions());
        assertArrayEquals(new int[] {0, 1 << 8 | 2, 1 << 8 | 1, 1 << 8, 2 << 8}, layout.values());
        assertEquals(List.of(
                "changed polygon: id not kept: a crowd region has no instance id",
                "changed polygon: instance id renumbered: KITTI instance ids are 1..2 and unique within a label",
                "changed polygon: written as a crowd region without instance id: label 'a' has more than 2 instances",
                "changed polygon: merged with the other crowd 'b' shapes into one region: crowd regions have no instance id"),
                problems.lines);
    }

    @Test
    void theCanvasPaintsByZOrderAndReportsWhatItCannotPaint() {
        Item item = new Item("i", "default", new Media(null, 3, 2), List.of(
                new Polygon(new AnnotationInfo(0, 0, 0, 2, Map.of(), null), new double[] {0, 0, 2, 0, 2, 2, 0, 2}),
                new Bbox(AnnotationInfo.of(1), 0, 0, 3, 2),
                new Ellipse(AnnotationInfo.of(1), 10, 10, 1, 1, 0),
                new Mask(AnnotationInfo.of(1), org.labelbridge.model.Rle.fromBitmap(new byte[] {1}, 1, 1)),
                new Tag(AnnotationInfo.of(0))));
        Lines problems = new Lines();
        ShapeCanvas canvas = ShapeCanvas.of(item, item.annotations(), "Fmt", "class masks", problems);
        assertEquals(3, canvas.shapes().size());
        MaskCompositor.Compiled compiled = canvas.paint(new int[] {1, 2, 2}, new int[] {1, 2, 3});
        assertEquals(IndexImage.of(2, 3, 1, 1, 2, 1, 1, 2), compiled.classes());
        assertEquals(List.of(
                "dropped tag: Fmt holds masks, and shapes it can paint into them, only",
                "changed polygon: polygon rasterised to class masks",
                "changed bbox: bbox rasterised to class masks",
                "changed ellipse: ellipse rasterised to class masks",
                "dropped mask: mask is 1x1 but the image is 3x2",
                "changed bbox: 4 pixel(s) hidden under shapes above it (z-order) when masks were merged",
                "dropped ellipse: covers no pixel of the 3x2 image"), problems.lines);

        Lines unsized = new Lines();
        ShapeCanvas none = ShapeCanvas.of(item.withMedia(Media.NONE), List.of(item.annotations().get(0)), "Fmt", "x", unsized);
        assertTrue(none.isEmpty());
        assertEquals(List.of("dropped polygon: the image size is unknown, so the polygon cannot be painted into a mask"),
                unsized.lines);
    }
}

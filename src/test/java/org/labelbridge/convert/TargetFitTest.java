package org.labelbridge.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.labelbridge.format.Feature;
import org.labelbridge.format.FormatDescriptor;
import org.labelbridge.model.AnnotationInfo;
import org.labelbridge.model.AnnotationKind;
import org.labelbridge.model.Bbox;
import org.labelbridge.model.Ellipse;
import org.labelbridge.model.Item;
import org.labelbridge.model.Media;
import org.labelbridge.model.Polygon;
import org.labelbridge.model.Tag;
import org.labelbridge.model.Track;

class TargetFitTest {

    /** A target like YOLO: boxes only, subsets, nothing else. */
    private static final FormatDescriptor BOXES_ONLY = new FormatDescriptor("boxes", "Boxes 1.0", true, true,
            Set.of(AnnotationKind.BBOX), Set.of(Feature.SUBSETS), "");

    private static final AnnotationInfo RICH = new AnnotationInfo(0, 7, 3, 2, Map.of("occluded", true),
            new Track(5, true, false));

    private static Item item() {
        return new Item("a", "train", new Media("a.jpg", 10, 10), List.of(
                new Bbox(RICH, 1, 2, 3, 4),
                new Polygon(AnnotationInfo.of(1), new double[] {1, 1, 5, 1, 5, 6}),
                new Tag(AnnotationInfo.of(1))));
    }

    @Test
    void dropsWhatTheTargetCannotHoldAndSaysWhy() {
        ConversionReport report = new ConversionReport();
        Item fitted = new TargetFit(BOXES_ONLY, ConversionOptions.DEFAULTS, report).apply(item());

        assertEquals(List.of(new Bbox(AnnotationInfo.of(0).withId(7), 1, 2, 3, 4)), fitted.annotations());
        assertEquals("train", fitted.subset());
        Map<String, Long> reasons = reasons(report);
        assertEquals(Map.of(
                "dropped polygon: Boxes 1.0 cannot hold polygon (option shapes_to_boxes=true keeps it as its bounding box)", 1L,
                "dropped tag: Boxes 1.0 cannot hold tag", 1L,
                "changed bbox: attributes not kept: Boxes 1.0 has no annotation attributes", 1L,
                "changed bbox: track data (track id, keyframe, outside) not kept: Boxes 1.0 has no tracks", 1L,
                "changed bbox: group not kept: Boxes 1.0 has no groups", 1L,
                "changed bbox: z-order not kept: Boxes 1.0 has no z-order", 1L), reasons);
    }

    @Test
    void shapesToBoxesKeepsShapesAsTheirBoundingBoxes() {
        ConversionReport report = new ConversionReport();
        Item item = new Item("a", "train", Media.NONE, List.of(
                new Polygon(AnnotationInfo.of(1), new double[] {1, 1, 5, 1, 5, 6}),
                new Ellipse(AnnotationInfo.of(0), 10, 20, 4, 2, 90),
                new Bbox(AnnotationInfo.of(0), 0, 0, 4, 2, 90)));
        Item fitted = new TargetFit(BOXES_ONLY, ConversionOptions.DEFAULTS.with("shapes_to_boxes", true), report).apply(item);

        assertEquals(3, fitted.annotations().size());
        assertBox(new double[] {1, 1, 4, 5}, (Bbox) fitted.annotations().get(0));
        assertBox(new double[] {8, 16, 4, 8}, (Bbox) fitted.annotations().get(1)); // rotated 90 degrees: radii swap
        assertBox(new double[] {1, -1, 2, 4}, (Bbox) fitted.annotations().get(2));
        assertEquals(Map.of(
                "changed polygon: polygon converted to its bounding box (shapes_to_boxes)", 1L,
                "changed ellipse: ellipse converted to its bounding box (shapes_to_boxes)", 1L,
                "changed bbox: rotated box converted to its bounding box (shapes_to_boxes)", 1L), reasons(report));
    }

    @Test
    void aTargetWithoutSubsetsMergesThemOnceAndSaysSo() {
        FormatDescriptor flat = new FormatDescriptor("flat", "Flat 1.0", true, true,
                Set.of(AnnotationKind.BBOX), Set.of(), "");
        ConversionReport report = new ConversionReport();
        TargetFit fit = new TargetFit(flat, ConversionOptions.DEFAULTS, report);
        assertEquals(Item.DEFAULT_SUBSET, fit.apply(new Item("a", "train", Media.NONE, List.of())).subset());
        fit.apply(new Item("b", "train", Media.NONE, List.of()));
        assertEquals(Map.of("dataset dataset: subset 'train' merged into 'default': Flat 1.0 has no subsets", 1L),
                reasons(report));
        assertTrue(report.lossy());
    }

    private static void assertBox(double[] expected, Bbox box) {
        double[] actual = {box.x(), box.y(), box.w(), box.h()};
        for (int i = 0; i < 4; i++) {
            assertEquals(expected[i], actual[i], 1e-9, "coordinate " + i + " of " + box);
        }
        assertEquals(0, box.rotation());
    }

    private static Map<String, Long> reasons(ConversionReport report) {
        return report.entries().stream().collect(java.util.stream.Collectors.toMap(
                e -> e.action() + " " + e.kind() + ": " + e.reason(), ConversionReport.Entry::count));
    }

    @Test
    void cvatForImagesKeepsRotatedBoxes() throws Exception {
        ConversionReport report = new ConversionReport();
        Bbox rotated = new Bbox(AnnotationInfo.of(0), 1, 2, 3, 4, 30);
        Item item = new Item("r", "train", new Media("r.jpg", 10, 10), List.of(rotated));
        Item fitted = new TargetFit(org.labelbridge.format.Formats.require("cvat_images").descriptor(),
                ConversionOptions.DEFAULTS, report).apply(item);
        assertEquals(List.of(rotated), fitted.annotations(), report.entries().toString());
    }
}

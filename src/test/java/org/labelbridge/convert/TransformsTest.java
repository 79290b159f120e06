package org.labelbridge.convert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.labelbridge.format.common.pixels.Rasterizer;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.AnnotationInfo;
import org.labelbridge.model.AttributeDef;
import org.labelbridge.model.Bbox;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;
import org.labelbridge.model.Label;
import org.labelbridge.model.Mask;
import org.labelbridge.model.Media;
import org.labelbridge.model.Points;
import org.labelbridge.model.Polygon;
import org.labelbridge.model.Rgb;
import org.labelbridge.model.Rle;
import org.labelbridge.model.Skeleton;
import org.labelbridge.model.SkeletonDef;
import org.labelbridge.model.Tag;

/** The option transforms on small datasets: labels, subsets, shapes; checked on content and report. */
class TransformsTest {

    private final ConversionReport report = new ConversionReport();

    // --- labels -------------------------------------------------------------------------------

    private static final Categories VEHICLES = new Categories(List.of(
            new Label("car", "", List.of(AttributeDef.named("parked"))),
            new Label("truck", "", List.of(AttributeDef.named("axles"))),
            Label.named("person"),
            Label.named("bike")), List.of(), Map.of(), Map.of(0, new Rgb(1, 2, 3), 1, new Rgb(4, 5, 6)));

    private static Item street() {
        return new Item("street", "train", new Media("street.jpg", 100, 50), List.of(
                new Bbox(AnnotationInfo.of(0), 1, 1, 10, 5),
                new Bbox(AnnotationInfo.of(1), 20, 1, 10, 5),
                new Bbox(AnnotationInfo.of(2), 40, 1, 2, 8),
                new Tag(AnnotationInfo.of(3)),
                new Tag(AnnotationInfo.EMPTY)));
    }

    @Test
    void labelMapRenamesMergesAndDrops() {
        LabelMapping mapping = new LabelMapping(options(Map.of("label_map", map("car", "vehicle", "truck", "vehicle",
                "person", null, "tram", "vehicle"))), report);

        Categories categories = mapping.begin(VEHICLES);
        Item item = mapping.apply(street());

        assertEquals(List.of("vehicle", "bike"), names(categories));
        assertEquals(List.of("parked", "axles"), categories.label(0).attributes().stream().map(AttributeDef::name).toList(),
                "a merged label has the attributes of both");
        assertEquals(Map.of(0, new Rgb(1, 2, 3)), categories.colors(), "the first merged label's colour leads");
        assertEquals(List.of("bbox vehicle", "bbox vehicle", "tag bike", "tag null"), described(item, categories));
        assertEquals(Map.of(
                "dropped bbox: label 'person' dropped by option label_map", 1L,
                "dataset dataset: labels 'car', 'truck' merged into 'vehicle' (option label_map)", 1L,
                "dataset dataset: option label_map names 'tram', which is not a label of this dataset", 1L), reasons());
    }

    @Test
    void labelsOrderTheTargetDropUnlistedAndAddMissing() {
        LabelMapping mapping = new LabelMapping(options(Map.of("label_map", Map.of("car", "vehicle"),
                "labels", List.of("bike", "vehicle", "bus"))), report);

        Categories categories = mapping.begin(VEHICLES);
        Item item = mapping.apply(street());

        assertEquals(List.of("bike", "vehicle", "bus"), names(categories));
        assertEquals(List.of("bbox vehicle", "tag bike", "tag null"), described(item, categories));
        assertEquals(1, item.annotations().get(0).label(), "vehicle is the second of the list");
        assertEquals(0, item.annotations().get(1).label(), "bike the first");
        // One reason, grouped whatever the label; the example places name each.
        assertEquals(Map.of("dropped bbox: label 'truck' is not in option labels", 2L), reasons());
        assertEquals(List.of("street"),
                report.entries().get(0).examples().subList(0, 1));
    }

    @Test
    void skeletonNodesFollowTheirSkeleton() {
        Categories pose = new Categories(List.of(Label.named("person"), new Label("nose", "person", List.of()),
                new Label("eye", "person", List.of()), Label.named("ball")), List.of(),
                Map.of(0, new SkeletonDef(List.of(1, 2), List.of(new SkeletonDef.Edge(0, 1)))), Map.of());
        Item item = new Item("p", "default", Media.NONE, List.of(new Skeleton(AnnotationInfo.of(0), List.of(
                new Points(AnnotationInfo.of(1), new double[] {1, 2}), new Points(AnnotationInfo.of(2), new double[] {3, 4})))));

        LabelMapping mapping = new LabelMapping(options(Map.of("label_map", Map.of("person", "human"),
                "labels", List.of("ball", "human"))), report);
        Categories categories = mapping.begin(pose);
        Skeleton skeleton = (Skeleton) mapping.apply(item).annotations().get(0);

        assertEquals(List.of("ball", "human", "nose", "eye"), names(categories));
        assertEquals(List.of("", "", "human", "human"), categories.labels().stream().map(Label::parent).toList());
        assertEquals(Map.of(1, new SkeletonDef(List.of(2, 3), List.of(new SkeletonDef.Edge(0, 1)))), categories.skeletons());
        assertEquals(1, skeleton.label());
        assertEquals(List.of(2, 3), skeleton.nodes().stream().map(Points::label).toList());

        IllegalArgumentException dropNode = assertThrows(IllegalArgumentException.class, () -> new LabelMapping(
                options(Map.of("label_map", map("nose", null))), new ConversionReport()).begin(pose));
        assertEquals("option label_map drops 'nose', a node of the skeleton 'person'; drop the whole skeleton label"
                + " or keep its nodes", dropNode.getMessage());
    }

    // --- subsets ------------------------------------------------------------------------------

    @Test
    void subsetMapRenamesMergesAndDropsItems() {
        SubsetMapping mapping = new SubsetMapping(options(Map.of("subset_map", map("val", "valid", "test", null,
                "holdout", "valid"))), report);

        assertEquals("valid", mapping.apply(item("a", "val")).subset());
        assertEquals("train", mapping.apply(item("b", "train")).subset());
        assertNull(mapping.apply(item("c", "test")));
        assertEquals("valid", mapping.apply(item("a", "holdout")).subset());
        mapping.finish();

        assertEquals(Map.of(
                "dropped item: subset 'test' dropped by option subset_map", 1L,
                "item item: two items with this id are now both in subset 'valid' (options subset_map/split merged"
                        + " their subsets); the target may keep only one", 1L), reasons());
    }

    @Test
    void splitIsAHashOfTheIdAndTheSeed() {
        // Values from the formula in HashSplit's doc, computed with Python's hashlib:
        // seed 42: "a" draws 0.5901..., "b" 0.7720...
        assertEquals(0.5901377484090605, HashSplit.draw(42, "a"), 1e-15);
        assertEquals(0.7720248972375351, HashSplit.draw(42, "b"), 1e-15);
        // Shares in name order, whatever the order given: test [0, 0.6), train [0.6, 1).
        SubsetMapping split = new SubsetMapping(options(Map.of("split", map("train", 0.4, "test", 0.6),
                "split_seed", 42)), report);
        assertEquals("test", split.apply(item("a", "train")).subset());
        assertEquals("train", split.apply(item("b", "val")).subset());

        // 1000 items at 80/20 with seed 0: 788 to train (Python gives the same count).
        SubsetMapping eighty = new SubsetMapping(options(Map.of("split", map("train", 0.8, "val", 0.2))), report);
        Map<String, Integer> counts = new HashMap<>();
        List<String> first = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            String subset = eighty.apply(item(String.format("img_%04d", i), "default")).subset();
            counts.merge(subset, 1, Integer::sum);
            if (i < 10) {
                first.add(subset);
            }
        }
        assertEquals(Map.of("train", 788, "val", 212), counts);
        assertEquals(List.of("train", "train", "train", "val", "train", "train", "train", "train", "val", "train"), first);
    }

    // --- shapes -------------------------------------------------------------------------------

    @Test
    void boxesBecomeThePolygonsOfTheirCorners() {
        ShapeConversion shapes = new ShapeConversion(options(Map.of("boxes_to_polygons", true)), report);
        Item item = shapes.apply(new Item("a", "default", Media.NONE, List.of(
                new Bbox(AnnotationInfo.of(0).withId(9), 1, 2, 3, 4),
                new Bbox(AnnotationInfo.of(0), 0, 0, 4, 2, 90))));

        Polygon plain = (Polygon) item.annotations().get(0);
        assertArrayEquals(new double[] {1, 2, 4, 2, 4, 6, 1, 6}, plain.points());
        assertEquals(9, plain.info().id(), "the annotation keeps its id, label and the rest");
        // [0,0,4,2] turned 90 degrees clockwise about (2,1): a 2x4 box from (1,-1), corners clockwise.
        assertArrayEquals(new double[] {3, -1, 3, 3, 1, 3, 1, -1}, ((Polygon) item.annotations().get(1)).points(), 1e-12);
        assertEquals(Map.of("changed bbox: box converted to the polygon of its corners (boxes_to_polygons)", 2L), reasons());
    }

    @Test
    void masksBecomePolygonsAlongTheirPixelEdgesOnePerPart() {
        // 6 wide, 4 high: a 2x2 square at (0,0) and a 3x3 ring with a hole at (3,1)..(5,3).
        byte[] bitmap = new byte[4 * 6];
        for (int[] p : new int[][] {{0, 0}, {1, 0}, {0, 1}, {1, 1}, {3, 1}, {4, 1}, {5, 1}, {3, 2}, {5, 2}, {3, 3}, {4, 3}, {5, 3}}) {
            bitmap[p[1] * 6 + p[0]] = 1;
        }
        Rle rle = Rle.fromBitmap(bitmap, 4, 6);
        ShapeConversion shapes = new ShapeConversion(options(Map.of("masks_to_polygons", true)), report);
        Item item = shapes.apply(new Item("m", "default", new Media("m.png", 6, 4), List.of(
                new Bbox(new AnnotationInfo(0, 0, 3, 0, Map.of(), null), 0, 0, 1, 1),
                new Mask(AnnotationInfo.of(1), rle))));

        List<Polygon> polygons = item.annotations().stream().filter(a -> a instanceof Polygon).map(a -> (Polygon) a).toList();
        assertEquals(2, polygons.size());
        assertEquals(List.of(4, 4), polygons.stream().map(p -> p.info().group()).toList(),
                "the parts of one mask share a new group, after the item's highest");
        assertEquals(List.of(1, 1), polygons.stream().map(Polygon::label).toList());
        // Each outer ring covers its part with the hole filled.
        assertEquals(4, Rasterizer.rle(Rasterizer.polygon(polygons.get(0).points()), 4, 6).area());
        assertEquals(9, Rasterizer.rle(Rasterizer.polygon(polygons.get(1).points()), 4, 6).area());
        assertEquals(Map.of(
                "changed mask: mask converted to polygons along its pixel edges (masks_to_polygons)", 1L,
                "changed mask: mask holes filled: a polygon has no holes (masks_to_polygons)", 1L), reasons());
    }

    @Test
    void polygonsBecomeMasksOfThePixelsTheyCover() {
        ShapeConversion shapes = new ShapeConversion(options(Map.of("polygons_to_masks", true)), report);
        Item item = shapes.apply(new Item("b", "val", new Media("b.jpg", 5, 10), List.of(
                new Polygon(AnnotationInfo.of(0), new double[] {0, 0, 1, 0, 1, 2, 0, 2}),
                new Polygon(AnnotationInfo.of(0), new double[] {3, 3, 3.1, 3, 3.1, 3.1}))));
        Item sizeless = shapes.apply(new Item("c", "val", Media.NONE, List.of(
                new Polygon(AnnotationInfo.of(0), new double[] {0, 0, 1, 0, 1, 2}))));

        assertEquals(1, item.annotations().size());
        Rle mask = ((Mask) item.annotations().get(0)).rle();
        assertEquals(10, mask.height());
        assertEquals(5, mask.width());
        byte[] expected = new byte[50];
        expected[0] = 1; // (0,0)
        expected[5] = 1; // (0,1)
        assertArrayEquals(expected, mask.toBitmap());
        assertTrue(sizeless.annotations().get(0) instanceof Polygon);
        assertEquals(Map.of(
                "changed polygon: polygon converted to a mask of the pixels it covers (polygons_to_masks)", 1L,
                "dropped polygon: polygon covers no pixel (polygons_to_masks)", 1L,
                "item item: polygons kept as polygons: the image size is unknown, so no mask can be made"
                        + " (polygons_to_masks)", 1L), reasons());
    }

    // --- helpers ------------------------------------------------------------------------------

    private static ConversionOptions options(Map<String, ?> values) {
        return ConversionOptions.fromMap(values);
    }

    /** A map that may hold null values, in the order given. */
    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static Item item(String id, String subset) {
        return new Item(id, subset, Media.NONE, List.of());
    }

    private static List<String> names(Categories categories) {
        return categories.labels().stream().map(Label::name).toList();
    }

    private static List<String> described(Item item, Categories categories) {
        List<String> out = new ArrayList<>();
        for (Annotation a : item.annotations()) {
            out.add(a.kind().id() + " " + categories.nameOf(a.label()));
        }
        return out;
    }

    private Map<String, Long> reasons() {
        return report.entries().stream().collect(Collectors.toMap(
                e -> e.action() + " " + e.kind() + ": " + e.reason(), ConversionReport.Entry::count));
    }
}

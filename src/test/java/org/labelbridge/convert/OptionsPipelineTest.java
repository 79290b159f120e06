package org.labelbridge.convert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.archive.InputArchive;
import org.labelbridge.format.Formats;
import org.labelbridge.format.common.pixels.Rasterizer;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.Item;
import org.labelbridge.model.Label;
import org.labelbridge.model.Mask;
import org.labelbridge.model.Polygon;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.Datasets;
import org.labelbridge.testing.Zips;

/**
 * The options through whole conversions of the corpus' {@code coco_instances}: item {@code a}
 * (train, 10x5) has box {@code b [2,2,3,1]}; item {@code b} (val, 5x10) has polygon {@code a
 * [0,0,1,0,1,2,0,2]} and a crowd mask {@code b} (its two left columns). Labels a, b, c.
 */
class OptionsPipelineTest {

    private static final Path SAMPLE = Corpus.path("coco_1.0/coco_instances");

    @TempDir
    Path tmp;

    @Test
    void labelsAndSubsetsReachTheYoloFiles() throws IOException {
        Map<String, Object> labelMap = new LinkedHashMap<>();
        labelMap.put("a", "animal");
        labelMap.put("c", null);
        ConversionResult result = convert("yolo", Map.of("label_map", labelMap, "labels", List.of("b", "animal"),
                "subset_map", Map.of("val", "valid"), "shapes_to_boxes", true), "yolo.zip");

        Path zip = tmp.resolve("yolo.zip");
        assertEquals("b\nanimal\n", Zips.text(zip, "obj.names"));
        // box b [2,2,3,1] in 10x5: class 0 now.
        assertEquals("0 0.35 0.5 0.3 0.2\n", Zips.text(zip, "obj_train_data/a.txt"));
        // In the valid subset: mask b -> box [0,0,2,10] (class 0); polygon a -> animal [0,0,1,2] (class 1).
        assertEquals(List.of("0 0.2 0.5 0.4 1", "1 0.1 0.1 0.2 0.2"), sortedLines(Zips.text(zip, "obj_valid_data/b.txt")));
        assertTrue(Zips.text(zip, "valid.txt").contains("obj_valid_data/b.jpg"), Zips.text(zip, "valid.txt"));
        assertEquals(Map.of("train", 1L, "valid", 1L), result.report().subsetsOut());
        Map<String, Object> options = result.toMap();
        assertEquals(List.of("b", "animal"), ((Map<?, ?>) options.get("options")).get("labels"));
    }

    @Test
    void masksToPolygonsGivesPolygonsThatCoverTheMask() throws IOException {
        // Into Datumaro, which keeps polygons whatever their is_crowd (COCO would turn a crowd back into RLE).
        convert("datumaro", Map.of("masks_to_polygons", true), "dm-polygons.zip");

        Datasets.Loaded dm = read("datumaro", tmp.resolve("dm-polygons.zip"));
        Item b = dm.item("val", "b");
        List<Polygon> polygons = b.annotations().stream().filter(a -> a instanceof Polygon).map(a -> (Polygon) a).toList();
        assertEquals(2, polygons.size(), b.annotations().toString());
        assertTrue(b.annotations().stream().noneMatch(a -> a instanceof Mask));
        Polygon fromMask = polygons.stream().filter(p -> "b".equals(dm.labelOf(p))).findFirst().orElseThrow();
        byte[] twoLeftColumns = new byte[50];
        for (int y = 0; y < 10; y++) {
            twoLeftColumns[y * 5] = 1;
            twoLeftColumns[y * 5 + 1] = 1;
        }
        assertArrayEquals(twoLeftColumns, Rasterizer.bitmap(Rasterizer.polygon(fromMask.points()), 10, 5));
    }

    @Test
    void polygonsToMasksAndBoxesToPolygonsReachDatumaro() throws IOException {
        convert("datumaro", Map.of("polygons_to_masks", true, "boxes_to_polygons", true), "dm.zip");

        Datasets.Loaded dm = read("datumaro", tmp.resolve("dm.zip"));
        Polygon box = (Polygon) dm.item("train", "a").annotations().get(0);
        assertEquals("b", dm.labelOf(box));
        assertArrayEquals(new double[] {2, 2, 5, 2, 5, 3, 2, 3}, box.points());
        List<String> kinds = new ArrayList<>();
        for (Annotation a : dm.item("val", "b").annotations()) {
            kinds.add(a.kind().id() + " " + dm.labelOf(a) + " " + ((Mask) a).rle().area());
        }
        assertEquals(List.of("mask a 2", "mask b 20"), kinds, "polygon a covers pixels (0,0) and (0,1)");
    }

    @Test
    void splitMovesItemsByTheHashOfTheirIdsAndSubsetMapDropsOne() throws IOException {
        // seed 42: "a" draws 0.590, "b" 0.772 (see TransformsTest); in name order test takes [0, 0.6).
        convert("datumaro", Map.of("split", Map.of("train", 0.4, "test", 0.6), "split_seed", 42), "split.zip");
        Datasets.Loaded split = read("datumaro", tmp.resolve("split.zip"));
        assertEquals(List.of("test/a", "train/b"), split.items().stream().map(i -> i.subset() + "/" + i.id()).sorted().toList());

        Map<String, Object> dropVal = new LinkedHashMap<>();
        dropVal.put("val", null);
        ConversionResult dropped = convert("datumaro", Map.of("subset_map", dropVal, "labels",
                Map.of("c", 0, "b", 1, "a", 2)), "dropped.zip");
        Datasets.Loaded kept = read("datumaro", tmp.resolve("dropped.zip"));
        assertEquals(List.of("train/a"), kept.items().stream().map(i -> i.subset() + "/" + i.id()).toList());
        assertEquals(List.of("c", "b", "a"), kept.categories().labels().stream().map(Label::name).toList());
        assertEquals("b", kept.labelOf(kept.item("train", "a").annotations().get(0)));
        assertEquals(2, dropped.report().itemsIn());
        assertEquals(1, dropped.report().itemsOut());
        assertEquals(1, dropped.report().droppedItems());
        assertEquals(1, dropped.report().totalOut(), "the dropped item's annotations are not written");
    }

    // --- helpers ------------------------------------------------------------------------------

    private ConversionResult convert(String to, Map<String, ?> options, String output) throws IOException {
        return Converter.convert(new ConversionRequest(SAMPLE, "coco", to, ConversionOptions.fromMap(options),
                tmp.resolve(output)));
    }

    private static Datasets.Loaded read(String format, Path path) throws IOException {
        try (InputArchive archive = InputArchive.open(path)) {
            return Datasets.read(Formats.require(format), archive.source());
        }
    }

    private static List<String> sortedLines(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty())
                .map(l -> l.replaceAll("(\\.\\d*?)0+( |$)", "$1$2").replaceAll("\\.( |$)", "$1")).sorted().toList();
    }
}

package org.labelbridge.convert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.archive.InputArchive;
import org.labelbridge.format.Formats;
import org.labelbridge.format.common.pixels.Rasterizer;
import org.labelbridge.model.Polygon;
import org.labelbridge.model.Rle;
import org.labelbridge.testing.Datasets;

/**
 * masks_to_polygons through the pipeline, COCO crowd RLE to Datumaro: the traced outline
 * keeps only its corners and rasterises back to exactly the mask; polygon_tolerance simplifies
 * it, and the report says so.
 */
class MaskTracingTest {

    private static final int SIZE = 40;

    @TempDir
    Path tmp;

    @Test
    void exactOutlineRasterisesBackToTheMask() throws IOException {
        byte[] disc = disc();
        ConversionResult result = convert(Map.of("masks_to_polygons", true), "exact");
        Polygon polygon = onlyPolygon("exact");
        assertArrayEquals(disc, Rasterizer.bitmap(Rasterizer.polygon(polygon.points()), SIZE, SIZE));
        double[] p = polygon.points();
        int n = p.length / 2;
        for (int i = 0; i < n; i++) { // no point on a straight edge: each turns
            int a = (i + n - 1) % n, b = (i + 1) % n;
            double cross = (p[2 * i] - p[2 * a]) * (p[2 * b + 1] - p[2 * i + 1])
                    - (p[2 * i + 1] - p[2 * a + 1]) * (p[2 * b] - p[2 * i]);
            assertTrue(cross != 0, "vertex " + i + " lies on a straight edge");
        }
        assertFalse(result.toMap().toString().contains("traced outline simplified"));
    }

    @Test
    void toleranceSimplifiesTheOutlineAndIsReported() throws IOException {
        int exact = onlyPolygonAfter(Map.of("masks_to_polygons", true), "exact").points().length;
        ConversionResult result = convert(Map.of("masks_to_polygons", true, "polygon_tolerance", 1.0), "simple");
        Polygon simple = onlyPolygon("simple");
        assertTrue(simple.points().length < exact / 2, simple.points().length + " of " + exact + " coordinates");
        byte[] disc = disc();
        byte[] painted = Rasterizer.bitmap(Rasterizer.polygon(simple.points()), SIZE, SIZE);
        int differ = 0;
        for (int i = 0; i < disc.length; i++) {
            differ += disc[i] != painted[i] ? 1 : 0;
        }
        assertTrue(differ > 0 && differ < 60, differ + " pixels differ");
        assertTrue(result.toMap().toString().contains("traced outline simplified within 1.0 px"),
                result.toMap().toString());
    }

    private Polygon onlyPolygonAfter(Map<String, ?> options, String name) throws IOException {
        convert(options, name);
        return onlyPolygon(name);
    }

    private Polygon onlyPolygon(String name) throws IOException {
        try (InputArchive archive = InputArchive.open(tmp.resolve(name + ".zip"))) {
            Datasets.Loaded dm = Datasets.read(Formats.require("datumaro"), archive.source());
            List<Polygon> polygons = dm.items().get(0).annotations().stream().filter(a -> a instanceof Polygon)
                    .map(a -> (Polygon) a).toList();
            assertEquals(1, polygons.size());
            return polygons.get(0);
        }
    }

    private ConversionResult convert(Map<String, ?> options, String name) throws IOException {
        Path coco = tmp.resolve("coco");
        Files.createDirectories(coco.resolve("annotations"));
        Rle rle = Rle.fromBitmap(disc(), SIZE, SIZE);
        String counts = Arrays.stream(rle.counts()).mapToObj(Integer::toString).collect(Collectors.joining(","));
        Files.writeString(coco.resolve("annotations/instances_default.json"), """
                {"images": [{"id": 1, "file_name": "a.jpg", "width": %d, "height": %d}],
                 "categories": [{"id": 1, "name": "blob"}],
                 "annotations": [{"id": 1, "image_id": 1, "category_id": 1, "iscrowd": 1, "area": %d,
                   "bbox": [0, 0, %d, %d], "segmentation": {"size": [%d, %d], "counts": [%s]}}]}
                """.formatted(SIZE, SIZE, rle.area(), SIZE, SIZE, SIZE, SIZE, counts));
        return Converter.convert(new ConversionRequest(coco, "coco", "datumaro", ConversionOptions.fromMap(options),
                tmp.resolve(name + ".zip")));
    }

    /** A disc of radius 15: an outline of many pixel steps. */
    private static byte[] disc() {
        byte[] bitmap = new byte[SIZE * SIZE];
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                double dx = x + 0.5 - 20, dy = y + 0.5 - 19;
                bitmap[y * SIZE + x] = (byte) (dx * dx + dy * dy <= 225 ? 1 : 0);
            }
        }
        return bitmap;
    }
}

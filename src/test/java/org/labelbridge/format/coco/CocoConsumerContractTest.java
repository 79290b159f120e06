package org.labelbridge.format.coco;

import static org.labelbridge.format.coco.CocoJsonFields.array;
import static org.labelbridge.format.coco.CocoJsonFields.integer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.labelbridge.convert.ConversionOptions;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.CorpusMatrix;
import org.labelbridge.testing.Datasets;
import org.labelbridge.testing.CorpusMatrix.Outcome;

/**
 * What COCO 1.0's consumers read, checked on the output of every corpus sample: pycocotools'
 * {@code COCO} index, {@code annToRLE}/{@code annToMask} ({@code frPyObjects}, {@code rleFrString})
 * and the area and box {@code loadRes} derives from a segmentation; CVAT's importer (Datumaro's
 * {@code coco_format/extractor.py}). The RLE is decoded here as pycocotools' {@code maskApi.c}
 * decodes it, not with our reader. See the package documentation.
 */
class CocoConsumerContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    @ParameterizedTest
    @MethodSource("org.labelbridge.testing.CorpusMatrix#samples")
    void everyOutputReadsAsPycocotoolsAndCvatRead(String sample) throws IOException {
        Outcome outcome = CorpusMatrix.forContract(sample, "coco", work);
        List<Path> files;
        try (Stream<Path> list = Files.list(outcome.output().resolve("annotations"))) {
            files = list.sorted().toList();
        }
        assertFalse(files.isEmpty(), outcome + ": no annotation file");
        for (Path file : files) {
            String name = file.getFileName().toString();
            assertTrue(name.startsWith("instances_") && name.endsWith(".json"), outcome + ": " + name);
            checkFile(outcome + " " + name, JSON.readTree(file.toFile()));
        }
    }

    /**
     * ICDAR text boxes have no label: Datumaro would write them with category_id 0, which no
     * category declares (pycocotools' {@code loadCats} and detectron2's category map fail on it).
     * They are dropped, and the report says so.
     */
    @Test
    void everyAnnotationsCategoryIdIsACategory() throws IOException {
        Datasets.Converted coco = Datasets.convert(Corpus.path("icdar/icdar_text_localization"), "auto", "coco",
                work.resolve("coco"), ConversionOptions.DEFAULTS);

        JsonNode file = JSON.readTree(work.resolve("coco/annotations/instances_train.json").toFile());
        checkFile("instances_train.json", file);
        assertEquals(0, file.get("annotations").size());
        assertTrue(coco.count("COCO 1.0 needs a label on every annotation") > 0, coco.report().toString());
        assertEquals(0, coco.report().annotationsOut().values().stream().mapToLong(Long::longValue).sum());
    }

    /** One instances file, as {@code COCO.createIndex} and {@code annToRLE} take it. */
    static void checkFile(String where, JsonNode root) {
        Set<Long> categories = new HashSet<>();
        Set<List<String>> names = new HashSet<>();
        for (JsonNode category : array(where, root, "categories")) {
            String at = where + " category " + category;
            long id = integer(at, category, "id");
            assertTrue(id > 0, at + ": category id 0 is no label to Datumaro");
            assertTrue(categories.add(id), at + ": category ids repeat (COCO.cats keeps the last)");
            assertTrue(category.path("name").isTextual(), at + ": name");
            assertTrue(names.add(List.of(category.path("supercategory").asText(""), category.path("name").asText())),
                    at + ": a name repeats under one supercategory (Label ... already exists)");
        }
        Map<Long, long[]> sizes = new HashMap<>();
        for (JsonNode image : array(where, root, "images")) {
            String at = where + " image " + image.path("id");
            long id = integer(at, image, "id");
            assertTrue(image.path("file_name").isTextual(), at + ": file_name");
            long[] size = {integer(at, image, "height"), integer(at, image, "width")};
            assertTrue(sizes.put(id, size) == null, at + ": image ids repeat (COCO.imgs keeps the last)");
        }
        Set<Long> ids = new HashSet<>();
        for (JsonNode annotation : array(where, root, "annotations")) {
            String at = where + " annotation " + annotation.path("id");
            assertTrue(ids.add(integer(at, annotation, "id")), at + ": annotation ids repeat");
            long[] size = sizes.get(integer(at, annotation, "image_id"));
            assertTrue(size != null, at + ": image_id is no image");
            assertTrue(categories.contains(integer(at, annotation, "category_id")), at + ": category_id is no category");
            long crowd = integer(at, annotation, "iscrowd");
            JsonNode segmentation = annotation.get("segmentation");
            JsonNode bbox = annotation.get("bbox");
            assertTrue(bbox != null && bbox.isArray() && bbox.size() == 4, at + ": bbox [x, y, w, h]");
            assertTrue(annotation.path("area").isNumber(), at + ": area");
            double area = annotation.get("area").asDouble();
            double[] box = {bbox.get(0).asDouble(), bbox.get(1).asDouble(), bbox.get(2).asDouble(),
                    bbox.get(3).asDouble()};
            assertTrue(box[2] >= 0 && box[3] >= 0, at + ": bbox width and height");
            assertTrue(segmentation != null, at + ": segmentation");
            if (crowd == 1) {
                assertTrue(segmentation.isObject(), at + ": iscrowd 1 carries RLE, not " + segmentation);
                checkRle(at, segmentation, size, area, box);
            } else {
                assertEquals(0, crowd, at + ": iscrowd is 0 or 1");
                assertTrue(segmentation.isArray(), at + ": iscrowd 0 carries polygons, not " + segmentation);
                checkPolygons(at, segmentation, area, box);
            }
        }
    }

    /**
     * Counts as pycocotools takes them: a list of run lengths (frUncompressedRLE) or the
     * compressed string (rleFrString); runs cover {@code size} = [h, w] column by column; area is
     * the pixels set (maskUtils.area), bbox their frame (maskUtils.toBbox).
     */
    private static void checkRle(String at, JsonNode rle, long[] imageSize, double area, double[] box) {
        JsonNode size = rle.get("size");
        assertTrue(size != null && size.isArray() && size.size() == 2, at + ": RLE size [h, w]");
        long h = size.get(0).asLong();
        long w = size.get(1).asLong();
        assertEquals(imageSize[0], h, at + ": RLE height is its image's (annToRLE decodes at the image's size)");
        assertEquals(imageSize[1], w, at + ": RLE width is its image's");
        JsonNode counts = rle.get("counts");
        List<Long> runs = new ArrayList<>();
        if (counts != null && counts.isTextual()) {
            runs = compressedRuns(counts.asText());
        } else {
            assertTrue(counts != null && counts.isArray(), at + ": counts is a string or a list");
            for (JsonNode run : counts) {
                assertTrue(run.isIntegralNumber() && run.asLong() >= 0, at + ": a run is a count: " + run);
                runs.add(run.asLong());
            }
        }
        long total = 0;
        long set = 0;
        long xs = w;
        long ys = h;
        long xe = -1;
        long ye = -1;
        for (int j = 0; j < runs.size(); j++) {
            long run = runs.get(j);
            assertTrue(run >= 0, at + ": a negative run");
            if (j % 2 == 1 && run > 0) {
                set += run;
                long first = total;
                long last = total + run - 1;
                long x0 = first / h;
                long x1 = last / h;
                xs = Math.min(xs, x0);
                xe = Math.max(xe, x1);
                if (x0 == x1) {
                    ys = Math.min(ys, first % h);
                    ye = Math.max(ye, last % h);
                } else {
                    ys = 0;
                    ye = h - 1;
                }
            }
            total += run;
        }
        assertEquals(h * w, total, at + ": runs cover h x w pixels");
        assertEquals(set, area, 1e-6, at + ": area is the mask's pixels");
        double[] expected = set == 0 ? new double[4] : new double[] {xs, ys, xe - xs + 1, ye - ys + 1};
        for (int k = 0; k < 4; k++) {
            assertEquals(expected[k], box[k], 1e-6, at + ": bbox is toBbox of the mask");
        }
    }

    /** pycocotools' rleFrString: 6-bit groups, each run after the second a difference. */
    private static List<Long> compressedRuns(String s) {
        List<Long> runs = new ArrayList<>();
        int p = 0;
        while (p < s.length()) {
            long x = 0;
            int k = 0;
            boolean more = true;
            while (more) {
                long c = s.charAt(p) - 48;
                x |= (c & 0x1f) << (5 * k);
                more = (c & 0x20) != 0;
                p++;
                k++;
                if (!more && (c & 0x10) != 0) {
                    x |= -1L << (5 * k);
                }
            }
            if (runs.size() > 2) {
                x += runs.get(runs.size() - 2);
            }
            runs.add(x);
        }
        return runs;
    }

    /**
     * frPyObjects takes a list whose first entry has 4 numbers as boxes and more than 4 as
     * polygons, so each polygon has at least 3 x, y pairs; an empty list is a box alone (CVAT's and
     * Datumaro's exporters write boxes so), whose area is w * h. A polygon's area is its pixels, so
     * within a pixel's margin of the polygon's own area; its bbox is its points' frame.
     */
    private static void checkPolygons(String at, JsonNode polygons, double area, double[] box) {
        if (polygons.isEmpty()) {
            assertEquals(box[2] * box[3], area, 1e-6 * Math.max(1, area), at + ": a box's area is w * h");
            return;
        }
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        double shoelace = 0;
        double perimeter = 0;
        for (JsonNode polygon : polygons) {
            assertTrue(polygon.isArray() && polygon.size() % 2 == 0 && polygon.size() > 4,
                    at + ": a polygon of at least 3 x, y pairs (4 numbers are a box to frPyObjects): " + polygon);
            int n = polygon.size() / 2;
            double twice = 0;
            for (int i = 0; i < n; i++) {
                assertTrue(polygon.get(2 * i).isNumber() && polygon.get(2 * i + 1).isNumber(), at + ": numbers");
                double x = polygon.get(2 * i).asDouble();
                double y = polygon.get(2 * i + 1).asDouble();
                double nx = polygon.get(2 * ((i + 1) % n)).asDouble();
                double ny = polygon.get(2 * ((i + 1) % n) + 1).asDouble();
                twice += x * ny - nx * y;
                perimeter += Math.hypot(nx - x, ny - y);
                minX = Math.min(minX, x);
                minY = Math.min(minY, y);
                maxX = Math.max(maxX, x);
                maxY = Math.max(maxY, y);
            }
            shoelace += Math.abs(twice) / 2;
        }
        assertTrue(Math.abs(area - shoelace) <= perimeter + 1, at + ": area " + area + " is not the polygons' "
                + shoelace);
        double[] frame = {minX, minY, maxX - minX, maxY - minY};
        for (int k = 0; k < 4; k++) {
            assertEquals(frame[k], box[k], 1e-6 * Math.max(1, Math.abs(frame[k])), at + ": bbox is the polygons' frame");
        }
    }
}

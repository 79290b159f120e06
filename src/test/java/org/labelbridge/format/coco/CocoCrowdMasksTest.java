package org.labelbridge.format.coco;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.archive.DirectorySource;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.AnnotationInfo;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;
import org.labelbridge.model.Mask;
import org.labelbridge.model.Media;
import org.labelbridge.model.Polygon;
import org.labelbridge.model.Rle;
import org.labelbridge.testing.Datasets;
import org.labelbridge.testing.Datasets.Loaded;
import org.labelbridge.testing.RecordedProblems;

/** COCO ties the segmentation to iscrowd: a crowd is written as RLE, anything else as polygons. */
class CocoCrowdMasksTest {

    private static final CocoFormat COCO = new CocoFormat();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Categories CATEGORIES = Categories.ofNames(List.of("person"));

    @TempDir
    Path dir;

    /** Row-major 0/1 rows to the RLE of a mask. */
    private static Rle rows(int height, int width, String... rows) {
        byte[] bitmap = new byte[height * width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                bitmap[y * width + x] = (byte) (rows[y].charAt(x) - '0');
            }
        }
        return Rle.fromBitmap(bitmap, height, width);
    }

    private JsonNode writtenAnnotations(Item item, RecordedProblems problems) throws IOException {
        Datasets.write(COCO, new Loaded(CATEGORIES, List.of(item)), dir, null, problems);
        return JSON.readTree(dir.resolve("annotations/instances_default.json").toFile()).get("annotations");
    }

    @Test
    void crowdPolygonsOfOneGroupAreRasterisedIntoOneRle() throws IOException {
        AnnotationInfo crowd = new AnnotationInfo(0, 3, 3, 0, Map.of("is_crowd", true), null);
        Item item = new Item("a", Item.DEFAULT_SUBSET, new Media("a.png", 4, 5), List.of(
                new Polygon(crowd, new double[] {0, 0, 2, 0, 2, 3, 0, 3}),
                new Polygon(crowd, new double[] {3, 4, 4, 4, 4, 5, 3, 5})));
        RecordedProblems problems = new RecordedProblems();

        JsonNode annotations = writtenAnnotations(item, problems);

        // pixels (0..1, 0..2) and (3, 4): counts run down the columns (column-major)
        assertEquals(1, annotations.size());
        assertEquals(JSON.readTree("""
                {"id":3,"image_id":1,"category_id":1,"segmentation":{"counts":[0,3,2,3,11,1],"size":[5,4]},
                 "area":7.0,"bbox":[0.0,0.0,4.0,5.0],"iscrowd":1}"""), annotations.get(0));
        assertEquals(List.of("a: polygon: crowd polygon rasterised to RLE (2 polygon(s) and 0 mask(s) of group 3 as one mask)"), problems.changed);

        Item back = Datasets.read(COCO, DirectorySource.of(dir)).items().get(0);
        assertEquals(List.<Annotation>of(new Mask(crowd, rows(5, 4, "1100", "1100", "1100", "0000", "0001"))),
                back.annotations());
    }

    @Test
    void crowdPolygonWithoutImageSizeStaysAPolygon() throws IOException {
        AnnotationInfo crowd = new AnnotationInfo(0, 3, 3, 0, Map.of("is_crowd", true), null);
        Item item = new Item("a", Item.DEFAULT_SUBSET, new Media("a.png", null, null), List.of(
                new Polygon(crowd, new double[] {0, 0, 2, 0, 2, 3, 0, 3})));
        RecordedProblems problems = new RecordedProblems();

        JsonNode annotation = writtenAnnotations(item, problems).get(0);

        assertEquals(JSON.readTree("[[0.0,0.0,2.0,0.0,2.0,3.0,0.0,3.0]]"), annotation.get("segmentation"));
        assertEquals(1, annotation.get("iscrowd").asInt());
        assertEquals(1, problems.changed.size());
        assertEquals(true, problems.changed.get(0).contains("image size is unknown"));
    }

    @Test
    void nonCrowdMaskIsTracedToPolygonsWithHolesFilled() throws IOException {
        AnnotationInfo single = new AnnotationInfo(0, 5, 5, 0, Map.of("is_crowd", false), null);
        Rle ring = rows(5, 5, "11100", "10100", "11100", "00000", "00001");
        Item item = new Item("a", Item.DEFAULT_SUBSET, new Media("a.png", 5, 5), List.of(new Mask(single, ring)));
        RecordedProblems problems = new RecordedProblems();

        JsonNode annotation = writtenAnnotations(item, problems).get(0);

        assertEquals(0, annotation.get("iscrowd").asInt());
        assertEquals(JSON.readTree("[[0.0,0.0,3.0,0.0,3.0,3.0,0.0,3.0],[4.0,4.0,5.0,4.0,5.0,5.0,4.0,5.0]]"),
                annotation.get("segmentation"));
        assertEquals(List.of("a: mask: mask traced to polygons (iscrowd 0); 1 hole(s) filled: COCO polygons have no holes"),
                problems.changed);

        Item back = Datasets.read(COCO, DirectorySource.of(dir)).items().get(0);
        assertEquals(List.<Annotation>of(
                new Polygon(single, new double[] {0, 0, 3, 0, 3, 3, 0, 3}),
                new Polygon(single, new double[] {4, 4, 5, 4, 5, 5, 4, 5})), back.annotations());
    }

    /** The spec's group rule: the shapes of one group (and label) are one COCO object. */
    @Test
    void crowdGroupOfMaskAndPolygonIsOneRle() throws IOException {
        AnnotationInfo crowd = new AnnotationInfo(0, 4, 4, 0, Map.of("is_crowd", true), null);
        Item item = new Item("a", Item.DEFAULT_SUBSET, new Media("a.png", 4, 5), List.of(
                new Mask(crowd, rows(5, 4, "0000", "0000", "0000", "0000", "0001")),
                new Polygon(crowd, new double[] {0, 0, 2, 0, 2, 3, 0, 3})));
        RecordedProblems problems = new RecordedProblems();

        JsonNode annotations = writtenAnnotations(item, problems);

        assertEquals(1, annotations.size());
        assertEquals(JSON.readTree("{\"counts\":[0,3,2,3,11,1],\"size\":[5,4]}"), annotations.get(0).get("segmentation"));
        assertEquals(1, annotations.get(0).get("iscrowd").asInt());
        assertEquals(List.of("a: polygon: crowd polygon rasterised to RLE (1 polygon(s) and 1 mask(s) of group 4 as one mask)"),
                problems.changed);
    }

    @Test
    void nonCrowdGroupOfMaskAndPolygonIsOnePolygonList() throws IOException {
        AnnotationInfo single = new AnnotationInfo(0, 4, 4, 0, Map.of("is_crowd", false), null);
        Item item = new Item("a", Item.DEFAULT_SUBSET, new Media("a.png", 4, 5), List.of(
                new Polygon(single, new double[] {0, 0, 2, 0, 2, 3, 0, 3}),
                new Mask(single, rows(5, 4, "0000", "0000", "0000", "0000", "0001"))));
        RecordedProblems problems = new RecordedProblems();

        JsonNode annotations = writtenAnnotations(item, problems);

        assertEquals(1, annotations.size());
        assertEquals(JSON.readTree("[[0.0,0.0,2.0,0.0,2.0,3.0,0.0,3.0],[3.0,4.0,4.0,4.0,4.0,5.0,3.0,5.0]]"),
                annotations.get(0).get("segmentation"));
        assertEquals(0, annotations.get(0).get("iscrowd").asInt());
        assertEquals(List.of("a: mask: mask traced to polygons (iscrowd 0)"), problems.changed);
    }
}

package org.labelbridge.format.coco;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.convert.ConversionOptions;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.AnnotationKind;
import org.labelbridge.model.Mask;
import org.labelbridge.model.Polygon;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.Datasets;

/**
 * The report counts COCO objects as written, as pycocotools and the reader read them: the masks
 * of one crowd group are one RLE, a non-crowd mask is the polygons it is traced into.
 */
class CocoWrittenObjectsTest {

    @TempDir
    Path dir;

    @Test
    void crowdGroupsAreOneMaskAndNonCrowdMasksTheirPolygons() throws IOException {
        // train/a: two masks of group 7 (the first a crowd) -> one RLE; val/b: a non-crowd mask -> a polygon
        Datasets.Converted converted = Datasets.convert(Corpus.path("coco_1.0/coco"), "coco", "coco",
                dir.resolve("out"), ConversionOptions.DEFAULTS);

        Map<AnnotationKind, Long> expected = Map.of(AnnotationKind.BBOX, 1L, AnnotationKind.POLYGON, 2L,
                AnnotationKind.MASK, 3L);
        assertEquals(expected, converted.output().kinds());
        assertEquals(expected, converted.reportedOut());
        assertEquals(1, converted.count("crowd masks of group 7 merged into one RLE"));
        assertEquals(1, converted.count("mask traced to polygons (iscrowd 0)"));
        List<Annotation> a = converted.output().item("train", "a").annotations();
        assertEquals(1, a.stream().filter(x -> x instanceof Mask).count());
        Annotation traced = converted.output().item("val", "b").annotations().stream()
                .filter(x -> x.info().id() == 7).findFirst().orElseThrow();
        assertEquals(new Polygon(traced.info(), new double[] {0, 0, 2, 0, 2, 10, 0, 10}), traced);
    }

    @Test
    void nonCrowdInstanceMasksAreCountedAsThePolygonsTracedFromThem() throws IOException {
        Datasets.Converted converted = Datasets.convert(Corpus.path("kitti_1.0/kitti_segmentation"), "kitti", "coco",
                dir.resolve("out"), ConversionOptions.DEFAULTS);

        assertEquals(converted.output().kinds(), converted.reportedOut());
        assertEquals(Map.of(AnnotationKind.POLYGON, 4L, AnnotationKind.MASK, 2L), converted.output().kinds());
    }

    @Test
    void unlabelledCharacterMasksAreDroppedForEveryCocoObjectNeedsACategory() throws IOException {
        // pycocotools' loadCats and detectron2's category map fail on a category_id no category has.
        Datasets.Converted converted = Datasets.convert(Corpus.path("icdar/icdar_text_segmentation"),
                "icdar_segmentation", "coco", dir.resolve("out"), ConversionOptions.DEFAULTS);

        assertEquals(Map.of(), converted.output().kinds());
        assertEquals(Map.of(), converted.reportedOut());
        assertEquals(3, converted.count("needs a label on every annotation"));
    }
}

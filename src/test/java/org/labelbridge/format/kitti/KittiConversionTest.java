package org.labelbridge.format.kitti;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.convert.ConversionOptions;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.AnnotationKind;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.Datasets;

/** What a conversion to KITTI reports is what its object lines and instance masks read back as. */
class KittiConversionTest {

    /**
     * MANIFEST coco_1.0/coco_instances: a (train) has a box of b; b (val) a polygon of a wholly
     * under a crowd mask of b. The box stays an object line; the crowd is painted, and the
     * instance mask reads back as it and the unpainted background.
     */
    @Test
    void paintedShapesAreCountedAsTheMasksTheyReadBackAs(@TempDir Path dir) throws IOException {
        Datasets.Converted converted = Datasets.convert(Corpus.path("coco_1.0/coco_instances"), "auto", "kitti",
                dir.resolve("out"), ConversionOptions.DEFAULTS);

        assertEquals(List.of("b bbox"), describe(converted.output(), converted.output().item("train", "a").annotations()));
        assertEquals(List.of("b mask", "background mask"),
                describe(converted.output(), converted.output().item("val", "b").annotations()));
        assertEquals(1L, converted.report().annotationsOut().get(AnnotationKind.BBOX));
        assertEquals(2L, converted.report().annotationsOut().get(AnnotationKind.MASK));
        assertEquals(3L, converted.report().totalOut());
        assertEquals(1, converted.count("hidden entirely under shapes above it"));
        assertEquals(1, converted.count("which reads back as one mask per id"));
    }

    private static List<String> describe(Datasets.Loaded dataset, List<Annotation> annotations) {
        return annotations.stream().map(a -> dataset.labelOf(a) + " " + a.kind().id()).sorted().toList();
    }
}

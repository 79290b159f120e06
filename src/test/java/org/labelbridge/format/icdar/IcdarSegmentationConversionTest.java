package org.labelbridge.format.icdar;

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

/** What a conversion to ICDAR Segmentation reports is what its character bitmaps read back as. */
class IcdarSegmentationConversionTest {

    /** The localization sample's words (a polygon, two boxes) become one character mask each. */
    @Test
    void boxesAndPolygonsAreCountedAsTheCharacterMasksTheyBecome(@TempDir Path dir) throws IOException {
        Datasets.Converted converted = Datasets.convert(Corpus.path("icdar/icdar_text_localization"), "auto",
                "icdar_segmentation", dir.resolve("out"), ConversionOptions.DEFAULTS);

        assertEquals(3L, converted.report().annotationsOut().get(AnnotationKind.MASK));
        assertEquals(3L, converted.report().totalOut());
        assertEquals(List.of(1, 2), converted.output().items().stream()
                .sorted(java.util.Comparator.comparing(i -> i.id())).map(i -> i.annotations().size()).toList());
        assertEquals(List.of(AnnotationKind.MASK), converted.output().items().stream()
                .flatMap(i -> i.annotations().stream()).map(Annotation::kind).distinct().toList());
        assertEquals(2, converted.count("which reads back as one mask per character"));
    }
}

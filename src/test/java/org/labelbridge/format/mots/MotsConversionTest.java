package org.labelbridge.format.mots;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.archive.DirectorySource;
import org.labelbridge.convert.ConversionOptions;
import org.labelbridge.format.Detection;
import org.labelbridge.model.AnnotationKind;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.Datasets;

/** What a conversion to MOTS reports is what its instance PNGs read back as. */
class MotsConversionTest {

    /** The CVAT docs example: a tracked polygon on three frames (the skeletons MOTS cannot hold). */
    @Test
    void trackedPolygonsAreCountedAsTheMasksTheyBecome(@TempDir Path dir) throws IOException {
        Datasets.Converted converted = Datasets.convert(Corpus.path("cvat_video_1.1/cvat_docs_interpolation_example"),
                "auto", "mots", dir.resolve("out"), ConversionOptions.fromMap(Map.of("on_problem", "skip")));

        assertEquals(3L, converted.report().annotationsOut().get(AnnotationKind.MASK));
        assertEquals(3L, converted.report().totalOut());
        assertEquals(List.of(AnnotationKind.MASK, AnnotationKind.MASK, AnnotationKind.MASK), converted.output().items()
                .stream().flatMap(i -> i.annotations().stream()).map(a -> a.kind()).toList());
        assertEquals(3, converted.count("which reads back as one mask per track and label"));
    }

    /** VOC sample: 2007_000002 (test) has no size and no shape, so no PNG: it is counted as not written. */
    @Test
    void anItemOfUnknownSizeIsCountedAsDropped(@TempDir Path dir) throws IOException {
        Datasets.Converted converted = Datasets.convert(Corpus.path("pascal_voc_1.1/voc_dataset1"), "auto", "mots",
                dir.resolve("out"), ConversionOptions.DEFAULTS);

        assertEquals(List.of("train/2007_000001"), converted.output().ids());
        assertEquals(1, converted.report().itemsOut());
        assertEquals(1, converted.report().droppedItems());
        assertEquals(1, converted.count("no instance PNG: the image size is unknown"));
    }

    /**
     * ImageNet sample: tags on images of unknown size, so no PNG at all. As CVAT's export of frames
     * without masks, the output is each subset's instances/labels.txt, which Datumaro (and this
     * reader) open as a MOTS dataset without items.
     */
    @Test
    void anOutputWithoutPngsReadsAsNoItems(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("out");
        Datasets.Converted converted = Datasets.convert(Corpus.path("imagenet_1.0/imagenet_dataset"), "auto", "mots",
                out, ConversionOptions.DEFAULTS);

        assertEquals(0, converted.report().itemsOut());
        assertEquals(List.of(), converted.output().items());
        assertEquals(List.of("label_0", "label_1"), converted.output().categories().labels().stream()
                .map(l -> l.name()).toList());
        Detection detection = new MotsFormat().detect(DirectorySource.of(out));
        assertEquals(Detection.WEAK, detection.confidence(), detection.evidence());
    }
}

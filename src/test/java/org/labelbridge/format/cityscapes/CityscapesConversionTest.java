package org.labelbridge.format.cityscapes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.convert.ConversionOptions;
import org.labelbridge.convert.ConversionRequest;
import org.labelbridge.convert.Converter;
import org.labelbridge.format.FormatException;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.AnnotationKind;
import org.labelbridge.model.Item;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.Datasets;

/** What a conversion to Cityscapes reports is what its instanceIds masks read back as. */
class CityscapesConversionTest {

    @TempDir
    Path dir;

    /** MANIFEST yolo_1.1/yolo: item 1 (train) has boxes of label_2 and label_4. */
    @Test
    void boxesAreCountedAsTheMasksTheyReadBackAsWithTheBackground() throws IOException {
        Datasets.Converted converted = Datasets.convert(Corpus.path("yolo_1.1/yolo"), "auto", "cityscapes",
                dir.resolve("out"), ConversionOptions.DEFAULTS);

        Item item = converted.output().item("train", "1");
        assertEquals(List.of("background crowd", "label_2 1", "label_4 1"),
                item.annotations().stream().map(a -> describe(converted.output(), a)).sorted().toList());
        assertEquals(3L, converted.report().annotationsOut().get(AnnotationKind.MASK));
        assertEquals(3L, converted.report().totalOut());
        assertEquals(1, converted.count("which reads back as one mask per id"));
    }

    /**
     * The YOLO sample with label_0 renamed background and the first box given to it: Cityscapes'
     * class 0 has no instances (its instance n would be the value n, a crowd of label n), so the
     * box is painted as background.
     */
    @Test
    void aShapeOfTheBackgroundLabelIsWrittenAsBackground() throws IOException {
        Path in = dir.resolve("in");
        try (Stream<Path> files = Files.walk(Corpus.path("yolo_1.1/yolo"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path copy = in.resolve(Corpus.path("yolo_1.1/yolo").relativize(file).toString());
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy);
            }
        }
        Files.writeString(in.resolve("obj.names"), Files.readString(in.resolve("obj.names")).replace("label_0", "background"));
        Files.writeString(in.resolve("obj_train_data/1.txt"), "0 0.133333 0.300000 0.266667 0.200000\n"
                + "4 0.266667 0.450000 0.133333 0.300000\n");

        Datasets.Converted converted = Datasets.convert(in, "auto", "cityscapes", dir.resolve("out"),
                ConversionOptions.DEFAULTS);

        assertEquals(List.of("background crowd", "label_4 1"), converted.output().item("train", "1").annotations()
                .stream().map(a -> describe(converted.output(), a)).sorted().toList());
        assertEquals(2L, converted.report().totalOut());
        assertEquals(1, converted.count("instance ids of label index 0 do not fit the Cityscapes instance map"));
    }

    /** The CVAT docs example has no images: its frames without a visible shape have nothing to write. */
    @Test
    void anItemWithoutMasksOrImageIsCountedAsDropped() throws IOException {
        Datasets.Converted converted = Datasets.convert(Corpus.path("cvat_video_1.1/cvat_docs_interpolation_example"),
                "auto", "cityscapes", dir.resolve("out"), ConversionOptions.fromMap(Map.of("on_problem", "skip")));

        assertEquals(3, converted.report().itemsOut());
        assertEquals(3, converted.output().items().size());
        assertEquals(3, converted.count("it has no masks and its image is not copied"));
        assertEquals(converted.report().annotationsOut().get(AnnotationKind.MASK),
                converted.output().items().stream().mapToLong(i -> i.annotations().size()).sum());
    }

    /** No item with a mask or an image: CVAT would write label_colors.txt alone, which no importer opens. */
    @Test
    void aDatasetWithNothingToWriteIsRefusedAndLeavesNoOutput() {
        Path out = dir.resolve("out");
        FormatException e = assertThrows(FormatException.class, () -> Converter.convert(new ConversionRequest(
                Corpus.path("pascal_voc_1.1/voc_dataset2"), "auto", "cityscapes", ConversionOptions.DEFAULTS, out)));

        assertEquals("no item has a mask or an image in the source: Cityscapes keeps items only as"
                + " gtFine/<subset>/*_gtFine_instanceIds.png masks and imgsFine/leftImg8bit/ images, the files its"
                + " importer looks for, and label_colors.txt alone is no dataset", e.getMessage());
        assertFalse(Files.exists(out));
    }

    private static String describe(Datasets.Loaded dataset, Annotation a) {
        return dataset.labelOf(a) + " " + (Boolean.TRUE.equals(a.attributes().get("is_crowd")) ? "crowd" : a.info().id());
    }
}

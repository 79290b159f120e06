package org.labelbridge.format.common.pixels;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.labelbridge.archive.DirectorySource;
import org.labelbridge.convert.ConversionOptions;
import org.labelbridge.format.Formats;
import org.labelbridge.model.Item;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.Datasets;
import org.labelbridge.testing.SameDataset;

/**
 * Every corpus sample whose annotations live in mask files (PNG; ICDAR's BMP) reads, through
 * the pipeline, to exactly the annotations the earlier reading (ImageIO into a pixel array,
 * then split pixel by pixel) gave: masks to the pixel, labels, ids, groups, attributes. The
 * expected datasets in {@code src/test/resources/mask-reading/} are what that earlier version
 * wrote converting each sample to Datumaro ({@code convert --to datumaro <sample> out.zip} at
 * commit b593bd0, annotation files kept); they are read back with our Datumaro reader.
 */
class MaskCorpusReadingTest {

    private static final Path EXPECTED = Path.of("src/test/resources/mask-reading");

    static Stream<String> samples() {
        return Stream.of("camvid_1.0/camvid_dataset", "cityscapes_1.0/train_dataset", "coco_1.0/coco",
                "icdar/icdar_text_segmentation", "kitti_1.0/kitti_segmentation", "labelme_3.0/cvd_flat",
                "mots_png_1.0/mots_dataset", "open_images_v6/v6", "pascal_voc_1.1/voc_dataset1",
                "segmentation_mask_1.1/voc_dataset1_segmentation");
    }

    @ParameterizedTest
    @MethodSource("samples")
    void readsAsBefore(String sample, @TempDir Path dir) throws IOException {
        Datasets.Converted converted = Datasets.convert(Corpus.path(sample), "auto", "datumaro", dir.resolve("out"),
                ConversionOptions.fromMap(java.util.Map.of()));
        Datasets.Loaded expected = Datasets.read(Formats.require("datumaro"),
                DirectorySource.of(EXPECTED.resolve(sample.replace('/', '_'))));
        long masks = expected.items().stream().map(Item::annotations).flatMap(List::stream)
                .filter(a -> a instanceof org.labelbridge.model.Mask).count();
        assertTrue(masks > 0, sample + ": the expected dataset holds masks");
        SameDataset.assertSame(expected, converted.output());
    }
}

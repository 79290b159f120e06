package org.labelbridge.format.cityscapes;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.labelbridge.convert.ConversionOptions;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.CorpusMatrix;
import org.labelbridge.testing.Datasets;
import org.labelbridge.testing.DatumaroLabelMap;
import org.labelbridge.testing.CorpusMatrix.Outcome;
import org.labelbridge.testing.OutputFiles;

/**
 * What CVAT's Cityscapes import (Datumaro's {@code cityscapes_format.py}: {@code parse_label_map},
 * {@code CityscapesExtractor._load_items}) reads, checked on the output of every corpus sample.
 * See the package documentation.
 */
class CityscapesConsumerContractTest {

    private static final String INSTANCES = "_gtFine_instanceIds.png";

    @TempDir
    Path work;

    @ParameterizedTest
    @MethodSource("org.labelbridge.testing.CorpusMatrix#samples")
    void everyOutputReadsAsDatumaroReadsIt(String sample) {
        CorpusMatrix.assumeConvertible(sample, "cityscapes");
        Outcome outcome = CorpusMatrix.convert(sample, "cityscapes", work, CorpusMatrix.SKIP_PROBLEMS);
        if (!outcome.converted()) {
            // Nothing with masks or images: label_colors.txt alone is no dataset to CVAT, so no output.
            assertTrue(outcome.failure().getMessage().startsWith("no item has a mask or an image in the source"),
                    outcome + ": " + outcome.failure().getMessage());
            return;
        }
        Path root = outcome.output();
        int labels = DatumaroLabelMap.read(outcome.toString(), root.resolve("label_colors.txt")).size();
        List<Path> masks = OutputFiles.matching(root, "gtFine/*/**" + INSTANCES);
        for (Path mask : masks) {
            String at = outcome + " " + root.relativize(mask);
            Raster raster = OutputFiles.pixels(mask);
            Set<Integer> values = OutputFiles.values(raster);
            for (int value : values) {
                int label = value < 1000 ? value : value / 1000;
                assertTrue(label < labels, at + ": value " + value + " is label " + label
                        + ", beyond label_colors.txt's " + labels);
            }
            Path relative = root.resolve("gtFine").relativize(mask);
            String id = relative.toString().substring(0, relative.toString().length() - INSTANCES.length());
            Path folder = root.resolve("imgsFine/leftImg8bit").resolve(id).getParent();
            Path image = OutputFiles.imageNamed(folder, Path.of(id).getFileName() + "_leftImg8bit");
            OutputFiles.assertImageSize(outcome, at, raster, image);
        }
    }

    @Test
    void aLabelNameWithSpacesIsWrittenAsOneWordForParseLabelMapTakesTheFourthWord() throws IOException {
        Path output = work.resolve("spaces");
        Datasets.Converted out = Datasets.convert(Corpus.path("cityscapes_1.0/train_dataset"), "auto", "cityscapes",
                output, ConversionOptions.fromMap(Map.of("label_map", "{\"truck\": \"big truck\"}")));
        assertTrue(DatumaroLabelMap.read("spaces", output.resolve("label_colors.txt")).containsKey("big_truck"));
        assertTrue(out.count("written as 'big_truck'") >= 1, out.report().entries().toString());
    }
}

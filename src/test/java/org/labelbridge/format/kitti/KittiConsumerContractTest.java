package org.labelbridge.format.kitti;

import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * What CVAT's KITTI import (Datumaro's {@code kitti_format}: {@code KittiExtractor}) reads,
 * checked on the output of every corpus sample: object lines of 15 or 16 whitespace-separated
 * words (type first, {@code float()} and {@code int()} where it parses them), instance masks
 * whose {@code value >> 8} is a label of label_colors.txt. See the package documentation.
 */
class KittiConsumerContractTest {

    @TempDir
    Path work;

    @ParameterizedTest
    @MethodSource("org.labelbridge.testing.CorpusMatrix#samples")
    void everyOutputReadsAsDatumaroReadsIt(String sample) {
        Outcome outcome = CorpusMatrix.forContract(sample, "kitti", work);
        Path root = outcome.output();
        int labels = DatumaroLabelMap.read(outcome.toString(), root.resolve("label_colors.txt")).size();
        List<Path> objects = OutputFiles.matching(root, "*/label_2/**.txt");
        List<Path> masks = OutputFiles.matching(root, "*/instance/**.png");
        for (Path file : objects) {
            List<String> lines = OutputFiles.lines(file);
            for (int i = 0; i < lines.size(); i++) {
                String at = outcome + " " + root.relativize(file) + " line " + (i + 1);
                String[] words = lines.get(i).strip().split("\\s+");
                assertTrue(words.length == 15 || words.length == 16,
                        at + ": 15 or 16 words (a type with spaces splits): " + lines.get(i));
                assertTrue(OutputFiles.isFloat(words[1]), at + ": truncated is float()-read: " + words[1]);
                assertTrue(OutputFiles.isInt(words[2]), at + ": occluded is int()-read: " + words[2]);
                for (int k = 3; k < words.length; k++) {
                    assertTrue(OutputFiles.isFloat(words[k]), at + ": word " + (k + 1) + " is float()-read: " + words[k]);
                }
            }
        }
        for (Path mask : masks) {
            String at = outcome + " " + root.relativize(mask);
            Raster raster = OutputFiles.pixels(mask);
            Set<Integer> values = OutputFiles.values(raster);
            for (int value : values) {
                assertTrue((value >> 8) < labels, at + ": value " + value + " is label " + (value >> 8)
                        + ", beyond label_colors.txt's " + labels);
            }
            Path image = OutputFiles.imageNamed(mask.getParent().resolveSibling("image_2"), OutputFiles.stem(mask));
            OutputFiles.assertImageSize(outcome, at, raster, image);
        }
    }

    @Test
    void aLabelNameWithSpacesIsWrittenAsOneWordWhereDatumaroSplitsLinesOnWhitespace() throws IOException {
        Path output = work.resolve("spaces");
        Datasets.Converted out = Datasets.convert(Corpus.path("kitti_1.0/kitti_detection"), "auto", "kitti", output,
                ConversionOptions.fromMap(Map.of("label_map", "{\"Truck\": \"pickup truck\"}")));
        assertTrue(DatumaroLabelMap.read("spaces", output.resolve("label_colors.txt")).containsKey("pickup_truck"));
        List<String> lines = OutputFiles.matching(output, "*/label_2/**.txt").stream()
                .flatMap(f -> OutputFiles.lines(f).stream()).toList();
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("pickup_truck ")), lines.toString());
        assertTrue(lines.stream().allMatch(l -> l.strip().split("\\s+").length == 15), lines.toString());
        assertTrue(out.count("written as 'pickup_truck'") >= 1, out.report().entries().toString());
    }
}

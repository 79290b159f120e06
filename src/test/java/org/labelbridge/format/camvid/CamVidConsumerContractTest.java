package org.labelbridge.format.camvid;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.Raster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.labelbridge.testing.CorpusMatrix;
import org.labelbridge.testing.DatumaroLabelMap;
import org.labelbridge.testing.CorpusMatrix.Outcome;
import org.labelbridge.testing.OutputFiles;

/**
 * What CVAT's CamVid import (Datumaro's {@code camvid_format.py}, {@code CamvidExtractor}) reads,
 * checked on the output of every corpus sample: {@code <subset>.txt} lines of an image path and a
 * mask path from the dataset root, label_colors.txt's {@code r g b name} lines, and masks whose
 * colours all are label colours. See the package documentation.
 */
class CamVidConsumerContractTest {

    @TempDir
    Path work;

    @ParameterizedTest
    @MethodSource("org.labelbridge.testing.CorpusMatrix#samples")
    void everyOutputReadsAsDatumaroReadsIt(String sample) {
        Outcome outcome = CorpusMatrix.forContract(sample, "camvid", work);
        Path root = outcome.output();
        Set<Integer> colours = new HashSet<>();
        for (int colour : DatumaroLabelMap.read(outcome.toString(), root.resolve("label_colors.txt")).values()) {
            assertTrue(colour < 0 || colours.add(colour), outcome + ": two labels of one colour " + Integer.toHexString(colour));
        }
        List<Path> lists = OutputFiles.matching(root, "*.txt").stream()
                .filter(f -> !f.getFileName().toString().equals("label_colors.txt")).toList();
        assertFalse(lists.isEmpty(), outcome + ": no <subset>.txt");
        for (Path list : lists) {
            for (String line : OutputFiles.lines(list)) {
                String at = outcome + " " + list.getFileName() + ": " + line;
                String[] paths = line.strip().split("\\s+");
                assertTrue(paths.length == 1 || paths.length == 2, at + ": an image path and a mask path");
                for (String path : paths) {
                    assertTrue(path.startsWith("/"), at + ": paths from the dataset root start with /");
                }
                if (paths.length == 2) {
                    Path mask = root.resolve(paths[1].substring(1));
                    assertTrue(Files.isRegularFile(mask), at + ": no mask " + paths[1]);
                    Raster raster = OutputFiles.pixels(mask);
                    for (int y = 0; y < raster.getHeight(); y++) {
                        for (int x = 0; x < raster.getWidth(); x++) {
                            int rgb = raster.getSample(x, y, 0) << 16 | raster.getSample(x, y, 1) << 8
                                    | raster.getSample(x, y, 2);
                            if (!colours.contains(rgb) && rgb != 0) {
                                throw new AssertionError(at + ": pixel " + x + "," + y + " colour "
                                        + Integer.toHexString(rgb) + " is no label's");
                            }
                        }
                    }
                    Path image = root.resolve(paths[0].substring(1));
                    OutputFiles.assertImageSize(outcome, at, raster, Files.isRegularFile(image) ? image : null);
                }
            }
        }
    }
}

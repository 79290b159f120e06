package org.labelbridge.format.mots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.Raster;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.labelbridge.testing.CorpusMatrix;
import org.labelbridge.testing.CorpusMatrix.Outcome;
import org.labelbridge.testing.OutputFiles;

/**
 * What CVAT's MOTS import (Datumaro's {@code mots_format.py}, {@code MotsPngExtractor}) reads,
 * checked on the MOTS output of every corpus sample. See the package documentation.
 */
class MotsConsumerContractTest {

    @TempDir
    Path work;

    @ParameterizedTest
    @MethodSource("org.labelbridge.testing.CorpusMatrix#samples")
    void everyOutputReadsAsDatumaroReadsIt(String sample) {
        Outcome outcome = CorpusMatrix.forContract(sample, "mots", work);
        Path root = outcome.output();
        List<Path> labelFiles = OutputFiles.matching(root, "*/instances/labels.txt");
        assertFalse(labelFiles.isEmpty(), outcome + ": no <subset>/instances/ folder");
        for (Path labelsFile : labelFiles) {
            Path instances = labelsFile.getParent();
            int labels = labelCount(outcome, labelsFile);
            for (Path png : OutputFiles.matching(instances, "*.png")) {
                String at = outcome + " " + root.relativize(png);
                Raster raster = OutputFiles.pixels(png);
                assertEquals(1, raster.getNumBands(), at + ": one channel of class_id * 1000 + instance");
                Set<Integer> values = OutputFiles.values(raster);
                for (int value : values) {
                    int classId = value / 1000;
                    assertTrue(classId == 0 || classId - 1 < labels,
                            at + ": value " + value + " is class " + classId + ", beyond labels.txt's " + labels);
                }
                Path image = OutputFiles.imageNamed(instances.resolveSibling("images"), OutputFiles.stem(png));
                OutputFiles.assertImageSize(outcome, at, raster, image);
            }
        }
    }

    private static int labelCount(Outcome outcome, Path labelsFile) {
        Set<String> names = new HashSet<>();
        for (String line : OutputFiles.lines(labelsFile)) {
            String name = line.strip();
            assertFalse(name.isEmpty(), outcome + ": an empty line in " + labelsFile + " is an empty label");
            assertTrue(names.add(name), outcome + ": label '" + name + "' twice in " + labelsFile);
        }
        return names.size();
    }
}

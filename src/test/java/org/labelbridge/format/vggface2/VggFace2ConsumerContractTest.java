package org.labelbridge.format.vggface2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
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
 * What CVAT's VGGFace2 import (Datumaro's {@code vgg_face2_format.py}, {@code VggFace2Extractor})
 * reads, checked on the output of every corpus sample: the CSVs' header, {@code NAME_ID} as
 * {@code <label folder>/<image>}, numbers where it calls {@code float()}. See the package
 * documentation.
 */
class VggFace2ConsumerContractTest {

    @TempDir
    Path work;

    @ParameterizedTest
    @MethodSource("org.labelbridge.testing.CorpusMatrix#samples")
    void everyOutputReadsAsDatumaroReadsIt(String sample) {
        Outcome outcome = CorpusMatrix.forContract(sample, "vggface2", work);
        Path root = outcome.output();
        Set<String> labels = new HashSet<>();
        Path labelsFile = root.resolve("labels.txt");
        if (Files.isRegularFile(labelsFile)) {
            for (String line : OutputFiles.lines(labelsFile)) {
                String name = line.strip().split("\\s+", 2)[0];
                assertTrue(labels.add(name), outcome + ": label '" + name + "' twice in labels.txt");
            }
        }
        List<Path> csvs = OutputFiles.matching(root, "bb_landmark/loose_*.csv");
        assertFalse(csvs.isEmpty(), outcome + ": no bb_landmark/loose_bb_<subset>.csv or loose_landmark_<subset>.csv");
        for (Path csv : csvs) {
            boolean boxes = csv.getFileName().toString().startsWith("loose_bb_");
            int values = boxes ? 4 : 10;
            List<String> lines = OutputFiles.lines(csv);
            assertFalse(lines.isEmpty(), outcome + " " + csv.getFileName() + ": the header row");
            assertTrue(lines.get(0).startsWith("NAME_ID,"), outcome + " " + csv.getFileName() + ": header " + lines.get(0));
            for (int i = 1; i < lines.size(); i++) {
                String at = outcome + " " + csv.getFileName() + " line " + (i + 1);
                String[] row = lines.get(i).split(",", -1);
                assertEquals(1 + values, row.length, at + ": NAME_ID and " + values + " values");
                String nameId = row[0];
                int slash = nameId.indexOf('/');
                assertTrue(slash > 0, at + ": NAME_ID is <label>/<image>: " + nameId);
                String label = nameId.substring(0, slash);
                assertTrue(label.equals("no_label") || labels.isEmpty() || labels.contains(label),
                        at + ": folder '" + label + "' is no label of labels.txt");
                boolean tagOnly = !boxes && java.util.Arrays.stream(row).skip(1).allMatch(String::isEmpty);
                for (int k = 1; k < row.length && !tagOnly; k++) {
                    assertTrue(OutputFiles.isFloat(row[k]), at + ": value " + row[k] + " is float()-read");
                }
            }
        }
    }
}

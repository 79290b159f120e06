package org.labelbridge.format.market1501;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.labelbridge.testing.CorpusMatrix;
import org.labelbridge.testing.CorpusMatrix.Outcome;
import org.labelbridge.testing.OutputFiles;

/**
 * What CVAT's Market-1501 import (Datumaro's {@code market1501_format.py},
 * {@code Market1501Extractor._load_items}) reads, checked on the output of every corpus sample:
 * each line of {@code images_<subset>.txt} is a path from the root whose first folder
 * ({@code query} or {@code bounding_box_<subset>}) it splits off ({@code split(os.sep, 1)}
 * fails on a line without one). See the package documentation.
 */
class Market1501ConsumerContractTest {

    @TempDir
    Path work;

    @ParameterizedTest
    @MethodSource("org.labelbridge.testing.CorpusMatrix#samples")
    void everyOutputReadsAsDatumaroReadsIt(String sample) {
        Outcome outcome = CorpusMatrix.forContract(sample, "market1501", work);
        Path root = outcome.output();
        List<Path> lists = OutputFiles.matching(root, "images_*.txt");
        assertFalse(lists.isEmpty(), outcome + ": no images_<subset>.txt");
        boolean imagesKept = OutputFiles.all(root).stream().anyMatch(f -> !f.endsWith(".txt"));
        for (Path list : lists) {
            String name = list.getFileName().toString();
            String subset = name.substring("images_".length(), name.length() - ".txt".length());
            for (String line : OutputFiles.lines(list)) {
                String at = outcome + " " + name + ": " + line;
                String path = line.strip();
                int slash = path.indexOf('/');
                assertTrue(slash > 0, at + ": <folder>/<image> (Datumaro splits the folder off)");
                String folder = path.substring(0, slash);
                assertTrue(folder.equals("query") || folder.equals("bounding_box_" + subset),
                        at + ": folder is query or bounding_box_" + subset);
                if (imagesKept) {
                    assertTrue(Files.isRegularFile(root.resolve(path)), at + ": no such image");
                }
            }
        }
    }
}

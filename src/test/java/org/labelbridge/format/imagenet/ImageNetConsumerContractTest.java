package org.labelbridge.format.imagenet;

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
import org.labelbridge.format.common.ImageFiles;
import org.labelbridge.testing.CorpusMatrix;
import org.labelbridge.testing.CorpusMatrix.Outcome;
import org.labelbridge.testing.OutputFiles;

/**
 * What CVAT's ImageNet import reads, checked on the ImageNet output of every corpus sample:
 * Datumaro's {@code imagenet} extractor (each image's label is its parent folder's name) or, for
 * the text layout, its {@code imagenet_txt} extractor ({@code <subset>.txt} lines of an image
 * name and label indices into {@code synsets.txt}). See the package documentation.
 */
class ImageNetConsumerContractTest {

    @TempDir
    Path work;

    @ParameterizedTest
    @MethodSource("org.labelbridge.testing.CorpusMatrix#samples")
    void everyOutputReadsAsDatumaroReadsIt(String sample) {
        Outcome outcome = CorpusMatrix.forContract(sample, "imagenet", work);
        Path root = outcome.output();
        Path synsets = root.resolve("synsets.txt");
        if (Files.isRegularFile(synsets)) {
            checkTextLayout(outcome, root, synsets);
        } else {
            checkFolderLayout(outcome, root);
        }
    }

    /** Every file is {@code <label>/<image>}: an image anywhere else takes its folder's name as label. */
    private static void checkFolderLayout(Outcome outcome, Path root) {
        List<Path> files = OutputFiles.matching(root, "**");
        for (Path file : files) {
            Path relative = root.relativize(file);
            assertTrue(relative.getNameCount() == 2,
                    outcome + ": " + relative + " is not <label>/<image> (the label is the parent folder)");
            assertTrue(ImageFiles.isImage(file.toString()), outcome + ": " + relative + " is no image");
        }
    }

    private static void checkTextLayout(Outcome outcome, Path root, Path synsets) {
        Set<String> labels = new HashSet<>();
        for (String line : OutputFiles.lines(synsets)) {
            assertTrue(labels.add(line.strip()), outcome + ": label '" + line.strip() + "' twice in synsets.txt");
        }
        List<Path> lists = OutputFiles.matching(root, "*.txt").stream()
                .filter(f -> !f.getFileName().toString().equals("synsets.txt")).toList();
        assertFalse(lists.isEmpty(), outcome + ": the text layout needs a <subset>.txt");
        for (Path list : lists) {
            List<String> lines = OutputFiles.lines(list);
            for (int i = 0; i < lines.size(); i++) {
                String at = outcome + " " + list.getFileName() + " line " + (i + 1);
                String line = lines.get(i);
                String rest;
                if (line.startsWith("\"")) {
                    int close = line.indexOf('"', 1);
                    assertTrue(close > 0, at + ": unclosed quote");
                    rest = line.substring(close + 1);
                } else {
                    String[] parts = line.split("\\s+", 2);
                    rest = parts.length > 1 ? parts[1] : "";
                }
                for (String index : rest.strip().isEmpty() ? new String[0] : rest.strip().split("\\s+")) {
                    assertTrue(OutputFiles.isInt(index), at + ": label index is int()-read: " + index);
                    int value = Integer.parseInt(index);
                    assertTrue(value >= 0 && value < labels.size(),
                            at + ": label index " + value + " names no line of synsets.txt");
                }
            }
        }
    }
}

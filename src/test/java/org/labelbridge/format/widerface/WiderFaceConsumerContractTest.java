package org.labelbridge.format.widerface;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.labelbridge.convert.ConversionOptions;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.CorpusMatrix;
import org.labelbridge.testing.CorpusMatrix.Outcome;
import org.labelbridge.testing.Datasets;
import org.labelbridge.testing.OutputFiles;

/**
 * What CVAT's WIDER Face import (Datumaro's {@code widerface_format.py},
 * {@code WiderFaceExtractor._load_items}) reads, checked on the output of every corpus sample.
 * Datumaro finds the image lines by a heuristic (a line with {@code /} and {@code .} is an image
 * path), reads the next line as the box count and that many lines after it as boxes. See the
 * package documentation.
 */
class WiderFaceConsumerContractTest {

    @TempDir
    Path work;

    @ParameterizedTest
    @MethodSource("org.labelbridge.testing.CorpusMatrix#samples")
    void everyOutputReadsAsDatumaroReadsIt(String sample) {
        Outcome outcome = CorpusMatrix.forContract(sample, "wider_face", work);
        Path root = outcome.output();
        Set<String> labels = new HashSet<>();
        Path labelsFile = root.resolve("labels.txt");
        if (Files.isRegularFile(labelsFile)) {
            for (String line : OutputFiles.lines(labelsFile)) {
                assertTrue(labels.add(line.strip()), outcome + ": label '" + line.strip() + "' twice in labels.txt");
            }
        }
        List<Path> files = OutputFiles.matching(root, "wider_face_split/wider_face_*_bbx_gt.txt");
        assertFalse(files.isEmpty(), outcome + ": no wider_face_split/wider_face_<subset>_bbx_gt.txt");
        for (Path file : files) {
            checkFile(outcome + " " + file.getFileName(), OutputFiles.lines(file), labels);
        }
    }

    private static boolean looksLikeImagePath(String line) {
        return (line.contains("/") || line.contains("\\")) && line.contains(".");
    }

    private static void checkFile(String where, List<String> lines, Set<String> labels) {
        int i = 0;
        while (i < lines.size()) {
            String at = where + " line " + (i + 1);
            String image = lines.get(i).strip();
            assertTrue(looksLikeImagePath(image), at + ": expected an image path (with '/' and '.'): " + image);
            String event = image.substring(0, image.indexOf('/'));
            assertTrue(event.equals("no_label") || event.contains("--"),
                    at + ": the image's folder is <n>--<label> or no_label: " + event);
            assertTrue(i + 1 < lines.size() && OutputFiles.isInt(lines.get(i + 1)),
                    at + ": the box count line after the image path");
            int count = Integer.parseInt(lines.get(i + 1).strip());
            int rows = Math.max(count, 1);
            for (int b = i + 2; b < i + 2 + rows; b++) {
                String box = b < lines.size() ? lines.get(b) : "";
                String boxAt = where + " line " + (b + 1);
                assertFalse(looksLikeImagePath(box), boxAt + ": a box line Datumaro takes for an image path: " + box);
                String[] values = box.strip().split("\\s+");
                assertTrue(values.length >= 4, boxAt + ": x y w h at least: " + box);
                for (int k = 0; k < 4; k++) {
                    assertTrue(OutputFiles.isFloat(values[k]), boxAt + ": coordinate " + values[k]);
                }
                if (values.length == 5 || values.length == 11) {
                    String label = values[values.length - 1];
                    assertTrue(labels.contains(label), boxAt + ": box label '" + label + "' not in labels.txt");
                }
            }
            i += 2 + rows;
        }
    }

    @Test
    void aBoxLineWithSlashAndDotIsNotWrittenForCvatTakesItForAnImagePath() throws IOException {
        Datasets.Converted out = Datasets.convert(Corpus.path("open_images_v6/v6"), "auto", "wider_face",
                work.resolve("slash"), ConversionOptions.DEFAULTS);
        for (Path file : OutputFiles.matching(work.resolve("slash"), "wider_face_split/*.txt")) {
            checkFile(file.toString(), OutputFiles.lines(file), Set.of("/m/0", "/m/1", "/m/2", "/m/3", "/m/4"));
        }
        assertTrue(out.count("takes a line with '/' (or '\\') and '.' for an image path") >= 1,
                out.report().entries().toString());
    }
}

package org.labelbridge.format.lfw;

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
 * What CVAT's LFW import (Datumaro's {@code lfw_format.py}, {@code LfwExtractor}) reads, checked
 * on the output of every corpus sample: tab-separated pairs.txt lines of 1, 3 or 4 fields (others
 * are skipped), people.txt lines of exactly 2, landmarks of numbers, and images where
 * {@code get_image_name} looks for them. See the package documentation.
 */
class LfwConsumerContractTest {

    @TempDir
    Path work;

    @ParameterizedTest
    @MethodSource("org.labelbridge.testing.CorpusMatrix#samples")
    void everyOutputReadsAsDatumaroReadsIt(String sample) {
        Outcome outcome = CorpusMatrix.forContract(sample, "lfw", work);
        Path root = outcome.output();
        List<Path> pairsFiles = OutputFiles.matching(root, "*/annotations/pairs.txt");
        assertFalse(pairsFiles.isEmpty(), outcome + ": no <subset>/annotations/pairs.txt");
        for (Path pairs : pairsFiles) {
            Path annotations = pairs.getParent();
            Path images = annotations.resolveSibling("images");
            String where = outcome + " " + root.relativize(annotations);
            Set<String> people = new HashSet<>();
            Path peopleFile = annotations.resolve("people.txt");
            if (Files.isRegularFile(peopleFile)) {
                for (String line : OutputFiles.lines(peopleFile)) {
                    String[] f = line.strip().split("\t", -1);
                    assertEquals(2, f.length, where + " people.txt: 'name<TAB>count' (else skipped): " + line);
                    assertTrue(people.add(f[0]), where + " people.txt: '" + f[0] + "' twice");
                }
            }
            for (String line : OutputFiles.lines(pairs)) {
                String[] f = line.strip().split("\t", -1);
                String at = where + " pairs.txt: " + line;
                assertTrue(f.length == 1 || f.length == 3 || f.length == 4, at + ": 1, 3 or 4 fields (else skipped)");
                if (f.length == 1) {
                    assertFalse(f[0].isEmpty(), at + ": an image ('person/image', or 'image' unlabelled)");
                    continue;
                }
                checkImage(at, images, f[0], f[1]);
                if (f.length == 3) {
                    checkImage(at, images, f[0], f[2]);
                } else if (!f[2].equals("-")) {
                    checkImage(at, images, f[2], f[3]);
                }
            }
            Path landmarks = annotations.resolve("landmarks.txt");
            if (Files.isRegularFile(landmarks)) {
                for (String line : OutputFiles.lines(landmarks)) {
                    String[] f = line.split("\t", -1);
                    String at = where + " landmarks.txt: " + line;
                    assertTrue(f.length > 1, at + ": image and points");
                    for (int k = 1; k < f.length; k++) {
                        assertTrue(OutputFiles.isFloat(f[k]), at + ": coordinate " + f[k] + " is float()-read");
                    }
                }
            }
        }
    }

    /** Datumaro's {@code get_image_name}: a number is {@code person/person_%04d}, else {@code person/name}. */
    private static void checkImage(String at, Path images, String person, String image) {
        assertFalse(person.isEmpty() || person.contains("/"), at + ": person '" + person + "'");
        String path = OutputFiles.isInt(image)
                ? person + "/" + person + "_" + String.format("%04d", Integer.parseInt(image))
                : person + "/" + image;
        if (Files.isDirectory(images) && Files.isDirectory(images.resolve(person))) {
            assertTrue(OutputFiles.imageNamed(images.resolve(person), path.substring(path.indexOf('/') + 1)) != null,
                    at + ": Datumaro looks for images/" + path + ".*, which is not there");
        }
    }
}

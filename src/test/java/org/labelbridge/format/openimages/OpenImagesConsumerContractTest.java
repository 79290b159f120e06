package org.labelbridge.format.openimages;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.labelbridge.testing.CorpusMatrix;
import org.labelbridge.testing.CorpusMatrix.Outcome;
import org.labelbridge.testing.OutputFiles;

/**
 * What CVAT's Open Images import (Datumaro's {@code open_images_format.py},
 * {@code OpenImagesExtractor}) reads, checked on the output of every corpus sample: CSVs with a
 * header row read as dicts, every LabelName declared in the class descriptions (else
 * {@code UndeclaredLabelError}), box corners as fractions of an image size it can find
 * (images.meta or the image), mask PNGs where MaskPath says. See the package documentation.
 */
class OpenImagesConsumerContractTest {

    @TempDir
    Path work;

    @ParameterizedTest
    @MethodSource("org.labelbridge.testing.CorpusMatrix#samples")
    void everyOutputReadsAsDatumaroReadsIt(String sample) {
        Outcome outcome = CorpusMatrix.forContract(sample, "open_images", work);
        Path annotations = outcome.output().resolve("annotations");
        Set<String> classes = new HashSet<>();
        for (Map<String, String> row : rows(outcome, annotations.resolve("oidv6-class-descriptions.csv"))) {
            assertTrue(classes.add(row.get("LabelName")), outcome + ": class " + row.get("LabelName") + " twice");
        }
        Set<String> sized = new HashSet<>();
        Path meta = annotations.resolve("images.meta");
        if (Files.isRegularFile(meta)) {
            for (String line : OutputFiles.lines(meta)) {
                String[] f = line.strip().split("\\s+");
                assertTrue(f.length == 3 && OutputFiles.isInt(f[1]) && OutputFiles.isInt(f[2]),
                        outcome + " images.meta: '<ImageID> <height> <width>': " + line);
                sized.add(f[0]);
            }
        }
        List<Path> files = OutputFiles.matching(annotations, "*-annotations-*.csv");
        for (Path file : files) {
            String name = file.getFileName().toString();
            String subset = name.replaceFirst("^oidv6-", "").replaceFirst("-annotations-.*$", "");
            for (Map<String, String> row : rows(outcome, file)) {
                String at = outcome + " " + name + " " + row;
                assertTrue(classes.contains(row.get("LabelName")), at + ": LabelName not declared");
                String image = row.get("ImageID");
                if (name.endsWith("-bbox.csv")) {
                    assertTrue(sized.contains(image)
                            || OutputFiles.imageNamed(outcome.output().resolve("images").resolve(subset), image) != null,
                            at + ": no size for the image (images.meta or the image)");
                    checkFractions(at, row, "XMin", "XMax", "YMin", "YMax");
                } else if (name.endsWith("-object-segmentation.csv")) {
                    Path mask = outcome.output().resolve("masks").resolve(subset).resolve(row.get("MaskPath"));
                    assertTrue(Files.isRegularFile(mask), at + ": no mask " + outcome.output().relativize(mask));
                }
            }
        }
    }

    private static void checkFractions(String at, Map<String, String> row, String... fields) {
        for (String field : fields) {
            String value = row.get(field);
            assertTrue(value != null && OutputFiles.isFloat(value), at + ": " + field + " is float()-read");
        }
    }

    /** A CSV with a header, as {@code csv.DictReader} reads it (quotes, commas in quotes). */
    private static List<Map<String, String>> rows(Outcome outcome, Path file) {
        assertTrue(Files.isRegularFile(file), outcome + ": no " + file.getFileName());
        List<String> lines = OutputFiles.lines(file);
        assertFalse(lines.isEmpty(), outcome + ": " + file.getFileName() + " has no header");
        List<String> header = fields(lines.get(0));
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> values = fields(line);
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.size() && i < values.size(); i++) {
                row.put(header.get(i), values.get(i));
            }
            rows.add(row);
        }
        return rows;
    }

    private static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}

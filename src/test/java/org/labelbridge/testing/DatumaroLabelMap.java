package org.labelbridge.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * label_colors.txt as Datumaro's {@code parse_label_map} reads it (CamVid, Cityscapes and KITTI
 * share it; CVAT imports through it): a line of more than two words is
 * {@code int(r) int(g) int(b) name} (everything but the last word goes through {@code int()},
 * the name is the fourth word), otherwise the first word is the name; names unique ("Label ...
 * is already defined"). For the consumer-contract tests.
 */
public final class DatumaroLabelMap {

    private DatumaroLabelMap() {
    }

    /** Label names in order, each with its colour as {@code 0xRRGGBB} or -1; asserts the rules. */
    public static Map<String, Integer> read(String where, Path file) {
        assertTrue(Files.isRegularFile(file), where + ": no " + file.getFileName());
        Map<String, Integer> labels = new LinkedHashMap<>();
        for (String line : OutputFiles.lines(file)) {
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            String[] words = text.split("\\s+");
            String name = words[0];
            int colour = -1;
            if (words.length > 2) {
                assertEquals(4, words.length, where + " " + file.getFileName()
                        + ": 'r g b name', a name without spaces: " + line);
                colour = 0;
                for (int k = 0; k < 3; k++) {
                    assertTrue(OutputFiles.isInt(words[k]), where + " " + file.getFileName() + ": int(" + words[k] + ")");
                    colour = colour << 8 | Integer.parseInt(words[k]);
                }
                name = words[3];
            }
            assertTrue(labels.put(name, colour) == null,
                    where + " " + file.getFileName() + ": label '" + name + "' is already defined");
        }
        return labels;
    }
}

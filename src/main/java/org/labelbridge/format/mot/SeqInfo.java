package org.labelbridge.format.mot;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.FormatException;
import org.labelbridge.format.common.TextFiles;

/**
 * seqinfo.ini of a MOT sequence: where its frames are and how many, and their size.
 * {@code key=value} lines, keys in any case; {@code [Sequence]} and other lines are skipped.
 */
record SeqInfo(String imageDir, long length, int width, int height, String imageExt) {

    static SeqInfo read(DatasetSource source, String path) throws IOException {
        String file = source.describe(path);
        Map<String, String> values = new HashMap<>();
        Map<String, Integer> lines = new HashMap<>();
        try (BufferedReader in = TextFiles.open(source, path)) {
            int number = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                number++;
                int equals = line.indexOf('=');
                if (equals > 0) {
                    String key = line.substring(0, equals).strip().toLowerCase(Locale.ROOT);
                    values.put(key, line.substring(equals + 1).strip());
                    lines.put(key, number);
                }
            }
        }
        Fields fields = new Fields(file, values, lines);
        String ext = fields.text("imExt");
        return new SeqInfo(fields.text("imDir"), fields.positive("seqLength"), (int) fields.positive("imWidth"),
                (int) fields.positive("imHeight"), ext.startsWith(".") ? ext : "." + ext);
    }

    private record Fields(String file, Map<String, String> values, Map<String, Integer> lines) {

        String text(String key) throws FormatException {
            String value = values.get(key.toLowerCase(Locale.ROOT));
            if (value == null || value.isEmpty()) {
                throw FormatException.at(file, null, "expected a line " + key + "=<value>");
            }
            return value;
        }

        long positive(String key) throws FormatException {
            String text = text(key);
            try {
                long value = Long.parseLong(text);
                if (value > 0 && value <= Integer.MAX_VALUE) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw FormatException.at(file, "line " + lines.get(key.toLowerCase(Locale.ROOT)),
                    key + " must be a positive whole number, got '" + text + "'");
        }
    }
}

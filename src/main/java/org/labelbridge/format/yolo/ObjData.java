package org.labelbridge.format.yolo;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.common.TextFiles;

/**
 * Darknet's obj.data: {@code key = value} lines. The settings ({@code classes}, {@code names},
 * {@code backup}, ...) are known; every other key names a subset and its list file.
 */
final class ObjData {

    /** One {@code key = value} line. */
    record Entry(String key, String value, int line) {
    }

    private static final Pattern LINE = Pattern.compile("^\\s*(\\w+)\\s*=\\s*(.*?)\\s*$");
    /** A trailing {@code # comment}, as the spec's own example writes them. */
    private static final Pattern TRAILING_COMMENT = Pattern.compile("\\s+#.*$");

    private final Map<String, Entry> entries;

    private ObjData(Map<String, Entry> entries) {
        this.entries = entries;
    }

    static ObjData read(DatasetSource source, String path) throws IOException {
        Map<String, Entry> entries = new LinkedHashMap<>();
        try (BufferedReader in = TextFiles.open(source, path)) {
            int number = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                number++;
                Entry entry = parse(line, number);
                if (entry != null) {
                    entries.remove(entry.key()); // the last one counts, in its own position
                    entries.put(entry.key(), entry);
                }
            }
        }
        return new ObjData(entries);
    }

    /** The line as an entry, or {@code null} for blank, comment and unrecognised lines. */
    static Entry parse(String line, int number) {
        String trimmed = line.strip();
        if (trimmed.startsWith("#") || trimmed.startsWith(";")) {
            return null;
        }
        Matcher m = LINE.matcher(line);
        if (!m.matches()) {
            return null;
        }
        String value = TRAILING_COMMENT.matcher(m.group(2)).replaceFirst("");
        return value.isEmpty() ? null : new Entry(m.group(1), value, number);
    }

    Entry get(String key) {
        return entries.get(key);
    }

    /** The subset entries, in file order. */
    List<Entry> subsets() {
        List<Entry> subsets = new ArrayList<>();
        for (Entry entry : entries.values()) {
            if (!YoloLayout.SETTINGS.contains(entry.key())) {
                subsets.add(entry);
            }
        }
        return subsets;
    }
}

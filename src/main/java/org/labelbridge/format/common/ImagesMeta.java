package org.labelbridge.format.common;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.FormatException;

/**
 * Datumaro's images.meta: {@code <item id> <height> <width>} per line, shell-quoted, {@code #}
 * comments. It carries image sizes when the images themselves are not in the dataset, which
 * formats with relative coordinates (YOLO, Ultralytics, Open Images) cannot do without.
 */
public final class ImagesMeta {

    private final Map<String, ImageHeaders.Size> sizes;

    private ImagesMeta(Map<String, ImageHeaders.Size> sizes) {
        this.sizes = sizes;
    }

    public static final ImagesMeta NONE = new ImagesMeta(Map.of());

    public static ImagesMeta read(DatasetSource source, String path) throws IOException {
        Map<String, ImageHeaders.Size> sizes = new HashMap<>();
        try (BufferedReader in = TextFiles.open(source, path)) {
            int number = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                number++;
                List<String> fields = split(line);
                if (fields == null) {
                    throw FormatException.at(source.describe(path), "line " + number, "unclosed quote");
                }
                if (fields.isEmpty()) {
                    continue;
                }
                if (fields.size() < 3) {
                    throw FormatException.at(source.describe(path), "line " + number,
                            "expected '<item id> <height> <width>', got " + fields.size() + " fields");
                }
                int height = positive(fields.get(1), source.describe(path), number, "height");
                int width = positive(fields.get(2), source.describe(path), number, "width");
                sizes.putIfAbsent(fields.get(0), new ImageHeaders.Size(width, height));
            }
        }
        return new ImagesMeta(sizes);
    }

    public ImageHeaders.Size size(String itemId) {
        return sizes.get(itemId);
    }

    /** The line for one item, quoting the id when the shell would split it. */
    public static String line(String itemId, int width, int height) {
        return quote(itemId) + " " + height + " " + width + "\n";
    }

    private static int positive(String field, String file, int number, String what) throws FormatException {
        try {
            int value = Integer.parseInt(field);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw FormatException.at(file, "line " + number, "expected the image " + what
                + " as a positive whole number, got '" + field + "'");
    }

    public static String quote(String s) {
        if (!s.isEmpty() && s.chars().allMatch(c -> c > ' ' && c != '\'' && c != '"' && c != '\\' && c != '#')) {
            return s;
        }
        return "'" + s.replace("'", "'\"'\"'") + "'";
    }

    /** POSIX shell-like words of a line ({@code shlex.split(line, comments=True)}); null on an open quote. */
    static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                i++;
            } else if (c == '#' && !inWord) {
                break;
            } else if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                if (end < 0) {
                    return null;
                }
                word.append(line, i + 1, end);
                inWord = true;
                i = end + 1;
            } else if (c == '"') {
                int j = i + 1;
                while (j < line.length() && line.charAt(j) != '"') {
                    boolean escape = line.charAt(j) == '\\' && j + 1 < line.length()
                            && "\"\\$`".indexOf(line.charAt(j + 1)) >= 0;
                    word.append(line.charAt(escape ? j + 1 : j));
                    j += escape ? 2 : 1;
                }
                if (j >= line.length()) {
                    return null;
                }
                inWord = true;
                i = j + 1;
            } else if (c == '\\' && i + 1 < line.length()) {
                word.append(line.charAt(i + 1));
                inWord = true;
                i += 2;
            } else {
                word.append(c);
                inWord = true;
                i++;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}

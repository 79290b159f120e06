package org.labelbridge.format.openimages;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.FormatException;

/**
 * Datumaro's {@code images.meta}: {@code <item id> <height> <width>} per line, words quoted as
 * a POSIX shell quotes them, {@code #} starting a comment. It gives image sizes that Open
 * Images' normalised coordinates need when the images are not in the dataset.
 */
final class ImageMeta {

    /** A size, {@code width x height} in pixels. */
    record Size(int width, int height) {
    }

    private final Map<String, Size> sizes;

    private ImageMeta(Map<String, Size> sizes) {
        this.sizes = sizes;
    }

    static final ImageMeta NONE = new ImageMeta(Map.of());

    static ImageMeta read(DatasetSource source, String path) throws IOException {
        Map<String, Size> sizes = new HashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(source.open(path), StandardCharsets.UTF_8))) {
            int number = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                number++;
                List<String> words = words(line);
                if (words == null) {
                    throw FormatException.at(source.describe(path), "line " + number, "a quote is not closed");
                }
                if (words.isEmpty()) {
                    continue;
                }
                if (words.size() < 3) {
                    throw FormatException.at(source.describe(path), "line " + number,
                            "expected '<item id> <height> <width>', got " + words.size() + " field(s)");
                }
                int height = positive(words.get(1), source.describe(path), number, "height");
                int width = positive(words.get(2), source.describe(path), number, "width");
                sizes.put(words.get(0), new Size(width, height));
            }
        }
        return new ImageMeta(sizes);
    }

    /** The size of an item's image, or null when the file does not give it. */
    Size size(String itemId) {
        return sizes.get(itemId);
    }

    /** The line for one item. */
    static String line(String itemId, int width, int height) {
        return quote(itemId) + " " + height + " " + width + "\n";
    }

    private static int positive(String word, String file, int number, String what) throws FormatException {
        try {
            int value = Integer.parseInt(word);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw FormatException.at(file, "line " + number, "expected the " + what + " as a whole number above 0, got '"
                + word + "'");
    }

    /** The word as {@code shlex.quote} writes it: bare when safe, else in single quotes. */
    static String quote(String word) {
        if (!word.isEmpty() && word.matches("[\\w@%+=:,./-]+")) {
            return word;
        }
        return "'" + word.replace("'", "'\"'\"'") + "'";
    }

    /** The words of a line as {@code shlex.split(line, comments=True)} gives them; null on an open quote. */
    static List<String> words(String line) {
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
                    boolean escape = line.charAt(j) == '\\' && j + 1 < line.length() && "\"\\$`".indexOf(line.charAt(j + 1)) >= 0;
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

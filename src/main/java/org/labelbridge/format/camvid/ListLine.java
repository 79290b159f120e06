package org.labelbridge.format.camvid;

import java.util.ArrayList;
import java.util.List;
import org.labelbridge.format.FormatException;
import org.labelbridge.format.common.ImageFiles;

/**
 * One line of a {@code <subset>.txt} list: the image path and, when the item has one, its
 * mask path, both from the dataset root with a leading {@code /}; a path holding whitespace
 * is in double quotes.
 *
 * @param image the image path without its leading {@code /}
 * @param mask  the mask path without its leading {@code /}, or {@code null}
 */
record ListLine(String image, String mask) {

    /** Parses a non-blank line; errors name the file and line. */
    static ListLine parse(String text, String file, int lineNumber) throws FormatException {
        List<String> paths = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"') {
                int close = text.indexOf('"', i + 1);
                if (close < 0) {
                    throw FormatException.at(file, "line " + lineNumber, "a quoted path has no closing '\"'");
                }
                paths.add(text.substring(i + 1, close));
                i = close + 1;
            } else {
                int end = i;
                while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
                    end++;
                }
                paths.add(text.substring(i, end));
                i = end;
            }
        }
        if (paths.isEmpty() || paths.size() > 2 || paths.stream().anyMatch(p -> stripSlash(p).isEmpty())) {
            throw FormatException.at(file, "line " + lineNumber, "expected an image path and, optionally, a mask path"
                    + " ('/train/a.png /trainannot/a.png'), got " + paths.size() + " value(s): '" + text + "'");
        }
        return new ListLine(stripSlash(paths.get(0)), paths.size() > 1 ? stripSlash(paths.get(1)) : null);
    }

    private static String stripSlash(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }

    /** The item id: the image path below its subset folder, without extension (as CVAT's reader takes it). */
    String itemId() {
        int slash = image.indexOf('/');
        return ImageFiles.stripExtension(slash >= 0 ? image.substring(slash + 1) : image);
    }

    /** The line as written: {@code /image /mask}, both quoted when either holds whitespace. */
    String format() {
        String imagePath = "/" + image;
        String maskPath = mask == null ? null : "/" + mask;
        boolean quote = imagePath.matches(".*\\s.*") || (maskPath != null && maskPath.matches(".*\\s.*"));
        if (quote) {
            imagePath = '"' + imagePath + '"';
            maskPath = maskPath == null ? null : '"' + maskPath + '"';
        }
        return maskPath == null ? imagePath : imagePath + " " + maskPath;
    }
}

package org.labelbridge.format.imagenet;

import java.util.ArrayList;
import java.util.List;
import org.labelbridge.format.common.ImageFiles;

/**
 * One line of a text-layout {@code <subset>.txt}: {@code <image file> <label index>...}. A name
 * with spaces is quoted and the extension follows the closing quote: {@code "my image".jpg 3}.
 *
 * @param id     the item id: the image name without extension
 * @param image  the image file name as written
 * @param labels label indices, in line order
 */
record ImageNetLine(String id, String image, List<Integer> labels) {

    /** Parses a non-blank line; the message of the exception says what is wrong. */
    static ImageNetLine parse(String line) {
        String id;
        String image;
        String rest;
        String trimmed = line.strip();
        if (trimmed.startsWith("\"")) {
            int close = trimmed.indexOf('"', 1);
            if (close < 0 || trimmed.indexOf('"', close + 1) >= 0) {
                throw new IllegalArgumentException("expected one quoted image name, got " + trimmed);
            }
            id = trimmed.substring(1, close);
            rest = trimmed.substring(close + 1);
            String ext = "";
            if (!rest.isEmpty() && !Character.isWhitespace(rest.charAt(0))) {
                String[] split = rest.split("\\s+", 2);
                ext = split[0];
                rest = split.length > 1 ? split[1] : "";
            }
            image = id + ext;
        } else {
            if (trimmed.indexOf('"') >= 0) {
                throw new IllegalArgumentException("a quoted image name must start the line: " + trimmed);
            }
            String[] split = trimmed.split("\\s+", 2);
            image = split[0];
            rest = split.length > 1 ? split[1] : "";
            String ext = ImageFiles.extension(image);
            id = image.substring(0, image.length() - ext.length());
        }
        List<Integer> labels = new ArrayList<>();
        for (String token : rest.strip().split("\\s+")) {
            if (token.isEmpty()) {
                continue;
            }
            try {
                int label = Integer.parseInt(token);
                if (label < 0) {
                    throw new IllegalArgumentException("label index must not be negative, got " + token);
                }
                labels.add(label);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("expected label indices after the image name, got '" + token + "'");
            }
        }
        return new ImageNetLine(id, image, labels);
    }

    /** The image token as a line writes it: quoted when the id holds whitespace. */
    static String imageToken(String id, String extension) {
        return id.chars().anyMatch(Character::isWhitespace) ? "\"" + id + "\"" + extension : id + extension;
    }
}

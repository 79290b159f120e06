package org.labelbridge.format.icdar;

import org.labelbridge.format.common.ImageFiles;

/**
 * A line of a word recognition {@code gt.txt}: {@code word_1.png, "PROPER"}. The text is in
 * double quotes, {@code \"} and {@code \\} escaped; a line may name an image without text
 * ({@code word_1.png,}).
 *
 * @param image   the image's path in the subset's {@code images/} folder
 * @param caption the text, or null when the line has none
 */
record RecognitionLine(String image, String caption) {

    static final String FORM = "expected '<image>, \"<text>\"'";

    static RecognitionLine parse(String line) throws MalformedLine {
        String text = line.strip();
        int comma = text.indexOf(',');
        if (comma < 0) {
            throw new MalformedLine(FORM + ", found no comma");
        }
        String image = text.substring(0, comma).strip();
        if (image.isEmpty()) {
            throw new MalformedLine(FORM + ", the image name is empty");
        }
        String rest = text.substring(comma + 1).strip();
        if (rest.isEmpty()) {
            return new RecognitionLine(image, null);
        }
        if (rest.charAt(0) != '"') {
            return new RecognitionLine(image, rest); // unquoted text, taken as it is
        }
        if (rest.length() < 2 || rest.charAt(rest.length() - 1) != '"' || escapedAt(rest, rest.length() - 1)) {
            throw new MalformedLine(FORM + ", the text's closing quote is missing");
        }
        return new RecognitionLine(image, IcdarText.unescape(rest));
    }

    /** Whether the line could be a recognition line: its first field names an image file. */
    static boolean looksLikeOne(String line) {
        try {
            return ImageFiles.isImage(parse(line).image());
        } catch (MalformedLine e) {
            return false;
        }
    }

    /** The line for an image and its text ({@code null} for none). */
    static String format(String image, String caption) {
        return caption == null ? image + "," : image + ", " + IcdarText.quoteEscaped(caption);
    }

    private static boolean escapedAt(String text, int index) {
        int backslashes = 0;
        for (int i = index - 1; i > 0 && text.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }
}

package org.labelbridge.format.icdar;

import org.labelbridge.model.Rgb;

/**
 * A line of a text segmentation {@code *_GT.txt}: one character,
 * {@code R G B cx cy x1 y1 x2 y2 "c"} - its colour in the {@code _GT.bmp}, its centre, its
 * box and the character. A line starting with {@code #} is a space character. Blank lines
 * separate words.
 *
 * @param center the centre as written ({@code "cx cy"}), or null when it is {@code "- -"}
 * @param text   the character (or characters) between the quotes
 */
record SegmentationLine(Rgb colour, String center, int[] box, String text) {

    static final String FORM = "expected 'R G B cx cy x1 y1 x2 y2 \"char\"'";
    static final String NO_CENTER = "- -";

    static SegmentationLine parse(String line) throws MalformedLine {
        String rest = line.strip();
        if (rest.startsWith("#")) {
            rest = rest.substring(1); // a space character: the quotes hold " "
        }
        String[] tokens = new String[9];
        int at = 0;
        for (int t = 0; t < tokens.length; t++) {
            while (at < rest.length() && Character.isWhitespace(rest.charAt(at))) {
                at++;
            }
            int start = at;
            while (at < rest.length() && !Character.isWhitespace(rest.charAt(at))) {
                at++;
            }
            if (start == at) {
                throw new MalformedLine(FORM + ", found " + t + " field" + (t == 1 ? "" : "s"));
            }
            tokens[t] = rest.substring(start, at);
        }
        String text = rest.substring(at).strip();
        if (text.isEmpty()) {
            throw new MalformedLine(FORM + ", the character is missing");
        }
        if (text.length() >= 2 && text.charAt(0) == '"' && text.charAt(text.length() - 1) == '"') {
            text = text.substring(1, text.length() - 1);
        } else if (text.indexOf('"') >= 0 || text.indexOf(' ') >= 0) {
            throw new MalformedLine(FORM + ", the character is not between double quotes: " + text);
        }
        Rgb colour = new Rgb(channel(tokens[0], "red"), channel(tokens[1], "green"), channel(tokens[2], "blue"));
        String center = tokens[3] + " " + tokens[4];
        int[] box = new int[4];
        for (int i = 0; i < 4; i++) {
            box[i] = coordinate(tokens[5 + i]);
        }
        return new SegmentationLine(colour, center.equals(NO_CENTER) ? null : center, box, text);
    }

    /** The line for one character. */
    static String format(Rgb colour, String center, int[] box, String text) {
        return (text.equals(" ") ? "#" : "") + colour.r() + " " + colour.g() + " " + colour.b() + " "
                + (center == null ? NO_CENTER : center) + " " + box[0] + " " + box[1] + " " + box[2] + " " + box[3]
                + " \"" + text + "\"";
    }

    private static int channel(String token, String name) throws MalformedLine {
        try {
            int value = Integer.parseInt(token);
            if (value >= 0 && value <= 255) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new MalformedLine(FORM + ", the " + name + " channel must be a whole number 0..255, got '" + token + "'");
    }

    /** A box coordinate; Datumaro ignores them, so {@code -} is let through as -1. */
    private static int coordinate(String token) throws MalformedLine {
        if (token.equals("-")) {
            return -1;
        }
        try {
            return (int) Math.round(Double.parseDouble(token));
        } catch (NumberFormatException e) {
            throw new MalformedLine(FORM + ", the box coordinates must be numbers, got '" + token + "'");
        }
    }
}

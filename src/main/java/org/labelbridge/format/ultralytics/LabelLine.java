package org.labelbridge.format.ultralytics;

import java.util.regex.Pattern;
import org.labelbridge.format.FormatException;
import org.labelbridge.model.Track;

/**
 * One line of a label file, split into its fields, with the checks every task needs. Errors
 * name the file and the line.
 */
final class LabelLine {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    /** Plain decimal numbers only: Java would also take "NaN", "Infinity", "1d" and hex. */
    static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
    private static final Pattern WHOLE = Pattern.compile("[-+]?\\d+");

    private final String file;
    private final int number;
    private final String text;
    private final String[] fields;

    LabelLine(String file, int number, String text) {
        this.file = file;
        this.number = number;
        this.text = text.strip();
        this.fields = WHITESPACE.split(this.text);
    }

    static String[] fields(String text) {
        return WHITESPACE.split(text.strip());
    }

    int size() {
        return fields.length;
    }

    private String where() {
        return "line " + number;
    }

    /** The class id in the first field. */
    int classId() throws FormatException {
        String field = fields[0];
        if (!field.matches("\\d+")) {
            throw error("expected a class id (a whole number from 0) first, got '" + field + "'");
        }
        try {
            return Integer.parseInt(field);
        } catch (NumberFormatException e) {
            throw error("the class id " + field + " is too large");
        }
    }

    /** Field {@code i} as a finite number. */
    double number(int i, String what) throws FormatException {
        String field = fields[i];
        if (!NUMBER.matcher(field).matches()) {
            throw error("expected a number for " + what + ", got '" + field + "'");
        }
        double value = Double.parseDouble(field);
        if (!Double.isFinite(value)) {
            throw error(what + " '" + field + "' is out of range");
        }
        return value;
    }

    /** Whether field {@code i} is a whole number, as a trailing track id is. */
    boolean isWhole(int i) {
        return WHOLE.matcher(fields[i]).matches();
    }

    /** Field {@code i} as the track id CVAT appends to a line. */
    Track track(int i) throws FormatException {
        if (!isWhole(i)) {
            throw error("expected a whole number track id last, got '" + fields[i] + "'");
        }
        try {
            return new Track(Long.parseLong(fields[i]), true, false);
        } catch (NumberFormatException e) {
            throw error("the track id " + fields[i] + " is too large");
        }
    }

    FormatException error(String message) {
        return FormatException.at(file, where(), message + ": '" + abbreviated() + "'");
    }

    private String abbreviated() {
        return text.length() <= 120 ? text : text.substring(0, 117) + "...";
    }
}

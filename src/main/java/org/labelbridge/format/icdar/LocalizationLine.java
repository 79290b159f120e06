package org.labelbridge.format.icdar;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A line of a text localization file: a box {@code xmin ymin xmax ymax} or a quadrilateral
 * {@code x1,y1,...,x4,y4}, then its text, quoted or not. Numbers are separated by commas or by
 * white space (ICDAR 2013 uses one, 2015 the other; Datumaro writes boxes with spaces and
 * quadrilaterals with commas). Polygons of more than four points are read whole.
 *
 * @param coordinates 4 numbers for a box (two corners), an even number from 6 up for a polygon
 * @param text        the text, or null when the line has none
 */
record LocalizationLine(double[] coordinates, String text) {

    static final String FORM = "expected 'xmin ymin xmax ymax \"text\"' or 'x1,y1,x2,y2,x3,y3,x4,y4,\"text\"'";

    boolean isBox() {
        return coordinates.length == 4;
    }

    static LocalizationLine parse(String line) throws MalformedLine {
        String rest = line.strip();
        String quoted = null;
        int open = rest.indexOf('"');
        if (open >= 0) {
            int close = rest.lastIndexOf('"');
            if (close == open) {
                throw new MalformedLine(FORM + ", the text's closing quote is missing");
            }
            if (!rest.substring(close + 1).isBlank()) {
                throw new MalformedLine(FORM + ", found '" + rest.substring(close + 1).strip()
                        + "' after the quoted text");
            }
            quoted = rest.substring(open + 1, close);
            rest = rest.substring(0, open);
        }
        boolean commas = rest.indexOf(',') >= 0;
        List<String> fields = new ArrayList<>(Arrays.asList(commas ? rest.split(",", -1) : rest.strip().split("\\s+")));
        fields.replaceAll(String::strip);
        if (!fields.isEmpty() && fields.get(fields.size() - 1).isEmpty()) {
            fields.remove(fields.size() - 1); // the separator before the quoted text, or a trailing comma
        }
        List<Double> numbers = new ArrayList<>();
        while (numbers.size() < fields.size()) {
            Double value = number(fields.get(numbers.size()));
            if (value == null) {
                break;
            }
            numbers.add(value);
        }
        List<String> words = fields.subList(numbers.size(), fields.size());
        String text = quoted;
        if (quoted != null && !words.isEmpty()) {
            throw new MalformedLine(FORM + ", found '" + words.get(0) + "' where a number was expected");
        }
        if (quoted == null && !words.isEmpty()) {
            text = String.join(commas ? "," : " ", words);
        } else if (quoted == null && numbers.size() % 2 == 1) {
            text = fields.get(numbers.size() - 1); // an unquoted text that is a number ("2015")
            numbers.remove(numbers.size() - 1);
        }
        int n = numbers.size();
        if (n != 4 && (n < 6 || n % 2 != 0)) {
            throw new MalformedLine(FORM + ", found " + n + " number" + (n == 1 ? "" : "s")
                    + (n > 0 ? "" : " (got '" + (fields.isEmpty() ? "" : fields.get(0)) + "')"));
        }
        double[] coordinates = numbers.stream().mapToDouble(Double::doubleValue).toArray();
        return new LocalizationLine(coordinates, text);
    }

    private static Double number(String field) {
        if (field.isEmpty()) {
            return null;
        }
        char first = field.charAt(0);
        if (!(Character.isDigit(first) || first == '-' || first == '+' || first == '.')) {
            return null; // also keeps "NaN" and "Infinity" text
        }
        try {
            double value = Double.parseDouble(field);
            return Double.isFinite(value) ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LocalizationLine other && Arrays.equals(coordinates, other.coordinates)
                && Objects.equals(text, other.text);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(coordinates) + Objects.hashCode(text);
    }

    @Override
    public String toString() {
        return "LocalizationLine[" + Arrays.toString(coordinates) + ", " + text + "]";
    }
}

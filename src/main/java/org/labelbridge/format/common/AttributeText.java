package org.labelbridge.format.common;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Attribute values that a format keeps as text (CVAT's XML, KITTI's tracklets): typed back
 * only where the text is the canonical form of a type, as Datumaro's readers do, so
 * {@code "0003"} stays text while {@code "3"}, {@code "2.5"} and {@code "true"} do not.
 */
public final class AttributeText {

    private static final Pattern WHOLE = Pattern.compile("-?\\d{1,18}");

    private AttributeText() {
    }

    /** {@code true}/{@code false} as Boolean, a canonical integer as Long, a canonical number as Double, else the text. */
    public static Object infer(String text) {
        if ("true".equals(text) || "false".equals(text)) {
            return Boolean.valueOf(text);
        }
        Object number = number(text);
        return number != null && format(number).equals(text) ? number : text;
    }

    /** The text's number (Long when whole, else a finite Double), or {@code null}. */
    public static Object number(String text) {
        if (WHOLE.matcher(text).matches()) {
            return Long.parseLong(text);
        }
        try {
            double value = Double.parseDouble(text);
            return Double.isFinite(value) ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The text a value is kept as; a list is joined by commas. */
    public static String format(Object value) {
        if (value instanceof List<?> list) {
            StringBuilder text = new StringBuilder();
            for (Object element : list) {
                if (text.length() > 0) {
                    text.append(',');
                }
                text.append(format(element));
            }
            return text.toString();
        }
        return String.valueOf(value);
    }
}

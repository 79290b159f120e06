package org.labelbridge.format.cvat;

import java.util.List;
import java.util.regex.Pattern;
import org.labelbridge.model.AttributeDef;

/**
 * Attribute values between CVAT's text and the model's types. A declared attribute is typed by
 * its {@code input_type}: checkbox gives Boolean, number gives Long or Double, anything else
 * stays text (so {@code '0003'} of a text attribute stays {@code "0003"}). An undeclared one is
 * typed only where its text is the canonical form of that type.
 */
final class AttributeValues {

    private static final Pattern WHOLE = Pattern.compile("-?\\d{1,18}");

    private AttributeValues() {
    }

    static Object parse(AttributeDef def, String text) {
        if (def == null) {
            return infer(text);
        }
        switch (def.type()) {
            case CHECKBOX:
                return "true".equalsIgnoreCase(text.trim()) ? Boolean.TRUE
                        : "false".equalsIgnoreCase(text.trim()) ? Boolean.FALSE : text;
            case NUMBER:
                return number(text.trim(), text);
            default:
                return text;
        }
    }

    private static Object infer(String text) {
        if ("true".equals(text) || "false".equals(text)) {
            return Boolean.valueOf(text);
        }
        Object number = number(text, text);
        return number instanceof Number && format(number).equals(text) ? number : text;
    }

    private static Object number(String trimmed, String text) {
        if (WHOLE.matcher(trimmed).matches()) {
            return Long.parseLong(trimmed);
        }
        try {
            double value = Double.parseDouble(trimmed);
            return Double.isFinite(value) ? value : text;
        } catch (NumberFormatException e) {
            return text;
        }
    }

    /** The text CVAT keeps for a value; a list (which CVAT cannot hold) is joined by commas. */
    static String format(Object value) {
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

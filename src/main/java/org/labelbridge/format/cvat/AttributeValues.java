package org.labelbridge.format.cvat;

import org.labelbridge.format.common.AttributeText;
import org.labelbridge.model.AttributeDef;

/**
 * Attribute values between CVAT's text and the model's types. A declared attribute is typed by
 * its {@code input_type}: checkbox gives Boolean, number gives Long or Double, anything else
 * stays text (so {@code '0003'} of a text attribute stays {@code "0003"}). An undeclared one is
 * typed only where its text is the canonical form of that type.
 */
final class AttributeValues {

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
        return AttributeText.infer(text);
    }

    private static Object number(String trimmed, String text) {
        Object number = AttributeText.number(trimmed);
        return number == null ? text : number;
    }

    /** The text CVAT keeps for a value; a list (which CVAT cannot hold) is joined by commas. */
    static String format(Object value) {
        return AttributeText.format(value);
    }
}

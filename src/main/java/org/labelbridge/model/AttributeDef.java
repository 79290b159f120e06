package org.labelbridge.model;

import java.util.List;
import java.util.Objects;

/**
 * The definition of an attribute a label's annotations may carry.
 *
 * @param type         input type; {@code TEXT} when the source does not say
 * @param mutable      whether the value may change along a track
 * @param values       allowed values (select/radio), or range {@code min;max;step} parts (number)
 * @param defaultValue default value as text, or {@code ""}
 */
public record AttributeDef(String name, AttributeType type, boolean mutable, List<String> values,
                           String defaultValue) {

    public AttributeDef {
        Objects.requireNonNull(name, "attribute name");
        type = type == null ? AttributeType.TEXT : type;
        values = values == null ? List.of() : List.copyOf(values);
        defaultValue = defaultValue == null ? "" : defaultValue;
    }

    /** A free-text attribute known only by name. */
    public static AttributeDef named(String name) {
        return new AttributeDef(name, AttributeType.TEXT, false, List.of(), "");
    }
}

package org.labelbridge.convert;

import java.util.Objects;
import java.util.function.Function;

/**
 * One conversion option: its name, its default, how a given value is read, and what it means
 * (the CLI's usage and the README's table say the same). A value arrives as JSON gives it
 * (boolean, number, string, object as a map, array as a list) or, from the command line, as
 * text; {@link OptionValues} turns either into the option's type or says what was expected.
 *
 * @param name         the name users write ({@code shapes_to_boxes})
 * @param defaultValue the value when the option is not given
 * @param read         reads a given value (never null); throws IllegalArgumentException
 * @param help         one line on what it does, for usage texts
 */
public record Option<T>(String name, T defaultValue, Function<Object, T> read, String help) {

    public Option {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(read, "read");
        Objects.requireNonNull(help, "help");
    }

    T parse(Object value) {
        try {
            return read.apply(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("option '" + name + "' " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}

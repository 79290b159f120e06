package org.labelbridge.cli;

/**
 * An option a command accepts: {@code --name VALUE}, or {@code --name} alone when {@code value}
 * is null. Commands declare their flags once; the parser accepts exactly these and the usage
 * text lists exactly these.
 */
record Flag(String name, String value, String help, boolean required, boolean repeatable) {

    static Flag optional(String name, String value, String help) {
        return new Flag(name, value, help, false, false);
    }

    static Flag required(String name, String value, String help) {
        return new Flag(name, value, help, true, false);
    }

    static Flag repeatable(String name, String value, String help) {
        return new Flag(name, value, help, false, true);
    }

    /** A flag that takes no value. */
    static Flag alone(String name, String help) {
        return new Flag(name, null, help, false, false);
    }

    boolean takesValue() {
        return value != null;
    }

    /** {@code --name VALUE}. */
    String form() {
        return "--" + name + (takesValue() ? " " + value : "");
    }

    /** How the flag reads in a command's synopsis: {@code --to ID}, {@code [--from auto|ID]}, {@code [--option N=V]...}. */
    String synopsis() {
        return (required ? form() : "[" + form() + "]") + (repeatable ? "..." : "");
    }
}

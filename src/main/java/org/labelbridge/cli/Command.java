package org.labelbridge.cli;

import java.util.List;

/**
 * What a command is called, the flags it accepts, its operands, and the text {@code --help}
 * prints for it.
 *
 * @param operands what follows the flags in the synopsis, e.g. {@code IN OUT}
 * @param about    one or two sentences on what the command does
 * @param notes    what follows the list of flags (may be empty)
 */
record Command(String name, List<Flag> flags, String operands, String about, String notes) {

    /** {@code labelbridge convert [--from auto|ID] --to ID ... IN OUT}. */
    String synopsis() {
        StringBuilder line = new StringBuilder("labelbridge ").append(name);
        for (Flag flag : flags) {
            line.append(' ').append(flag.synopsis());
        }
        return operands.isEmpty() ? line.toString() : line.append(' ').append(operands).toString();
    }

    /** What {@code labelbridge NAME --help} prints. */
    String usage() {
        StringBuilder text = new StringBuilder("usage: ").append(synopsis()).append('\n').append(about).append('\n');
        for (Flag flag : flags) {
            text.append(String.format("  %-22s %s%n", flag.form(), flag.help()));
        }
        text.append(String.format("  %-22s %s%n", "-h, --help", "print this and exit"));
        if (!notes.isEmpty()) {
            text.append(notes).append('\n');
        }
        return text.toString().stripTrailing();
    }

    /** What a usage error prints after its message. */
    String hint() {
        return "usage: " + synopsis() + "\nTry 'labelbridge " + name + " --help' for more.";
    }
}

package org.labelbridge.format;

import java.io.IOException;

/**
 * Input that is not what its format requires. The message names the file, the line or entry,
 * and what was expected, so a user can find and fix it.
 */
public class FormatException extends IOException {

    public FormatException(String message) {
        super(message);
    }

    public FormatException(String message, Throwable cause) {
        super(message, cause);
    }

    /** {@code "<file>, <where>: <message>"}; {@code where} may be {@code null}. */
    public static FormatException at(String file, String where, String message) {
        return new FormatException(file + (where == null || where.isEmpty() ? "" : ", " + where) + ": " + message);
    }
}

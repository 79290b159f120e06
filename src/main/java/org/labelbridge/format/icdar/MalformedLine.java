package org.labelbridge.format.icdar;

/** A line that does not have its file's form; the reader adds the file and line number. */
final class MalformedLine extends Exception {

    MalformedLine(String message) {
        super(message, null, false, false);
    }
}

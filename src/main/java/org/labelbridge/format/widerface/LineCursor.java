package org.labelbridge.format.widerface;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;

/** The non-blank lines of a file, with one line of look-ahead and the current line number. */
final class LineCursor implements Closeable {

    private final BufferedReader in;
    private int readNumber;
    private String peeked;
    private int peekedNumber;
    private int number;

    LineCursor(BufferedReader in) {
        this.in = in;
    }

    /** The next non-blank line without taking it, or null at the end. */
    String peek() throws IOException {
        if (peeked == null) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                readNumber++;
                if (!line.isBlank()) {
                    peeked = line.strip();
                    peekedNumber = readNumber;
                    break;
                }
            }
        }
        return peeked;
    }

    /** The next non-blank line, stripped, or null at the end. */
    String take() throws IOException {
        String line = peek();
        if (line != null) {
            number = peekedNumber;
            peeked = null;
        }
        return line;
    }

    /** The 1-based number of the line last taken. */
    int number() {
        return number;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}

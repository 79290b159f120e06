package org.labelbridge.format.icdar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.FormatException;
import org.labelbridge.format.common.TextFiles;

/** Reading and writing ICDAR's text files: UTF-8 lines (the official files start with a BOM). */
final class IcdarText {

    private IcdarText() {
    }

    /** Receives one line of a file with its 1-based number. */
    @FunctionalInterface
    interface LineSink {
        void line(String text, int number) throws IOException;
    }

    /** Calls {@code sink} for every line of the file, a leading byte order mark skipped. */
    static void forEachLine(DatasetSource source, String path, LineSink sink) throws IOException {
        try (BufferedReader in = TextFiles.open(source, path)) {
            int number = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                number++;
                sink.line(line, number);
            }
        }
    }

    /** The first non-blank line of a file (at most {@code limit} bytes read), or null. */
    static String firstLine(DatasetSource source, String path, int limit) throws IOException {
        String head = TextFiles.head(source, path, limit);
        for (String line : head.split("\r?\n", -1)) {
            if (!line.isBlank()) {
                return line;
            }
        }
        return null;
    }

    static FormatException lineError(DatasetSource source, String path, int number, String message) {
        return FormatException.at(source.describe(path), "line " + number, message);
    }

    /** {@code "text"} with {@code \} and {@code "} escaped by a backslash, as ICDAR's recognition files do. */
    static String quoteEscaped(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /** The text between the outer quotes, backslash escapes undone. */
    static String unescape(String quoted) {
        StringBuilder out = new StringBuilder(quoted.length());
        for (int i = 1; i < quoted.length() - 1; i++) {
            char c = quoted.charAt(i);
            if (c == '\\' && i + 1 < quoted.length() - 1) {
                c = quoted.charAt(++i);
            }
            out.append(c);
        }
        return out.toString();
    }

    /** Whether the text would break a line of an ICDAR file. */
    static boolean hasLineBreak(String text) {
        return text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0;
    }

    static String withoutLineBreaks(String text) {
        return text.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
    }

    static void writeLine(Writer out, String line) throws IOException {
        out.write(line);
        out.write('\n');
    }
}

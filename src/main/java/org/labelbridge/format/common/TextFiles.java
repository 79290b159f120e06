package org.labelbridge.format.common;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.nio.charset.StandardCharsets;
import org.labelbridge.format.DatasetSource;

/**
 * UTF-8 text files as written by hand or by tools on any system: a leading byte-order mark
 * (Notepad's, Excel's "CSV UTF-8", the official ICDAR files) is skipped, so that it never
 * becomes part of the first line, the first label or the first column's name. The one way
 * formats open their text files and read their detectors' heads.
 */
public final class TextFiles {

    private static final char BOM = '\uFEFF';

    private TextFiles() {
    }

    /** The file's lines, a leading byte-order mark skipped. */
    public static BufferedReader open(DatasetSource source, String path) throws IOException {
        return reader(source.open(path));
    }

    /** The stream's text as UTF-8, a leading byte-order mark skipped; closing the reader closes the stream. */
    public static BufferedReader reader(InputStream in) throws IOException {
        return new BufferedReader(new InputStreamReader(withoutBom(in), StandardCharsets.UTF_8));
    }

    /** The stream without the UTF-8 byte-order mark it may start with. */
    public static InputStream withoutBom(InputStream in) throws IOException {
        PushbackInputStream pushback = new PushbackInputStream(in, 3);
        byte[] start = pushback.readNBytes(3);
        boolean bom = start.length == 3 && (start[0] & 0xFF) == 0xEF && (start[1] & 0xFF) == 0xBB
                && (start[2] & 0xFF) == 0xBF;
        if (!bom) {
            pushback.unread(start);
        }
        return pushback;
    }

    /** At most {@code limit} bytes from the start of the file as UTF-8 text, for detectors, a byte-order mark skipped. */
    public static String head(DatasetSource source, String path, int limit) throws IOException {
        return withoutBom(new String(source.head(path, limit), StandardCharsets.UTF_8));
    }

    /** The text without the byte-order mark it may start with. */
    public static String withoutBom(String text) {
        return !text.isEmpty() && text.charAt(0) == BOM ? text.substring(1) : text;
    }
}

package org.labelbridge.format.yolo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.nio.charset.StandardCharsets;
import org.labelbridge.format.DatasetSource;

/** UTF-8 text files as written by hand on any system: a byte-order mark is skipped. */
final class TextFiles {

    private TextFiles() {
    }

    static BufferedReader open(DatasetSource source, String path) throws IOException {
        PushbackInputStream in = new PushbackInputStream(source.open(path), 3);
        byte[] start = in.readNBytes(3);
        boolean bom = start.length == 3 && (start[0] & 0xFF) == 0xEF && (start[1] & 0xFF) == 0xBB
                && (start[2] & 0xFF) == 0xBF;
        if (!bom) {
            in.unread(start);
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    }
}

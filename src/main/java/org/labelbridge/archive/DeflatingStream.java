package org.labelbridge.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Deflates what is written into another stream, raw (no zlib header, as zip entries hold it),
 * counting what a zip entry needs: the CRC of the bytes written and both sizes.
 * {@link #finish()} ends the deflating; the other stream is left open.
 */
final class DeflatingStream extends OutputStream {

    private final OutputStream out;
    private final Deflater deflater;
    private final CRC32 crc = new CRC32();
    private final byte[] buffer = new byte[1 << 16];
    private long size;
    private long compressedSize;
    private boolean finished;

    DeflatingStream(OutputStream out, int level) {
        this.out = out;
        this.deflater = new Deflater(level, true);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        crc.update(b, off, len);
        size += len;
        deflater.setInput(b, off, len);
        while (!deflater.needsInput()) {
            drain();
        }
    }

    private void drain() throws IOException {
        int n = deflater.deflate(buffer, 0, buffer.length);
        compressedSize += n;
        out.write(buffer, 0, n);
    }

    /** Writes the end of the deflated data and frees the deflater; idempotent. */
    void finish() throws IOException {
        if (finished) {
            return;
        }
        finished = true;
        try {
            deflater.finish();
            while (!deflater.finished()) {
                drain();
            }
        } finally {
            deflater.end();
        }
    }

    long crc() {
        return crc.getValue();
    }

    long size() {
        return size;
    }

    long compressedSize() {
        return compressedSize;
    }
}

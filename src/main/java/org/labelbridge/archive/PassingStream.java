package org.labelbridge.archive;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A stream read once from its first byte that counts what passes (so that a tar entry's data
 * offset is known when its header has been read) and, when given a scratch copy, writes it
 * there too. A skip reads through: every byte passes, and a store read by ranges is never
 * asked for a range of its own to jump over an entry.
 */
final class PassingStream extends FilterInputStream {

    private final ScratchCopy copy;
    private final byte[] skipped = new byte[1 << 16];
    private long position;

    /** @param copy where what passes is written too, or null */
    PassingStream(InputStream in, ScratchCopy copy) {
        super(in);
        this.copy = copy;
    }

    /** Bytes read so far: the offset of the next. */
    long position() {
        return position;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) {
            position += n;
            if (copy != null) {
                copy.write(b, off, n);
            }
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long done = 0;
        while (done < n) {
            int read = read(skipped, 0, (int) Math.min(skipped.length, n - done));
            if (read < 0) {
                break;
            }
            done += read;
        }
        return done;
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}

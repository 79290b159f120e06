package org.labelbridge.archive;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.labelbridge.format.FormatException;

/**
 * An entry's bytes, refused past the size its archive declared for it: a zip's directory can
 * claim a few bytes for an entry that inflates to gigabytes, and nothing else would notice.
 * Data that cannot be decompressed is an error naming the archive and the entry.
 */
final class DeclaredSizeStream extends FilterInputStream {

    private final long declared;
    private final String what;
    private long read;

    /** @param what the archive and entry, for the message */
    DeclaredSizeStream(InputStream in, long declared, String what) {
        super(in);
        this.declared = declared;
        this.what = what;
    }

    @Override
    public int read() throws IOException {
        int b;
        try {
            b = super.read();
        } catch (FormatException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw corrupt(e);
        }
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int off, int len) throws IOException {
        int n;
        try {
            n = super.read(buffer, off, len);
        } catch (FormatException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw corrupt(e);
        }
        if (n > 0) {
            count(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped;
        try {
            skipped = super.skip(n);
        } catch (FormatException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw corrupt(e);
        }
        if (skipped > 0) {
            count(skipped);
        }
        return skipped;
    }

    private FormatException corrupt(Exception e) {
        return new FormatException(what + " is corrupt (" + e.getMessage() + ")", e);
    }

    private void count(long n) throws UnsafeArchiveException {
        read += n;
        if (read > declared) {
            throw new UnsafeArchiveException(what + " holds more than the " + declared
                    + " bytes its archive declares (a zip bomb?)");
        }
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}

package org.labelbridge.archive;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;

/**
 * {@code length} bytes of a channel from {@code offset}, read in chunks of up to
 * {@value #CHUNK} bytes. The channel is shared by every reader of the archive (the pipeline's
 * and the output writer's threads): each chunk is read with a {@code position} then a
 * {@code read} under the channel's lock, so that no other reader moves it between the two.
 */
final class ChannelSliceStream extends InputStream {

    static final int CHUNK = 1 << 16;

    private final SeekableByteChannel channel;
    private final String what;
    private long next;
    private long remaining;
    private ByteBuffer chunk;

    /** @param what the archive and entry, for the message when the channel ends early */
    ChannelSliceStream(SeekableByteChannel channel, long offset, long length, String what) {
        this.channel = channel;
        this.what = what;
        this.next = offset;
        this.remaining = length;
    }

    @Override
    public int read() throws IOException {
        return fill() ? chunk.get() & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, chunk.remaining());
        chunk.get(b, off, n);
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        if (n <= 0) {
            return 0;
        }
        long buffered = chunk == null ? 0 : chunk.remaining();
        if (n <= buffered) {
            chunk.position(chunk.position() + (int) n);
            return n;
        }
        long skipped = buffered + Math.min(n - buffered, remaining);
        next += skipped - buffered;
        remaining -= skipped - buffered;
        chunk = null;
        return skipped;
    }

    @Override
    public int available() {
        return chunk == null ? 0 : chunk.remaining();
    }

    /** Whether bytes are buffered, reading the next chunk when none are; false at the end. */
    private boolean fill() throws IOException {
        if (chunk != null && chunk.hasRemaining()) {
            return true;
        }
        if (remaining == 0) {
            return false;
        }
        if (chunk == null) {
            chunk = ByteBuffer.allocate((int) Math.min(CHUNK, remaining));
        }
        chunk.clear().limit((int) Math.min(chunk.capacity(), remaining));
        synchronized (channel) {
            channel.position(next);
            while (chunk.hasRemaining()) {
                if (channel.read(chunk) < 0) {
                    throw new EOFException(what + " ends " + (remaining - chunk.position()) + " bytes early");
                }
            }
        }
        chunk.flip();
        next += chunk.remaining();
        remaining -= chunk.remaining();
        return true;
    }
}

package org.labelbridge.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads a stream ahead on a thread of its own, so that inflating a large compressed entry (a
 * 200 MB COCO file is 60 MB deflated) runs on the second core while the reader parses what is
 * already inflated. At most {@value #CHUNKS} chunks of {@value #CHUNK_SIZE} bytes wait, so
 * memory stays bounded. A failure of the underlying stream is thrown by the read that reaches
 * it, with its own message.
 */
final class ReadAheadStream extends InputStream {

    static final int CHUNK_SIZE = 1 << 18;
    static final int CHUNKS = 4;

    /** A piece of the stream: bytes, the end, or the failure that ended it. */
    private record Chunk(byte[] bytes, int length, IOException failure) {
        static final Chunk END = new Chunk(null, -1, null);
    }

    private final InputStream in;
    private final BlockingQueue<Chunk> queue = new ArrayBlockingQueue<>(CHUNKS);
    private final Thread thread;
    private volatile boolean closed;
    private Chunk current;
    private int position;
    private boolean ended;

    ReadAheadStream(InputStream in, String name) {
        this.in = in;
        this.thread = new Thread(this::fill, "labelbridge-read " + name);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void fill() {
        try {
            while (!closed) {
                byte[] bytes = new byte[CHUNK_SIZE];
                int length = in.readNBytes(bytes, 0, CHUNK_SIZE);
                if (length > 0) {
                    queue.put(new Chunk(bytes, length, null));
                }
                if (length < CHUNK_SIZE) {
                    queue.put(Chunk.END);
                    return;
                }
            }
        } catch (IOException e) {
            putQuietly(new Chunk(null, -1, e));
        } catch (RuntimeException e) {
            putQuietly(new Chunk(null, -1, new IOException(e.getMessage(), e)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void putQuietly(Chunk chunk) {
        try {
            queue.put(chunk);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The chunk to read from, or null at the end. */
    private Chunk chunk() throws IOException {
        if (ended) {
            return null;
        }
        if (current == null || position == current.length) {
            try {
                current = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while reading ahead");
            }
            position = 0;
            if (current.failure != null) {
                ended = true;
                throw current.failure;
            }
            if (current == Chunk.END) {
                ended = true;
                return null;
            }
        }
        return current;
    }

    @Override
    public int read() throws IOException {
        Chunk chunk = chunk();
        return chunk == null ? -1 : chunk.bytes[position++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        Chunk chunk = chunk();
        if (chunk == null) {
            return -1;
        }
        int n = Math.min(len, chunk.length - position);
        System.arraycopy(chunk.bytes, position, b, off, n);
        position += n;
        return n;
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        // Never interrupt the reading thread: an interrupt closes the zip file's channel for
        // every reader. Emptying the queue lets it see the flag after at most one chunk.
        boolean interrupted = false;
        while (thread.isAlive()) {
            queue.clear();
            try {
                thread.join(10);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        in.close();
    }
}

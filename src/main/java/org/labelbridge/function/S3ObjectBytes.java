package org.labelbridge.function;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.labelbridge.archive.ArchiveBytes;
import org.labelbridge.archive.ScratchCopy;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * An S3 object read where it lies, by ranged GETs: nothing is downloaded to disk. Each channel
 * keeps a few ranges open ({@value #CURSORS}), so that two readers going their own ways (a
 * format's label files and the images copied beside them) do not close each other's ranges; a
 * read just ahead of an open range reads through to it. A range that is read to its end, or
 * followed by a read just past its end, is followed by the next, twice as long (from
 * {@value #FIRST_RANGE} bytes up to {@value #LONGEST_RANGE}), so a long sequential read (or one
 * that reads a little of every entry, such as each image's header) costs few requests, and a
 * jump costs a range of {@value #FIRST_RANGE} bytes. How much is read through rather than
 * jumped ({@value #SKIP_AHEAD} bytes) is about what a request's latency is worth. A range that fails (an
 * error, a body cut short) is opened again from where it broke, through {@link S3Retry}: a
 * failure costs one range, not the whole object. Every range is asked for with the ETag first
 * seen ({@code If-Match}), so an object replaced while it is read fails the conversion rather
 * than mixing two versions.
 */
final class S3ObjectBytes implements ArchiveBytes {

    static final int CURSORS = 4;
    /**
     * A new range (a jump) first asks for as much as a read may run through ({@link #SKIP_AHEAD}):
     * a read that stops there (an image's header, a drawn image) leaves little asked and unread.
     */
    static final long FIRST_RANGE = 256L << 10;
    static final long LONGEST_RANGE = 64L << 20;
    /**
     * A read this far ahead of an open range reads through to it rather than opening another:
     * about what a request's latency is worth in bytes (a few milliseconds at tens of MB/s).
     */
    static final long SKIP_AHEAD = 256L << 10;

    private final S3Client s3;
    private final S3Retry retry;
    private final S3Uri uri;
    private final String name;
    private final long size;
    private final String etag;
    private final Path workFolder;
    private final ScratchPlace scratchPlace;
    /** GETs opened, bytes they asked for, and bytes read from them: what reading the object cost. */
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong bytesAsked = new AtomicLong();
    private final AtomicLong bytesRead = new AtomicLong();

    /** Makes the scratch copies of an input (see {@link ArchiveBytes#scratch()}). */
    @FunctionalInterface
    interface ScratchPlace {
        ScratchCopy create() throws IOException;
    }

    private S3ObjectBytes(S3Client s3, S3Retry retry, S3Uri uri, String name, long size, String etag, Path workFolder,
                          ScratchPlace scratchPlace) {
        this.s3 = s3;
        this.retry = retry;
        this.uri = uri;
        this.name = name;
        this.size = size;
        this.etag = etag;
        this.workFolder = workFolder;
        this.scratchPlace = scratchPlace;
    }

    /** The same object, its scratch copies made by {@code place} rather than in the work folder. */
    S3ObjectBytes withScratch(ScratchPlace place) {
        return new S3ObjectBytes(s3, retry, uri, name, size, etag, workFolder, place);
    }

    @Override
    public ScratchCopy scratch() throws IOException {
        return scratchPlace == null ? ArchiveBytes.super.scratch() : scratchPlace.create();
    }

    /**
     * The object's size and ETag, asked once; a missing object is an error that names it.
     *
     * @param name       the file name the archive goes by (its extension matters)
     * @param workFolder where output files are spooled
     */
    static S3ObjectBytes open(S3Client s3, S3Retry retry, S3Uri uri, String name, Path workFolder) throws IOException {
        var head = retry.call("read the size of " + uri, () -> {
            try {
                return s3.headObject(b -> b.bucket(uri.bucket()).key(uri.key()));
            } catch (NoSuchKeyException e) {
                throw new IOException("no such object (deleted before it was processed?)", e);
            } catch (S3Exception e) {
                if (S3Retry.isTransient(e)) {
                    throw e;
                }
                if (e.statusCode() == 404) {
                    throw new IOException("no such object (deleted before it was processed?)", e);
                }
                throw new IOException("cannot read: " + S3Retry.describe(e), e);
            }
        });
        return new S3ObjectBytes(s3, retry, uri, name, head.contentLength(), head.eTag(), workFolder, null);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public Path workFolder() {
        return workFolder;
    }

    /** Ranged GETs made so far, over every channel of this object. */
    long requests() {
        return requests.get();
    }

    /** Bytes the ranged GETs asked for (a range abandoned part-way was asked for whole). */
    long bytesAsked() {
        return bytesAsked.get();
    }

    /** Bytes read from the ranged GETs, skipped ones included. */
    long bytesRead() {
        return bytesRead.get();
    }

    @Override
    public SeekableByteChannel channel() {
        return new RangedChannel();
    }

    @Override
    public InputStream stream() {
        return Channels.newInputStream(new RangedChannel());
    }

    /** One open range: its stream, the next byte it gives, where it ends, how long it was asked for. */
    private static final class Cursor {
        long next;
        long end;
        long length;
        ResponseInputStream<GetObjectResponse> in;
        long lastUsed;
    }

    /**
     * A channel over the object. A zip's entries are read through one channel from more than
     * one thread (see {@code archive/ZipSource}), each moving it and reading under its lock;
     * its own methods take that lock too, so that its ranges and position are never changed
     * by two threads at once.
     */
    private final class RangedChannel implements SeekableByteChannel {
        private final List<Cursor> cursors = new ArrayList<>();
        private long position;
        private long uses;
        private boolean open = true;

        @Override
        public synchronized int read(ByteBuffer dst) throws IOException {
            if (!open) {
                throw new ClosedChannelException();
            }
            if (position >= size) {
                return -1;
            }
            if (!dst.hasRemaining()) {
                return 0;
            }
            Cursor cursor = cursorAt(position);
            int wanted = (int) Math.min(dst.remaining(), cursor.end - cursor.next);
            int n;
            if (dst.hasArray()) {
                n = readFrom(cursor, dst.array(), dst.arrayOffset() + dst.position(), wanted);
                dst.position(dst.position() + n);
            } else {
                byte[] bytes = new byte[wanted];
                n = readFrom(cursor, bytes, 0, wanted);
                dst.put(bytes, 0, n);
            }
            position += n;
            return n;
        }

        /** The open range that reaches {@code at} (skipping a little), the range after one that ended there, or a new one. */
        private Cursor cursorAt(long at) throws IOException {
            Cursor chosen = null;
            for (Cursor c : cursors) {
                if (c.next <= at && at < c.end && at - c.next <= SKIP_AHEAD) {
                    chosen = c;
                    break;
                }
            }
            if (chosen == null) {
                for (Cursor c : cursors) {
                    // Read to its end, or to a little before where this read starts (a read just
                    // past it, such as the next image's header): go on from its end, with a
                    // longer range, reading through the gap.
                    if (c.end <= at && at - c.end <= SKIP_AHEAD) {
                        closeStream(c);
                        c.length = Math.min(LONGEST_RANGE, c.length * 2);
                        c.next = c.end;
                        c.end = Math.min(size, c.next + c.length);
                        chosen = c;
                        break;
                    }
                }
            }
            if (chosen == null) {
                if (cursors.size() == CURSORS) {
                    Cursor oldest = cursors.get(0);
                    for (Cursor c : cursors) {
                        oldest = c.lastUsed < oldest.lastUsed ? c : oldest;
                    }
                    closeStream(oldest);
                    cursors.remove(oldest);
                }
                chosen = new Cursor();
                chosen.length = FIRST_RANGE;
                chosen.next = at;
                chosen.end = Math.min(size, at + FIRST_RANGE);
                cursors.add(chosen);
            }
            chosen.lastUsed = ++uses;
            byte[] skipped = null;
            while (chosen.next < at) {
                skipped = skipped == null ? new byte[(int) Math.min(1 << 16, at - chosen.next)] : skipped;
                readFrom(chosen, skipped, 0, (int) Math.min(skipped.length, at - chosen.next));
            }
            return chosen;
        }

        /** Reads from the cursor's range, opening it (again, from where it stopped) as needed. */
        private int readFrom(Cursor c, byte[] b, int off, int len) throws IOException {
            return retry.call("read bytes " + c.next + "-" + (c.end - 1) + " of " + uri, () -> {
                if (c.in == null) {
                    c.in = openRange(c.next, c.end);
                }
                int n;
                try {
                    n = c.in.read(b, off, len);
                } catch (IOException e) {
                    closeStream(c);
                    throw new S3Retry.TruncatedTransferException("the range broke off at byte " + c.next + " ("
                            + e.getMessage() + ")");
                }
                if (n < 0) {
                    closeStream(c);
                    throw new S3Retry.TruncatedTransferException("the range ended at byte " + c.next + ", before "
                            + c.end);
                }
                c.next += n;
                bytesRead.addAndGet(n);
                return n;
            });
        }

        private ResponseInputStream<GetObjectResponse> openRange(long from, long end) throws IOException {
            requests.incrementAndGet();
            bytesAsked.addAndGet(end - from);
            try {
                return s3.getObject(b -> b.bucket(uri.bucket()).key(uri.key()).range("bytes=" + from + "-" + (end - 1))
                        .ifMatch(etag));
            } catch (NoSuchKeyException e) {
                throw new IOException("no such object (deleted while it was read?)", e);
            } catch (S3Exception e) {
                if (S3Retry.isTransient(e)) {
                    throw e;
                }
                if (e.statusCode() == 412) {
                    throw new IOException("the object changed while it was read (its ETag is no longer " + etag + ")", e);
                }
                throw new IOException("cannot read: " + S3Retry.describe(e), e);
            }
        }

        private void closeStream(Cursor c) {
            if (c.in != null) {
                c.in.abort(); // not drained: the rest of the range is not wanted
                c.in = null;
            }
        }

        @Override
        public int write(ByteBuffer src) {
            throw new NonWritableChannelException();
        }

        @Override
        public synchronized long position() {
            return position;
        }

        @Override
        public synchronized SeekableByteChannel position(long newPosition) {
            if (newPosition < 0) {
                throw new IllegalArgumentException("negative position " + newPosition);
            }
            position = newPosition;
            return this;
        }

        @Override
        public long size() {
            return size;
        }

        @Override
        public SeekableByteChannel truncate(long newSize) {
            throw new NonWritableChannelException();
        }

        @Override
        public synchronized boolean isOpen() {
            return open;
        }

        @Override
        public synchronized void close() {
            open = false;
            cursors.forEach(S3ObjectBytes.RangedChannel.this::closeStream);
            cursors.clear();
        }
    }
}

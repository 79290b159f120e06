package org.labelbridge.archive;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.labelbridge.format.DatasetOutput;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.FormatException;
import org.labelbridge.format.common.ImageFiles;
import org.labelbridge.model.Media;

/**
 * Writes the output zip as a stream of entries: images and other large entries in the order the
 * writer produces them, then the small files that are not images (per-item annotation files,
 * held back in an {@link AnnotationTail}, in their order), then the deferred annotation files.
 * The annotations thus lie together at the zip's end, where reading them back (the preview,
 * from S3) finds them in one contiguous range; the local disk this costs is their compressed
 * size. The compressing and writing run on a thread of their own
 * ({@link ZipWriterThread}, through {@link ZipWriter}), in order, while the conversion produces
 * the next entries. Every entry has the same fixed time, so the same input gives the same
 * bytes. Images from a zip source are copied as raw compressed entries. The zip is written
 * once, in order, to an {@link OutputChannel} (a file, an S3 upload): nothing is rewritten, so
 * it can leave while it is written. Until {@link #finish()} succeeds the output is incomplete;
 * {@link #close()} without it discards it (deletes the file, aborts the upload), so a failed
 * conversion leaves nothing behind.
 */
public final class ZipOutput implements DatasetOutput, AutoCloseable {

    /**
     * Entries smaller than this are stored: deflating a few hundred bytes saves a few dozen and
     * costs a full deflate reset each (zlib clears a 128 KB hash table), which for 100,000 YOLO
     * label files was the zip thread's main cost.
     */
    static final int DEFLATE_FROM = 1024;

    /** Entries up to this size are deflated whole; larger ones are written on in chunks of it. */
    static final int CHUNK = 1 << 16;

    private static final int LEVEL = Deflater.DEFAULT_COMPRESSION;

    /** Entries handed over as {@link Content} that may wait at once. */
    static final int PENDING_CONTENT = 8;

    /** Threads encoding {@link Content} entries: the machines this runs on have two cores. */
    static final int ENCODERS = 2;

    private final OutputChannel channel;
    private final Path spoolFolder;
    private final DatasetSource media;
    private final boolean keepMedia;
    private final ZipWriter zip;
    private final ZipWriterThread writer;
    private final Set<String> written = new HashSet<>();
    private final Semaphore pendingContent = new Semaphore(PENDING_CONTENT);
    private final List<Deferred> deferred = new ArrayList<>();
    private final List<DeferredStream> deferredStreams = new ArrayList<>();
    private ExecutorService encoders;
    /** The large entry being streamed; used on the zip's thread only. */
    private OutputStream streamed;
    private Path spoolDir;
    /** Small annotation files, written after the images; null until the first. */
    private AnnotationTail tail;
    private boolean entryOpen;
    private boolean finished;
    private long mediaCopied;

    /**
     * @param media     where items' images are copied from (the input), or {@code null}
     * @param keepMedia whether to copy images at all
     */
    public ZipOutput(Path file, DatasetSource media, boolean keepMedia) throws IOException {
        this(OutputChannel.toFile(file), null, media, keepMedia);
    }

    /**
     * A zip written to {@code channel} as a stream (a file, an upload), deferred files spooled
     * (deflated) in {@code spoolFolder}, or the system's temporary folder if null.
     */
    public ZipOutput(OutputChannel channel, Path spoolFolder, DatasetSource media, boolean keepMedia) {
        this.channel = channel;
        this.spoolFolder = spoolFolder;
        this.media = media;
        this.keepMedia = keepMedia && media != null;
        this.zip = new ZipWriter(channel);
        this.writer = new ZipWriterThread(zip, LEVEL);
    }

    @Override
    public OutputStream entry(String path) throws IOException {
        claimEntry(path);
        entryOpen = true;
        return new EntryStream(path);
    }

    /**
     * Encodes the entry on one of {@value #ENCODERS} encoder threads, in parallel with the
     * writer and with each other; the zip's thread adds the results in the order given. At most
     * {@value #PENDING_CONTENT} wait to be encoded at a time, since each holds its source data
     * (a mask image of megabytes).
     */
    @Override
    public void entry(String path, Content content) throws IOException {
        claimEntry(path);
        try {
            pendingContent.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing " + path);
        }
        Future<ByteSink> encoded;
        try {
            encoded = encoders().submit(() -> {
                try {
                    ByteSink bytes = new ByteSink();
                    content.writeTo(bytes);
                    return bytes;
                } finally {
                    pendingContent.release(); // the source data is no longer held
                }
            });
        } catch (RuntimeException e) {
            pendingContent.release();
            throw e;
        }
        writer.submit((zip, deflater) -> {
            ByteSink bytes;
            try {
                bytes = encoded.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IOException(path + ": " + e.getCause(), e.getCause());
            } catch (InterruptedException | CancellationException e) {
                throw new InterruptedIOException("stopped while writing " + path);
            }
            writeWhole(zip, deflater, path, bytes.buffer(), bytes.size());
        });
    }

    private ExecutorService encoders() {
        if (encoders == null) {
            AtomicInteger n = new AtomicInteger();
            encoders = Executors.newFixedThreadPool(ENCODERS, r -> {
                Thread t = new Thread(r, "labelbridge-encode-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }
        return encoders;
    }

    private void stopEncoders() {
        if (encoders != null) {
            // Tasks never started are cancelled, so that the zip's thread, waiting for one, goes on.
            for (Runnable never : encoders.shutdownNow()) {
                if (never instanceof Future<?> future) {
                    future.cancel(false);
                }
            }
            encoders = null;
        }
    }

    /** A ByteArrayOutputStream whose buffer is used without a copy. */
    private static final class ByteSink extends ByteArrayOutputStream {
        ByteSink() {
            super(1 << 12);
        }

        byte[] buffer() {
            return buf;
        }
    }

    /**
     * Bytes collected into chunks of up to {@link #CHUNK} for the zip's thread: each full chunk
     * goes to {@link #chunk}, the rest to {@link #end} on close. The buffer starts small, as
     * most entries are.
     */
    private abstract static class ChunkingStream extends OutputStream {
        final String path;
        private byte[] buffer = new byte[256];
        private int count;
        private boolean closed;

        ChunkingStream(String path) {
            this.path = path;
        }

        /** A full chunk, the stream's own copy. */
        abstract void chunk(byte[] chunk) throws IOException;

        /** The bytes after the last chunk (the whole file if there was none), at close. */
        abstract void end(byte[] rest, int length) throws IOException;

        @Override
        public void write(int b) throws IOException {
            if (closed || count == buffer.length) {
                write(new byte[] {(byte) b}, 0, 1); // the full path: a chunk handed on, or the buffer grown
            } else {
                buffer[count++] = (byte) b;
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (closed) {
                throw new IOException(path + " is closed");
            }
            while (len > 0) {
                if (count == CHUNK) {
                    chunk(buffer);
                    buffer = new byte[CHUNK];
                    count = 0;
                }
                if (count + len > buffer.length && buffer.length < CHUNK) {
                    buffer = Arrays.copyOf(buffer, Math.min(CHUNK, Math.max(buffer.length * 2, count + len)));
                }
                int n = Math.min(len, buffer.length - count);
                System.arraycopy(b, off, buffer, count, n);
                count += n;
                off += n;
                len -= n;
            }
        }

        @Override
        public void close() throws IOException {
            if (!closed) {
                closed = true;
                end(buffer, count);
                buffer = null;
            }
        }
    }

    /**
     * An entry: a small one (the usual case) is handed to the zip's thread whole, to be written
     * with its sizes known; a large one is streamed there in chunks, in order.
     */
    private final class EntryStream extends ChunkingStream {
        private boolean streaming;

        EntryStream(String path) {
            super(path);
        }

        @Override
        void chunk(byte[] chunk) throws IOException {
            if (!streaming) {
                streaming = true;
                writer.submit((zip, deflater) -> streamed = zip.begin(path, LEVEL));
            }
            writer.submit((zip, deflater) -> streamed.write(chunk));
        }

        @Override
        void end(byte[] rest, int length) throws IOException {
            entryOpen = false;
            if (streaming) {
                writer.submit((zip, deflater) -> {
                    streamed.write(rest, 0, length);
                    streamed.close();
                    streamed = null;
                });
            } else if (ImageFiles.isImage(path)) {
                writer.submit((zip, deflater) -> writeWhole(zip, deflater, path, rest, length));
            } else {
                AnnotationTail held = tail();
                writer.submit((zip, deflater) -> writeWhole(deflater, path, rest, length, held::add));
            }
        }
    }

    /** Where an encoded whole entry goes: the zip, or the {@link AnnotationTail} written after the images. */
    @FunctionalInterface
    private interface WholeEntrySink {
        void add(String name, int method, long crc, long size, byte[] data, int length) throws IOException;
    }

    /** Adds a small entry with its sizes and CRC known: stored (small files, images), or deflated in memory. */
    private static void writeWhole(ZipWriter zip, Deflater deflater, String path, byte[] bytes, int length)
            throws IOException {
        writeWhole(deflater, path, bytes, length, zip::add);
    }

    private static void writeWhole(Deflater deflater, String path, byte[] bytes, int length, WholeEntrySink sink)
            throws IOException {
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, length);
        if (length < DEFLATE_FROM || ImageFiles.isImage(path)) { // an image is compressed already
            sink.add(path, ZipEntry.STORED, crc.getValue(), length, bytes, length);
            return;
        }
        deflater.reset();
        deflater.setInput(bytes, 0, length);
        deflater.finish();
        byte[] out = new byte[length + (length >> 3) + 64];
        int size = 0;
        while (!deflater.finished()) {
            if (size == out.length) {
                out = Arrays.copyOf(out, out.length * 2);
            }
            size += deflater.deflate(out, size, out.length - size);
        }
        sink.add(path, ZipEntry.DEFLATED, crc.getValue(), length, out, size);
    }

    /** The spool of small annotation files written after the images, made when the first comes. */
    private AnnotationTail tail() throws IOException {
        if (tail == null) {
            tail = new AnnotationTail(spoolDir().resolve("tail.part"));
        }
        return tail;
    }

    private Path spoolDir() throws IOException {
        if (spoolDir == null) {
            spoolDir = spoolFolder == null ? Files.createTempDirectory("labelbridge-out-")
                    : Files.createTempDirectory(spoolFolder, "labelbridge-out-");
        }
        return spoolDir;
    }

    /**
     * A file added at the end, deflated as it is written: its chunks go to the zip's thread,
     * which deflates them into a spool file while the conversion goes on, so that finishing
     * only copies compressed bytes.
     */
    @Override
    public OutputStream deferred(String path) throws IOException {
        claim(path);
        Deferred d = new Deferred(path, spoolDir().resolve(deferred.size() + ".part"));
        deferred.add(d);
        writer.submit((zip, deflater) -> d.open());
        DeferredStream stream = new DeferredStream(d);
        deferredStreams.add(stream);
        return stream;
    }

    /** A deferred file: its spool of deflated bytes, and what its entry needs. Used on the zip's thread. */
    private static final class Deferred {
        private final String path;
        private final Path spool;
        private OutputStream file;
        private DeflatingStream deflating;

        Deferred(String path, Path spool) {
            this.path = path;
            this.spool = spool;
        }

        void open() throws IOException {
            file = new BufferedOutputStream(Files.newOutputStream(spool), 1 << 16);
            deflating = new DeflatingStream(file, LEVEL);
        }

        void write(byte[] bytes, int length) throws IOException {
            deflating.write(bytes, 0, length);
        }

        void close() throws IOException {
            deflating.finish();
            file.close();
        }

        void addTo(ZipWriter zip) throws IOException {
            try (InputStream in = Files.newInputStream(spool)) {
                zip.add(path, ZipEntry.DEFLATED, deflating.crc(), deflating.size(), deflating.compressedSize(), in);
            }
            Files.delete(spool);
        }
    }

    /** Collects a deferred file's bytes in chunks for the zip's thread. */
    private final class DeferredStream extends ChunkingStream {
        private final Deferred target;

        DeferredStream(Deferred target) {
            super(target.path);
            this.target = target;
        }

        @Override
        void chunk(byte[] chunk) throws IOException {
            writer.submit((zip, deflater) -> target.write(chunk, chunk.length));
        }

        @Override
        void end(byte[] rest, int length) throws IOException {
            writer.submit((zip, deflater) -> {
                target.write(rest, length);
                target.close();
            });
        }
    }

    @Override
    public boolean copyMedia(Media item, String path) throws IOException {
        if (!keepMedia || !item.hasPath() || !media.exists(item.path())) {
            return false;
        }
        if (media instanceof ZipSource zipSource) {
            ZipArchiveEntry source = zipSource.entry(item.path());
            if (zipSource.canRead(source)) {
                claimEntry(path);
                writer.submit((zip, deflater) -> {
                    InputStream raw;
                    try {
                        raw = zipSource.rawData(source);
                    } catch (IOException | RuntimeException e) {
                        throw new FormatException(zipSource.describe(item.path()) + " is corrupt (" + e.getMessage() + ")",
                                e);
                    }
                    try (raw) {
                        zip.add(path, source.getMethod(), source.getCrc(), source.getSize(), source.getCompressedSize(),
                                raw);
                    } catch (ZipException e) {
                        throw new FormatException(zipSource.describe(item.path()) + " is corrupt (" + e.getMessage() + ")",
                                e);
                    }
                });
                mediaCopied++;
                return true;
            }
        }
        claimEntry(path);
        long knownCrc = media.storedCrc32(item.path());
        long knownSize = media.size(item.path());
        writer.submit((zip, deflater) -> {
            // Images are compressed already: stored, with the CRC in the header. Where the source
            // knows the CRC (a tar's index took it) the file is read once, else twice (a folder).
            long crc = knownCrc;
            long size = knownSize;
            if (crc < 0 || size < 0) {
                CRC32 checksum = new CRC32();
                size = 0;
                byte[] buffer = new byte[1 << 16];
                try (InputStream in = media.open(item.path())) {
                    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                        checksum.update(buffer, 0, n);
                        size += n;
                    }
                }
                crc = checksum.getValue();
            }
            try (InputStream in = media.open(item.path())) {
                zip.add(path, ZipEntry.STORED, crc, size, size, in);
            }
        });
        mediaCopied++;
        return true;
    }

    @Override
    public boolean keepsMedia() {
        return keepMedia;
    }

    public long mediaCopied() {
        return mediaCopied;
    }

    private void claimEntry(String path) throws IOException {
        if (entryOpen) {
            throw new IllegalStateException("entry opened before the previous one was closed: " + path);
        }
        claim(path);
    }

    private void claim(String path) throws IOException {
        String clean = EntryNames.clean(path, channel.name());
        if (!clean.equals(path)) {
            throw new FormatException("output entry '" + path + "' is not a clean relative path");
        }
        if (!written.add(path)) {
            throw new FormatException("output entry '" + path
                    + "' would be written twice (two items map to the same file name)");
        }
    }

    /** Adds the deferred files and completes the zip. */
    public void finish() throws IOException {
        for (DeferredStream stream : deferredStreams) {
            stream.close(); // a writer that left one open still gets all its bytes
        }
        if (tail != null) {
            AnnotationTail held = tail;
            writer.submit((zip, deflater) -> held.writeTo(zip));
        }
        for (Deferred d : deferred) {
            writer.submit((zip, deflater) -> d.addTo(zip));
        }
        writer.submit((zip, deflater) -> zip.finish());
        try {
            writer.finish();
        } finally {
            stopEncoders();
        }
        channel.complete();
        finished = true;
        cleanSpool();
    }

    /** The zip's size in bytes, once finished. */
    public long size() {
        return zip.size();
    }

    @Override
    public void close() throws IOException {
        if (!finished) {
            try {
                stopEncoders();
                writer.abort();
            } finally {
                try {
                    channel.close(); // not completed: the file is deleted, the upload aborted
                } finally {
                    cleanSpool();
                }
            }
        }
    }

    private void cleanSpool() throws IOException {
        if (tail != null && !finished) {
            tail.discard();
        }
        tail = null;
        if (spoolDir != null) {
            InputArchive.deleteTree(spoolDir);
            spoolDir = null;
        }
    }
}

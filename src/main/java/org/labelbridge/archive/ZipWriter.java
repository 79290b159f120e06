package org.labelbridge.archive;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;

/**
 * A zip file writer for what labelbridge writes, and nothing more, at a few hundred bytes of
 * work per entry (a general zip library spent tens of microseconds per entry on time zones,
 * charset encoders and extra-field bookkeeping, which made 100,000 small label files the
 * slowest part of a conversion).
 *
 * <ul>
 *   <li>{@link #add} writes an entry whose method, CRC and sizes are known before its data: a
 *       small file stored or deflated in memory, or a compressed image copied raw;</li>
 *   <li>{@link #begin} streams a deflated entry of unknown length; its CRC and sizes follow
 *       its data in a data descriptor (general purpose flag 3), so nothing written is ever
 *       rewritten and the zip can go out as a stream (an S3 upload). Such an entry may not
 *       exceed 4 GB (annotation files do not come near).</li>
 * </ul>
 *
 * <p>Every entry has the DOS time 1980-01-01 00:00 and a UTF-8 name (general purpose flag 11).
 * Zip64 fields are written only where needed: an entry of 4 GB or more, an offset beyond 4 GB,
 * more than 65,534 entries. Nothing else varies, so the same entries give the same bytes.
 */
final class ZipWriter implements Closeable {

    private static final int LOCAL_HEADER = 0x04034b50;
    private static final int CENTRAL_HEADER = 0x02014b50;
    private static final int END_OF_CENTRAL_DIRECTORY = 0x06054b50;
    private static final int ZIP64_END_OF_CENTRAL_DIRECTORY = 0x06064b50;
    private static final int ZIP64_LOCATOR = 0x07064b50;
    private static final short ZIP64_EXTRA = 0x0001;
    private static final long MAX_32 = 0xFFFFFFFFL;
    private static final int MAX_16 = 0xFFFF;
    /** A name's length is 16 bits; this also keeps a header within the write buffer. */
    private static final int MAX_NAME_BYTES = 32_768;
    private static final short UTF8_NAMES = 1 << 11;
    /** 1980-01-01 as a DOS date (year 0, month 1, day 1); the DOS time is 00:00:00. */
    private static final short DOS_DATE = (1 << 5) | 1;

    private static final int DATA_DESCRIPTOR = 0x08074b50;
    private static final short DATA_DESCRIPTOR_FLAG = 1 << 3;

    private final WritableByteChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
    /** Bytes flushed to the channel; the file position is this plus the buffer's position. */
    private long flushed;
    /** The central directory, built as entries are written. */
    private ByteBuffer central = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
    private long entries;
    private boolean streaming;

    /** Writes to {@code channel} in order, from its start; {@link #finish()} leaves it open. */
    ZipWriter(WritableByteChannel channel) {
        this.channel = channel;
    }

    /** Bytes written so far (once finished: the zip's size). */
    long size() {
        return position();
    }

    /** Writes an entry whose data ({@code compressedSize} bytes, as stored) is known up front. */
    void add(String name, int method, long crc, long size, long compressedSize, InputStream data) throws IOException {
        checkIdle();
        byte[] encoded = name.getBytes(StandardCharsets.UTF_8);
        long offset = position();
        boolean zip64 = size >= MAX_32 || compressedSize >= MAX_32;
        writeLocalHeader(encoded, method, (short) 0, crc, size, compressedSize, zip64);
        long copied = copy(data, compressedSize);
        if (copied != compressedSize) {
            throw new ZipException("entry " + name + ": expected " + compressedSize + " bytes of data, got " + copied);
        }
        addCentral(encoded, method, (short) 0, crc, size, compressedSize, offset);
    }

    /** The same, from a byte array. */
    void add(String name, int method, long crc, long size, byte[] data, int length) throws IOException {
        checkIdle();
        byte[] encoded = name.getBytes(StandardCharsets.UTF_8);
        long offset = position();
        writeLocalHeader(encoded, method, (short) 0, crc, size, length, size >= MAX_32);
        write(data, 0, length);
        addCentral(encoded, method, (short) 0, crc, size, length, offset);
    }

    /**
     * Starts a deflated entry of unknown length; write its data and close the stream before the
     * next entry. (A stored entry needs its CRC in its header, which some readers, such as
     * Java's ZipInputStream, require: add it with {@link #add} once its CRC is known.)
     */
    OutputStream begin(String name, int level) throws IOException {
        checkIdle();
        byte[] encoded = name.getBytes(StandardCharsets.UTF_8);
        long offset = position();
        writeLocalHeader(encoded, ZipEntry.DEFLATED, DATA_DESCRIPTOR_FLAG, 0, 0, 0, false);
        streaming = true;
        return new DeflatingEntry(encoded, offset, level);
    }

    /** Writes the central directory and the end records; the channel stays open (closing it is the caller's). */
    void finish() throws IOException {
        checkIdle();
        long centralOffset = position();
        central.flip();
        long centralSize = central.remaining();
        flush();
        while (central.hasRemaining()) {
            flushed += channel.write(central);
        }
        boolean zip64 = entries >= MAX_16 || centralOffset >= MAX_32 || centralSize >= MAX_32;
        if (zip64) {
            long recordOffset = position();
            ensure(56 + 20);
            buffer.putInt(ZIP64_END_OF_CENTRAL_DIRECTORY).putLong(44).putShort((short) 45).putShort((short) 45)
                    .putInt(0).putInt(0).putLong(entries).putLong(entries).putLong(centralSize).putLong(centralOffset);
            buffer.putInt(ZIP64_LOCATOR).putInt(0).putLong(recordOffset).putInt(1);
        }
        ensure(22);
        short count = (short) Math.min(entries, MAX_16);
        buffer.putInt(END_OF_CENTRAL_DIRECTORY).putShort((short) 0).putShort((short) 0).putShort(count).putShort(count)
                .putInt((int) Math.min(centralSize, MAX_32)).putInt((int) Math.min(centralOffset, MAX_32))
                .putShort((short) 0);
        flush();
    }

    /** Closes the channel (for a file, what is written stays: the caller deletes an unfinished one). */
    @Override
    public void close() throws IOException {
        channel.close();
    }

    // --- entries ---------------------------------------------------------------------------------

    private void writeLocalHeader(byte[] name, int method, short flags, long crc, long size, long compressedSize,
                                  boolean zip64) throws IOException {
        if (name.length > MAX_NAME_BYTES) {
            throw new ZipException("entry name of " + name.length + " bytes is too long for a zip");
        }
        ensure(30 + name.length + 20);
        buffer.putInt(LOCAL_HEADER).putShort(version(method, zip64)).putShort((short) (UTF8_NAMES | flags))
                .putShort((short) method)
                .putShort((short) 0).putShort(DOS_DATE).putInt((int) crc)
                .putInt((int) (zip64 ? MAX_32 : compressedSize)).putInt((int) (zip64 ? MAX_32 : size))
                .putShort((short) name.length).putShort((short) (zip64 ? 20 : 0));
        buffer.put(name);
        if (zip64) {
            buffer.putShort(ZIP64_EXTRA).putShort((short) 16).putLong(size).putLong(compressedSize);
        }
    }

    private void addCentral(byte[] name, int method, short flags, long crc, long size, long compressedSize,
                            long offset) {
        boolean bigSize = size >= MAX_32;
        boolean bigCompressed = compressedSize >= MAX_32;
        boolean bigOffset = offset >= MAX_32;
        int extra = (bigSize ? 8 : 0) + (bigCompressed ? 8 : 0) + (bigOffset ? 8 : 0);
        boolean zip64 = extra > 0;
        int length = 46 + name.length + (zip64 ? 4 + extra : 0);
        if (central.remaining() < length) {
            ByteBuffer larger = ByteBuffer.allocate(Math.max(central.capacity() * 2, central.position() + length))
                    .order(ByteOrder.LITTLE_ENDIAN);
            central.flip();
            larger.put(central);
            central = larger;
        }
        short version = version(method, zip64);
        central.putInt(CENTRAL_HEADER).putShort(version).putShort(version).putShort((short) (UTF8_NAMES | flags))
                .putShort((short) method).putShort((short) 0).putShort(DOS_DATE).putInt((int) crc)
                .putInt((int) Math.min(compressedSize, MAX_32)).putInt((int) Math.min(size, MAX_32))
                .putShort((short) name.length).putShort((short) (zip64 ? 4 + extra : 0)).putShort((short) 0)
                .putShort((short) 0).putShort((short) 0).putInt(0).putInt((int) Math.min(offset, MAX_32));
        central.put(name);
        if (zip64) {
            central.putShort(ZIP64_EXTRA).putShort((short) extra);
            if (bigSize) {
                central.putLong(size);
            }
            if (bigCompressed) {
                central.putLong(compressedSize);
            }
            if (bigOffset) {
                central.putLong(offset);
            }
        }
        entries++;
    }

    private static short version(int method, boolean zip64) {
        return (short) (zip64 ? 45 : method == ZipEntry.DEFLATED ? 20 : 10);
    }

    /** Ends a streamed entry: writes its data descriptor, adds it to the central directory. */
    private void endStreamed(byte[] name, long offset, long crc, long size, long compressedSize) throws IOException {
        if (size >= MAX_32 || compressedSize >= MAX_32) {
            throw new ZipException("entry " + new String(name, StandardCharsets.UTF_8)
                    + " is 4 GB or larger, beyond what a streamed entry may hold");
        }
        ensure(16);
        buffer.putInt(DATA_DESCRIPTOR).putInt((int) crc).putInt((int) compressedSize).putInt((int) size);
        addCentral(name, ZipEntry.DEFLATED, DATA_DESCRIPTOR_FLAG, crc, size, compressedSize, offset);
        streaming = false;
    }

    /** A deflated entry of unknown length: deflated straight into the file's buffer. */
    private final class DeflatingEntry extends OutputStream {
        private final byte[] name;
        private final long offset;
        private final DeflatingStream deflating;
        private boolean closed;

        DeflatingEntry(byte[] name, long offset, int level) {
            this.name = name;
            this.offset = offset;
            this.deflating = new DeflatingStream(new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    ZipWriter.this.write(b, off, len);
                }
            }, level);
        }

        @Override
        public void write(int b) throws IOException {
            deflating.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            deflating.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            if (!closed) {
                closed = true;
                deflating.finish();
                endStreamed(name, offset, deflating.crc(), deflating.size(), deflating.compressedSize());
            }
        }
    }

    // --- bytes -----------------------------------------------------------------------------------

    private void checkIdle() throws ZipException {
        if (streaming) {
            throw new ZipException("an entry is still being written");
        }
    }

    private long position() {
        return flushed + buffer.position();
    }

    private void ensure(int bytes) throws IOException {
        if (buffer.remaining() < bytes) {
            flush();
        }
    }

    private void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            if (!buffer.hasRemaining()) {
                flush();
            }
            int n = Math.min(len, buffer.remaining());
            buffer.put(b, off, n);
            off += n;
            len -= n;
        }
    }

    private long copy(InputStream in, long limit) throws IOException {
        byte[] chunk = new byte[(int) Math.min(1 << 16, Math.max(1, limit))];
        long total = 0;
        while (total < limit) {
            int n = in.read(chunk, 0, (int) Math.min(chunk.length, limit - total));
            if (n < 0) {
                break;
            }
            write(chunk, 0, n);
            total += n;
        }
        return total;
    }

    private void flush() throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            flushed += channel.write(buffer);
        }
        buffer.clear();
    }
}

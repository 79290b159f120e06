package org.labelbridge.archive;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.util.Optional;

/**
 * The entry count and directory size a zip declares at its end, read before the directory
 * itself: a zip that claims millions of entries is refused before they are parsed into memory.
 *
 * @param entries        total entries the zip declares
 * @param directoryBytes size of its central directory
 */
record ZipDirectoryEnd(long entries, long directoryBytes) {

    private static final int END_SIGNATURE = 0x06054b50;
    private static final int ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
    private static final int ZIP64_END_SIGNATURE = 0x06064b50;
    private static final int END_SIZE = 22;
    private static final int MAX_COMMENT = 0xffff;

    /** What the zip's end records declare, or empty when there is none (the zip reader then says why). */
    static Optional<ZipDirectoryEnd> read(SeekableByteChannel channel) throws IOException {
        {
            long size = channel.size();
            if (size < END_SIZE) {
                return Optional.empty();
            }
            int tailLength = (int) Math.min(size, END_SIZE + MAX_COMMENT);
            ByteBuffer tail = read(channel, size - tailLength, tailLength);
            for (int at = tailLength - END_SIZE; at >= 0; at--) {
                if (tail.getInt(at) != END_SIGNATURE) {
                    continue;
                }
                long entries = tail.getShort(at + 10) & 0xffffL;
                long directoryBytes = tail.getInt(at + 12) & 0xffffffffL;
                long endOffset = size - tailLength + at;
                if ((entries == 0xffff || directoryBytes == 0xffffffffL) && endOffset >= 20) {
                    Optional<ZipDirectoryEnd> zip64 = zip64(channel, endOffset);
                    if (zip64.isPresent()) {
                        return zip64;
                    }
                }
                return Optional.of(new ZipDirectoryEnd(entries, directoryBytes));
            }
            return Optional.empty();
        }
    }

    private static Optional<ZipDirectoryEnd> zip64(SeekableByteChannel channel, long endOffset) throws IOException {
        ByteBuffer locator = read(channel, endOffset - 20, 20);
        if (locator.getInt(0) != ZIP64_LOCATOR_SIGNATURE) {
            return Optional.empty();
        }
        long recordOffset = locator.getLong(8);
        if (recordOffset < 0 || recordOffset + 56 > channel.size()) {
            return Optional.empty();
        }
        ByteBuffer record = read(channel, recordOffset, 56);
        if (record.getInt(0) != ZIP64_END_SIGNATURE) {
            return Optional.empty();
        }
        return Optional.of(new ZipDirectoryEnd(record.getLong(32), record.getLong(40)));
    }

    private static ByteBuffer read(SeekableByteChannel channel, long offset, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        channel.position(offset);
        while (buffer.hasRemaining() && channel.read(buffer) > 0) {
            // read until full or the end
        }
        return buffer.flip().limit(length);
    }
}

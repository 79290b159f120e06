package org.labelbridge.archive;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.labelbridge.format.FormatException;

/**
 * Where each regular file of a tar lies: its data's offset, its size and its CRC-32, from one
 * pass over the tar from its first byte (one streaming read; a tar.gz is inflated on the way,
 * into a scratch copy). Each entry is checked from its header before a byte of its data is
 * read: its name, that it is no link, its depth, the entry count, the running total against
 * the limits and (for a tar.gz) the compression ratio and the scratch copy's room, so that a
 * bomb is stopped before it fills anything, not after. Its data is then read through, for the
 * CRC (which lets an image be copied into the output in one read) and so that the pass never
 * jumps.
 */
final class TarIndex {

    /** A regular file's data: {@code size} bytes from {@code offset} of the plain tar. */
    record Entry(long offset, long size, long crc) {
    }

    private final String name;
    private final ArchiveLimits limits;
    private final long allowedTotal;
    private final long tarSize;
    private final ScratchCopy copy;
    private final Map<String, Entry> entries = new HashMap<>();
    private final Set<String> folders = new HashSet<>();
    private final byte[] buffer = new byte[1 << 16];
    private long count;
    private long total;

    private TarIndex(String name, ArchiveLimits limits, long allowedTotal, long tarSize, ScratchCopy copy) {
        this.name = name;
        this.limits = limits;
        this.allowedTotal = allowedTotal;
        this.tarSize = tarSize;
        this.copy = copy;
    }

    /** Indexes a plain tar of {@code size} bytes, read from its first byte. */
    static Map<String, Entry> of(InputStream tar, long size, String name, ArchiveLimits limits) throws IOException {
        return new TarIndex(name, limits, limits.maxUncompressedBytes(), size, null).run(tar, false);
    }

    /**
     * Inflates a tar.gz of {@code size} bytes, read from its first byte, into {@code copy} while
     * indexing the plain tar it holds; its entries may expand by the ratio (with room for small
     * archives).
     */
    static Map<String, Entry> inflating(InputStream tarGz, long size, String name, ArchiveLimits limits,
                                        ScratchCopy copy) throws IOException {
        long ratioAllowance = saturatingMultiply(size, limits.maxCompressionRatio()) + ArchiveLimits.RATIO_FLOOR;
        long allowed = Math.min(limits.maxUncompressedBytes(), ratioAllowance);
        return new TarIndex(name, limits, allowed, -1, copy).run(tarGz, true);
    }

    /** {@code a * b}, or (on overflow) a number that the floor can still be added to. */
    private static long saturatingMultiply(long a, long b) {
        long high = Math.multiplyHigh(a, b);
        long low = a * b;
        return high != 0 || low < 0 ? Long.MAX_VALUE - ArchiveLimits.RATIO_FLOOR : low;
    }

    private Map<String, Entry> run(InputStream input, boolean gzip) throws IOException {
        try (InputStream raw = new BufferedInputStream(input, 1 << 16);
             InputStream plain = gzip ? new GzipCompressorInputStream(raw, true) : raw;
             PassingStream passing = new PassingStream(plain, copy);
             TarArchiveInputStream tar = new TarArchiveInputStream(passing)) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                if (++count > limits.maxEntries()) {
                    throw new UnsafeArchiveException(name + ": more than " + limits.maxEntries() + " entries ("
                            + ArchiveLimits.MAX_ENTRIES + ")");
                }
                index(tar, entry, passing.position());
            }
        } catch (FormatException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new FormatException(name + ": corrupt tar archive (" + e.getMessage() + ")", e);
        }
        return entries;
    }

    /** Checks the entry from its header, then reads its data (which starts at {@code offset}) through. */
    private void index(TarArchiveInputStream tar, TarArchiveEntry entry, long offset) throws IOException {
        String path = EntryNames.clean(entry.getName(), name);
        if (entry.isSymbolicLink() || entry.isLink()) {
            throw new UnsafeArchiveException(name + ": entry '" + entry.getName() + "' is a link");
        }
        if (entry.isDirectory() || !entry.isFile() || path.isEmpty()) {
            return; // folders are implied by the files in them; devices and fifos are nothing a dataset holds
        }
        EntryNames.checkShape(path, name, limits.maxPathDepth());
        if (entry.isSparse()) {
            throw new FormatException(name + ": entry '" + path + "' is a sparse file, which is not read in place"
                    + " (make the tar without --sparse)");
        }
        checkUnique(path);
        long size = entry.getSize();
        checkRoom(path, size, offset);
        CRC32 crc = new CRC32();
        long read = 0;
        for (int n = tar.read(buffer); n > 0; n = tar.read(buffer)) {
            crc.update(buffer, 0, n);
            read += n;
        }
        if (read != size) {
            throw new FormatException(name + ": corrupt tar archive (entry '" + path + "' declares " + size
                    + " bytes and holds " + read + ")");
        }
        entries.put(path, new Entry(offset, size, crc.getValue()));
        total += size;
    }

    /** Refuses a second entry of one name, a file where a folder is and a file inside a file. */
    private void checkUnique(String path) throws UnsafeArchiveException {
        if (entries.containsKey(path)) {
            throw new UnsafeArchiveException(name + ": entry '" + path + "' appears twice");
        }
        if (folders.contains(path)) {
            throw new UnsafeArchiveException(name + ": entry '" + path + "' appears twice (as a file and as a folder)");
        }
        for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
            String folder = path.substring(0, slash);
            if (entries.containsKey(folder)) {
                throw new UnsafeArchiveException(name + ": entry '" + path + "' is inside an entry that is a file");
            }
            folders.add(folder);
        }
    }

    /** Refuses an entry that would take the total past the limits, or the scratch copy past its room. */
    private void checkRoom(String path, long size, long offset) throws IOException {
        if (total + size > limits.maxUncompressedBytes()) {
            throw new UnsafeArchiveException(name + ": its entries hold more than " + (limits.maxUncompressedBytes() >> 20)
                    + " MB uncompressed (" + ArchiveLimits.MAX_UNCOMPRESSED_MB + "), reached at entry '" + path + "'");
        }
        if (total + size > allowedTotal) {
            throw new UnsafeArchiveException(name + ": expands to more than " + limits.maxCompressionRatio()
                    + " times its size (" + ArchiveLimits.MAX_COMPRESSION_RATIO + "; a gzip bomb?), reached at entry '"
                    + path + "'");
        }
        if (tarSize >= 0 && offset + size > tarSize) {
            throw new FormatException(name + ": corrupt tar archive (entry '" + path + "' declares " + size
                    + " bytes, more than the " + (tarSize - offset) + " left in the archive)");
        }
        if (copy != null) {
            long room = copy.room();
            if (size > room) {
                throw new UnsafeArchiveException(name + ": not enough space to inflate entry '" + path + "' (" + size
                        + " bytes, " + room + " free for " + copy.name() + ")");
            }
        }
    }
}

package org.labelbridge.archive;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.labelbridge.format.FormatException;

/**
 * Extracts a tar or tar.gz into a private work folder, one regular file at a time. Each entry
 * is checked before a byte of it is written: its name, that it is no link, the entry count,
 * the running total against the limits and the compression ratio, and the free space of the
 * work folder, so that a bomb is stopped before it fills the disk, not after.
 */
final class TarExtraction {

    /** Space left free on the work folder's disk for everything else the conversion writes. */
    static final long SPACE_RESERVE = 16L << 20;

    private final InputStream input;
    private final String name;
    private final boolean gzip;
    private final Path work;
    private final ArchiveLimits limits;
    private final long allowedTotal;
    private long entries;
    private long extracted;

    /** @param input the archive's bytes from the first, read once; {@code size} of them */
    TarExtraction(InputStream input, long size, String name, boolean gzip, Path work, ArchiveLimits limits) {
        this.input = input;
        this.name = name;
        this.gzip = gzip;
        this.work = work;
        this.limits = limits;
        // A plain tar cannot expand; a tar.gz may expand by the ratio (with room for small archives).
        long ratioAllowance = gzip ? size * limits.maxCompressionRatio() + ArchiveLimits.RATIO_FLOOR
                : Long.MAX_VALUE;
        this.allowedTotal = Math.min(limits.maxUncompressedBytes(), ratioAllowance);
    }

    void run() throws IOException {
        try (InputStream raw = new BufferedInputStream(input, 1 << 16);
             InputStream data = gzip ? new GzipCompressorInputStream(raw, true) : raw;
             TarArchiveInputStream tar = new TarArchiveInputStream(data)) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                if (++entries > limits.maxEntries()) {
                    throw new UnsafeArchiveException(name + ": more than " + limits.maxEntries() + " entries ("
                            + ArchiveLimits.MAX_ENTRIES + ")");
                }
                extract(tar, entry);
            }
        } catch (UnsafeArchiveException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new FormatException(name + ": corrupt tar archive (" + e.getMessage() + ")", e);
        }
    }

    private void extract(TarArchiveInputStream tar, TarArchiveEntry entry) throws IOException {
        String path = EntryNames.clean(entry.getName(), name);
        if (entry.isSymbolicLink() || entry.isLink()) {
            throw new UnsafeArchiveException(name + ": entry '" + entry.getName() + "' is a link");
        }
        if (entry.isDirectory() || !entry.isFile() || path.isEmpty()) {
            return; // folders are made as files need them; devices and fifos are nothing a dataset holds
        }
        EntryNames.checkShape(path, name, limits.maxPathDepth());
        Path target = work.resolve(path).normalize();
        if (!target.startsWith(work)) {
            throw new UnsafeArchiveException(name + ": entry '" + entry.getName() + "' points outside the archive");
        }
        if (Files.exists(target)) {
            throw new UnsafeArchiveException(name + ": entry '" + path + "' appears twice"
                    + (Files.isDirectory(target) ? " (as a file and as a folder)" : ""));
        }
        long size = Math.max(entry.getSize(), entry.getRealSize());
        checkRoom(path, size);
        try {
            Files.createDirectories(target.getParent());
        } catch (FileAlreadyExistsException e) {
            throw new UnsafeArchiveException(name + ": entry '" + path + "' is inside an entry that is a file");
        }
        try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW)) {
            byte[] buffer = new byte[1 << 16];
            long written = 0;
            for (int n = tar.read(buffer); n > 0; n = tar.read(buffer)) {
                written += n;
                if (written > size) {
                    throw new UnsafeArchiveException(name + ": entry '" + path + "' holds more than the " + size
                            + " bytes its header declares");
                }
                out.write(buffer, 0, n);
            }
        }
        extracted += size;
    }

    /** Refuses an entry that would take the total past the limits or the disk past its reserve. */
    private void checkRoom(String path, long size) throws IOException {
        if (extracted + size > limits.maxUncompressedBytes()) {
            throw new UnsafeArchiveException(name + ": its entries hold more than " + (limits.maxUncompressedBytes() >> 20)
                    + " MB uncompressed (" + ArchiveLimits.MAX_UNCOMPRESSED_MB + "), reached at entry '" + path + "'");
        }
        if (extracted + size > allowedTotal) {
            throw new UnsafeArchiveException(name + ": expands to more than " + limits.maxCompressionRatio()
                    + " times its size (" + ArchiveLimits.MAX_COMPRESSION_RATIO + "; a gzip bomb?), reached at entry '"
                    + path + "'");
        }
        long usable = Files.getFileStore(work).getUsableSpace();
        if (size + SPACE_RESERVE > usable) {
            throw new UnsafeArchiveException(name + ": not enough local space to extract entry '" + path + "' ("
                    + size + " bytes, " + usable + " free in " + work.getParent() + ")");
        }
    }
}

package org.labelbridge.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.labelbridge.format.FormatException;

/**
 * A dataset in a zip file, read in place (random access, nothing extracted).
 *
 * <p>Entries are read from more than one thread (the output's writer thread copies images raw
 * while the pipeline reads, a large entry is inflated ahead on a thread of its own), all through
 * the zip's one channel. Commons Compress's entry streams move that channel and read from it
 * under the channel's lock, but opening an entry finds where its data starts by reading its
 * local header (lazily: see {@code InputArchive}) with a {@code position} then a {@code read}
 * outside that lock, into a buffer the {@link ZipFile} shares. Every entry is therefore opened
 * here under the channel's lock: otherwise another thread's read between the two moves the
 * channel, the header is read from the wrong bytes, and the entry is read from the wrong offset.
 */
public final class ZipSource extends RootedSource {

    private final ZipFile zip;
    /** The channel the zip reads, whose lock its entry streams take. */
    private final SeekableByteChannel channel;
    private final Map<String, ZipArchiveEntry> entries;
    private final List<String> allFiles;

    private ZipSource(ZipFile zip, SeekableByteChannel channel, String name, Map<String, ZipArchiveEntry> entries,
                      List<String> allFiles, String root) {
        super(name, allFiles, root);
        this.zip = zip;
        this.channel = channel;
        this.entries = entries;
        this.allFiles = allFiles;
    }

    /**
     * Lists the zip's entries, refusing unsafe names, links, duplicates, encrypted entries and
     * entries or totals beyond the limits, all from the directory, before any data is read.
     *
     * @param channel the channel {@code zip} reads
     */
    static ZipSource of(ZipFile zip, SeekableByteChannel channel, String name, ArchiveLimits limits) throws IOException {
        Map<String, ZipArchiveEntry> entries = new HashMap<>();
        long count = 0;
        long total = 0;
        for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
            if (++count > limits.maxEntries()) {
                throw new UnsafeArchiveException(name + ": more than " + limits.maxEntries() + " entries ("
                        + ArchiveLimits.MAX_ENTRIES + ")");
            }
            String path = EntryNames.clean(entry.getName(), name);
            if (entry.isDirectory() || path.isEmpty()) {
                continue;
            }
            EntryNames.checkShape(path, name, limits.maxPathDepth());
            if (entry.isUnixSymlink()) {
                throw new UnsafeArchiveException(name + ": entry '" + entry.getName() + "' is a symbolic link");
            }
            if (entry.getGeneralPurposeBit().usesEncryption()) {
                throw new UnsafeArchiveException(name + ": entry '" + entry.getName() + "' is encrypted");
            }
            if (entries.putIfAbsent(path, entry) != null) {
                throw new UnsafeArchiveException(name + ": entry '" + path + "' appears twice");
            }
            long size = entry.getSize();
            if (size < 0) {
                throw new UnsafeArchiveException(name + ": entry '" + entry.getName() + "' declares no size");
            }
            if (size > ArchiveLimits.RATIO_FLOOR
                    && size / Math.max(1, entry.getCompressedSize()) > limits.maxCompressionRatio()) {
                throw new UnsafeArchiveException(name + ": entry '" + entry.getName() + "' expands " + size + " bytes from "
                        + entry.getCompressedSize() + ", more than the limit of " + limits.maxCompressionRatio()
                        + " to 1 (" + ArchiveLimits.MAX_COMPRESSION_RATIO + "; a zip bomb?)");
            }
            total += size;
            if (total > limits.maxUncompressedBytes()) {
                throw new UnsafeArchiveException(name + ": its entries hold more than "
                        + (limits.maxUncompressedBytes() >> 20) + " MB uncompressed (" + ArchiveLimits.MAX_UNCOMPRESSED_MB
                        + ")");
            }
        }
        List<String> files = new ArrayList<>(entries.keySet());
        Collections.sort(files);
        return new ZipSource(zip, channel, name, entries, List.copyOf(files), "");
    }

    /** The zip entry behind a path, for copying it raw. */
    ZipArchiveEntry entry(String path) {
        return entries.get(full(path));
    }

    @Override
    public long storedCrc32(String path) {
        ZipArchiveEntry entry = exists(path) ? entries.get(full(path)) : null;
        return entry == null ? -1 : entry.getCrc();
    }

    /** Whether an entry's data can be read: not encrypted, a compression method the zip knows. */
    boolean canRead(ZipArchiveEntry entry) {
        return zip.canReadEntryData(entry);
    }

    /** An entry's data as stored (its compressed bytes, as they are), for copying it raw. */
    InputStream rawData(ZipArchiveEntry entry) throws IOException {
        synchronized (channel) {
            return zip.getRawInputStream(entry);
        }
    }

    /** An entry's data, inflated. */
    private InputStream data(ZipArchiveEntry entry) throws IOException {
        synchronized (channel) {
            return zip.getInputStream(entry);
        }
    }

    /** Compressed entries from this size up are inflated ahead on a thread of their own. */
    static final long READ_AHEAD_BYTES = 4L << 20;

    @Override
    protected InputStream openFull(String fullPath) throws IOException {
        ZipArchiveEntry entry = entries.get(fullPath);
        if (!canRead(entry)) {
            throw new UnsafeArchiveException(name() + ": entry '" + fullPath
                    + "' cannot be read (encrypted or an unsupported compression method)");
        }
        String what = name() + ": entry '" + fullPath + "'";
        InputStream data;
        try {
            data = data(entry);
        } catch (IOException | RuntimeException e) {
            throw new FormatException(what + " is corrupt (" + e.getMessage() + ")", e);
        }
        // The directory's size was checked against the limits; the data must not outgrow it.
        InputStream checked = new DeclaredSizeStream(data, entry.getSize(), what);
        // A large compressed entry (an annotation file) is inflated ahead, on the second core.
        return entry.getMethod() != ZipArchiveEntry.STORED && entry.getSize() >= READ_AHEAD_BYTES
                ? new ReadAheadStream(checked, fullPath) : checked;
    }

    @Override
    protected long sizeFull(String fullPath) {
        ZipArchiveEntry entry = entries.get(fullPath);
        return entry == null ? -1 : entry.getSize();
    }

    @Override
    protected RootedSource withRoot(String newRoot) {
        return new ZipSource(zip, channel, name(), entries, allFiles, newRoot);
    }

    @Override
    protected List<String> allFiles() {
        return allFiles;
    }
}

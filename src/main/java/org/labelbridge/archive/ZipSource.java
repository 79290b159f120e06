package org.labelbridge.archive;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.labelbridge.format.FormatException;

/** A dataset in a zip file, read in place (random access, nothing extracted). */
public final class ZipSource extends RootedSource {

    private final ZipFile zip;
    private final Map<String, ZipArchiveEntry> entries;
    private final List<String> allFiles;

    private ZipSource(ZipFile zip, String name, Map<String, ZipArchiveEntry> entries,
                      List<String> allFiles, String root) {
        super(name, allFiles, root);
        this.zip = zip;
        this.entries = entries;
        this.allFiles = allFiles;
    }

    /**
     * Lists the zip's entries, refusing unsafe names, links, duplicates, encrypted entries and
     * entries or totals beyond the limits, all from the directory, before any data is read.
     */
    static ZipSource of(ZipFile zip, String name, ArchiveLimits limits) throws IOException {
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
        return new ZipSource(zip, name, entries, List.copyOf(files), "");
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

    ZipFile zip() {
        return zip;
    }

    /** Compressed entries from this size up are inflated ahead on a thread of their own. */
    static final long READ_AHEAD_BYTES = 4L << 20;

    @Override
    protected InputStream openFull(String fullPath) throws IOException {
        ZipArchiveEntry entry = entries.get(fullPath);
        if (!zip.canReadEntryData(entry)) {
            throw new UnsafeArchiveException(name() + ": entry '" + fullPath
                    + "' cannot be read (encrypted or an unsupported compression method)");
        }
        String what = name() + ": entry '" + fullPath + "'";
        InputStream data;
        try {
            data = zip.getInputStream(entry);
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
        return new ZipSource(zip, name(), entries, allFiles, newRoot);
    }

    @Override
    protected List<String> allFiles() {
        return allFiles;
    }
}

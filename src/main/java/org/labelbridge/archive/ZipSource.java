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

    static ZipSource of(ZipFile zip, String name) throws IOException {
        Map<String, ZipArchiveEntry> entries = new HashMap<>();
        for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
            if (entry.isDirectory()) {
                continue;
            }
            String path = EntryNames.clean(entry.getName(), name);
            if (entry.isUnixSymlink()) {
                throw new UnsafeArchiveException(name + ": entry '" + entry.getName() + "' is a symbolic link");
            }
            if (entries.putIfAbsent(path, entry) != null) {
                throw new UnsafeArchiveException(name + ": entry '" + path + "' appears twice");
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

    ZipFile zip() {
        return zip;
    }

    @Override
    protected InputStream openFull(String fullPath) throws IOException {
        ZipArchiveEntry entry = entries.get(fullPath);
        if (!zip.canReadEntryData(entry)) {
            throw new UnsafeArchiveException(name() + ": entry '" + fullPath
                    + "' cannot be read (encrypted or an unsupported compression method)");
        }
        return zip.getInputStream(entry);
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

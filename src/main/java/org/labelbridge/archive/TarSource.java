package org.labelbridge.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A dataset in a plain tar, read in place: its entries were found by one pass over it
 * ({@link TarIndex}), and each is read where its data lies, through the tar's one channel
 * (see {@link ChannelSliceStream} for why reads take the channel's lock). Nothing is extracted.
 */
final class TarSource extends RootedSource {

    private final SeekableByteChannel channel;
    private final Map<String, TarIndex.Entry> entries;
    private final List<String> allFiles;

    private TarSource(SeekableByteChannel channel, String name, Map<String, TarIndex.Entry> entries,
                      List<String> allFiles, String root) {
        super(name, allFiles, root);
        this.channel = channel;
        this.entries = entries;
        this.allFiles = allFiles;
    }

    /**
     * @param channel the plain tar the entries' offsets point into
     * @param name    the archive (a tar.gz's own name when the channel reads its inflated copy)
     */
    static TarSource of(SeekableByteChannel channel, String name, Map<String, TarIndex.Entry> entries) {
        List<String> files = new ArrayList<>(entries.keySet());
        Collections.sort(files);
        return new TarSource(channel, name, Map.copyOf(entries), List.copyOf(files), "");
    }

    /** The CRC-32 the index pass took of the file's bytes. */
    @Override
    public long storedCrc32(String path) {
        return exists(path) ? entries.get(full(path)).crc() : -1;
    }

    @Override
    protected InputStream openFull(String fullPath) {
        TarIndex.Entry entry = entries.get(fullPath);
        return new ChannelSliceStream(channel, entry.offset(), entry.size(), name() + ": entry '" + fullPath + "'");
    }

    @Override
    protected long sizeFull(String fullPath) {
        TarIndex.Entry entry = entries.get(fullPath);
        return entry == null ? -1 : entry.size();
    }

    @Override
    protected RootedSource withRoot(String newRoot) {
        return new TarSource(channel, name(), entries, allFiles, newRoot);
    }

    @Override
    protected List<String> allFiles() {
        return allFiles;
    }
}

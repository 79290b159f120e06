package org.labelbridge.archive;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.FormatException;

/**
 * An input opened as a {@link DatasetSource}: a zip or a tar read in place, a tar.gz inflated
 * once into a scratch copy (a plain tar, read in place), a folder as it is, or one bare
 * annotation file. Nothing is extracted. Closing it releases the archive and deletes the
 * scratch copy.
 */
public final class InputArchive implements Closeable {

    /** What the input was; a bare file is only acceptable to formats that allow one. */
    public enum Kind { ZIP, TAR, FOLDER, BARE_FILE }

    private final Kind kind;
    private final DatasetSource source;
    /** What is open while the source is read (a channel, the zip, a scratch copy), closed in order. */
    private final List<Closeable> resources;

    /** Central directory bytes allowed per entry: its fixed 46 bytes, a long name and some extra fields. */
    private static final long MAX_DIRECTORY_BYTES_PER_ENTRY = 1024;

    private InputArchive(Kind kind, DatasetSource source, List<Closeable> resources) {
        this.kind = kind;
        this.source = source;
        this.resources = resources;
    }

    /** Opens the input within the default {@link ArchiveLimits}. */
    public static InputArchive open(Path input) throws IOException {
        return open(input, ArchiveLimits.DEFAULTS);
    }

    /**
     * Opens the input; an archive beyond the limits, or with an entry that could escape its
     * tree, is refused with an {@link UnsafeArchiveException} before its data is read.
     * Archives inside the archive are never opened: to a format they are files like any other.
     */
    public static InputArchive open(Path input, ArchiveLimits limits) throws IOException {
        if (!Files.exists(input)) {
            throw new FormatException(input + ": no such file or folder");
        }
        if (Files.isDirectory(input)) {
            return new InputArchive(Kind.FOLDER, DirectorySource.of(input), List.of());
        }
        return open(ArchiveBytes.of(input), limits);
    }

    /**
     * Opens an archive where it lies: a zip is read in place through its channel (the end
     * records and the directory first, checked against the limits, then each entry where it
     * is); a tar is read once from the start to index its entries (each checked from its
     * header before its data is read), then each entry where it is; a tar.gz is inflated once,
     * checked the same way, into the input's {@link ArchiveBytes#scratch() scratch copy}, which
     * is then read as a tar; a bare annotation file is read as it is.
     */
    public static InputArchive open(ArchiveBytes input, ArchiveLimits limits) throws IOException {
        String name = input.name();
        byte[] magic;
        try (InputStream in = input.stream()) {
            magic = in.readNBytes(512);
        }
        if (isZip(magic)) {
            return openZip(input, name, limits);
        }
        boolean gzip = magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b;
        if (gzip) {
            return openTarGz(input, name, limits);
        }
        if (isTar(magic)) {
            Map<String, TarIndex.Entry> entries;
            try (InputStream in = input.stream()) {
                entries = TarIndex.of(in, input.size(), name, limits);
            }
            SeekableByteChannel channel = input.channel();
            return new InputArchive(Kind.TAR, TarSource.of(channel, name, entries), List.of(channel));
        }
        String lower = name.toLowerCase();
        if (lower.endsWith(".zip") || lower.endsWith(".tar") || lower.endsWith(".tgz") || lower.endsWith(".tar.gz")) {
            throw new FormatException(name + ": corrupt archive (its first bytes are not a "
                    + lower.substring(lower.lastIndexOf('.') + 1) + " header)");
        }
        return new InputArchive(Kind.BARE_FILE, SingleFileSource.of(input), List.of());
    }

    /** Inflates the tar.gz once into a scratch copy of the plain tar, which is then read in place. */
    private static InputArchive openTarGz(ArchiveBytes input, String name, ArchiveLimits limits) throws IOException {
        ScratchCopy scratch = input.scratch();
        try {
            Map<String, TarIndex.Entry> entries;
            try (InputStream in = input.stream()) {
                entries = TarIndex.inflating(in, input.size(), name, limits, scratch);
            }
            SeekableByteChannel channel = scratch.finish().channel();
            return new InputArchive(Kind.TAR, TarSource.of(channel, name, entries), List.of(channel, scratch));
        } catch (IOException | RuntimeException e) {
            try {
                scratch.close();
            } catch (IOException | RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    private static InputArchive openZip(ArchiveBytes input, String name, ArchiveLimits limits) throws IOException {
        SeekableByteChannel channel = input.channel();
        ZipFile zip;
        try {
            var end = ZipDirectoryEnd.read(channel);
            if (end.isPresent() && end.get().entries() > limits.maxEntries()) {
                throw new UnsafeArchiveException(name + ": declares " + end.get().entries()
                        + " entries, more than the limit of " + limits.maxEntries() + " (" + ArchiveLimits.MAX_ENTRIES + ")");
            }
            if (end.isPresent() && end.get().directoryBytes() > limits.maxEntries() * MAX_DIRECTORY_BYTES_PER_ENTRY) {
                throw new UnsafeArchiveException(name + ": its directory of " + end.get().directoryBytes()
                        + " bytes is larger than " + limits.maxEntries() + " entries need");
            }
            channel.position(0);
            // Local headers are read when an entry is, not all up front: over S3 that would be a
            // request per entry before the first item.
            zip = ZipFile.builder().setSeekableByteChannel(channel).setIgnoreLocalFileHeader(true).get();
        } catch (UnsafeArchiveException e) {
            channel.close();
            throw e;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw new FormatException(name + ": not a readable zip archive (" + e.getMessage() + ")", e);
        }
        try {
            return new InputArchive(Kind.ZIP, ZipSource.of(zip, channel, name, limits), List.of(zip));
        } catch (IOException | RuntimeException e) {
            zip.close();
            if (e instanceof IOException io) {
                throw io;
            }
            throw new FormatException(name + ": not a readable zip archive (" + e.getMessage() + ")", e);
        }
    }

    private static boolean isZip(byte[] magic) {
        return magic.length >= 4 && magic[0] == 'P' && magic[1] == 'K'
                && (magic[2] == 3 || magic[2] == 5 || magic[2] == 7) ;
    }

    private static boolean isTar(byte[] magic) {
        return magic.length >= 262 && magic[257] == 'u' && magic[258] == 's' && magic[259] == 't'
                && magic[260] == 'a' && magic[261] == 'r';
    }

    public Kind kind() {
        return kind;
    }

    public DatasetSource source() {
        return source;
    }

    /** Closes what the source reads; a scratch copy is deleted. */
    @Override
    public void close() throws IOException {
        IOException failure = null;
        for (Closeable resource : resources) {
            try {
                resource.close();
            } catch (IOException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}

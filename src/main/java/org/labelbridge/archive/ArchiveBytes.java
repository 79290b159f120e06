package org.labelbridge.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An input archive's bytes where they lie: a local file, or an object in a store read by ranges
 * (the function reads S3 objects so, see {@code function/S3ObjectBytes}). A zip is read through
 * {@link #channel()} (its directory at the end first, then each entry where it is); a tar is
 * indexed through {@link #stream()}, once from the start, then its entries are read where they
 * lie through {@link #channel()}; a tar.gz is inflated once into a {@link #scratch()} copy, a
 * plain tar read the same way.
 */
public interface ArchiveBytes {

    /** The file name (its extension tells a bare annotation file apart), for messages too. */
    String name();

    long size() throws IOException;

    /** A read-only channel positioned anywhere; the caller closes it. */
    SeekableByteChannel channel() throws IOException;

    /** All bytes, in order, from the first; the caller closes it. */
    InputStream stream() throws IOException;

    /**
     * Where output files are spooled (and, by default, scratch copies go): the conversion's work
     * folder, or null for the system's temporary folder.
     */
    Path workFolder();

    /**
     * A new, empty scratch copy for this input (a tar.gz inflated to be read in place); the
     * caller closes it, which deletes it. By default a file in {@link #workFolder()}; an input
     * whose local space is small puts it elsewhere (an S3 input: an object beside the output).
     */
    default ScratchCopy scratch() throws IOException {
        return FileScratchCopy.in(workFolder());
    }

    /** A local file. */
    static ArchiveBytes of(Path file) {
        return new ArchiveBytes() {
            @Override
            public String name() {
                return file.getFileName().toString();
            }

            @Override
            public long size() throws IOException {
                return Files.size(file);
            }

            @Override
            public SeekableByteChannel channel() throws IOException {
                return Files.newByteChannel(file);
            }

            @Override
            public InputStream stream() throws IOException {
                return Files.newInputStream(file);
            }

            @Override
            public Path workFolder() {
                return null;
            }
        };
    }
}

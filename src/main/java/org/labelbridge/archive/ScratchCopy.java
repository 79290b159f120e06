package org.labelbridge.archive;

import java.io.Closeable;
import java.io.IOException;

/**
 * A temporary copy of an input in a form that can be read in place: a tar.gz, which has no
 * random access, is inflated into one once, as a plain tar, then read where its entries lie.
 * Written in order from the first byte, then read back; deleted on {@link #close()} whatever
 * happened (finished or not). Where it lives is the input's business ({@link ArchiveBytes#scratch()}):
 * a file in a local input's work folder, an object beside an S3 job's output.
 */
public interface ScratchCopy extends Closeable {

    /** Where the copy is, for messages. */
    String name();

    /** Appends bytes to the copy. */
    void write(byte[] bytes, int offset, int length) throws IOException;

    /** Bytes it can still take before its space runs out (a store's own limits aside). */
    long room() throws IOException;

    /** Ends the writing; the copy's bytes, to be read in place until {@link #close()}. */
    ArchiveBytes finish() throws IOException;

    /** Deletes the copy (and abandons one not finished). */
    @Override
    void close() throws IOException;
}

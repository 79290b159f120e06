package org.labelbridge.archive;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Where an output zip goes, written once in order: a local file, or an upload to a store (the
 * function's S3 multipart upload, {@code function/S3UploadChannel}). Nothing is there for
 * anyone to read until {@link #complete()}; {@link #close()} without it discards what was
 * written (deletes the file, aborts the upload), so a failed conversion leaves nothing.
 */
public interface OutputChannel extends WritableByteChannel {

    /** After the last byte: the output is whole and in place. Closes the channel. */
    void complete() throws IOException;

    /** What the output is called in messages (a file name, an S3 URI). */
    String name();

    /** A new file (replacing one that is there). */
    static OutputChannel toFile(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
        return new OutputChannel() {
            private boolean completed;

            @Override
            public int write(ByteBuffer source) throws IOException {
                return channel.write(source);
            }

            @Override
            public boolean isOpen() {
                return channel.isOpen();
            }

            @Override
            public void complete() throws IOException {
                completed = true;
                channel.close();
            }

            @Override
            public String name() {
                return file.getFileName().toString();
            }

            @Override
            public void close() throws IOException {
                channel.close();
                if (!completed) {
                    Files.deleteIfExists(file);
                }
            }
        };
    }
}

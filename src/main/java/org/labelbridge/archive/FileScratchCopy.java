package org.labelbridge.archive;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** A scratch copy in a local file, left with {@value #SPACE_RESERVE} bytes of its disk free for everything else. */
final class FileScratchCopy implements ScratchCopy {

    /** Space left free on the disk for everything else the conversion writes. */
    static final long SPACE_RESERVE = 16L << 20;

    private final Path file;
    private OutputStream out;

    private FileScratchCopy(Path file) throws IOException {
        this.file = file;
        this.out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
    }

    /** A new empty file in {@code folder}, or in the system's temporary folder when it is null. */
    static FileScratchCopy in(Path folder) throws IOException {
        Path file = folder == null ? Files.createTempFile("labelbridge-scratch-", ".tar")
                : Files.createTempFile(folder, "labelbridge-scratch-", ".tar");
        return new FileScratchCopy(file);
    }

    @Override
    public String name() {
        return file.toString();
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        out.write(bytes, offset, length);
    }

    @Override
    public long room() throws IOException {
        return Math.max(0, Files.getFileStore(file).getUsableSpace() - SPACE_RESERVE);
    }

    @Override
    public ArchiveBytes finish() throws IOException {
        out.close();
        out = null;
        return ArchiveBytes.of(file);
    }

    @Override
    public void close() throws IOException {
        try {
            if (out != null) {
                out.close();
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }
}

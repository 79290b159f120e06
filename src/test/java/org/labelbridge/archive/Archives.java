package org.labelbridge.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/** Builds small archives for tests, entry names exactly as given (hostile ones included). */
final class Archives {

    private Archives() {
    }

    static Path zip(Path file, Map<String, String> entries) throws IOException {
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(file)) {
            for (var e : entries.entrySet()) {
                zip.putArchiveEntry(new ZipArchiveEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeArchiveEntry();
            }
        }
        return file;
    }

    static Path tar(Path file, Map<String, String> entries, boolean gzip) throws IOException {
        try (OutputStream raw = Files.newOutputStream(file);
             OutputStream data = gzip ? new GzipCompressorOutputStream(raw) : raw;
             TarArchiveOutputStream tar = new TarArchiveOutputStream(data)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (var e : entries.entrySet()) {
                byte[] bytes = e.getValue().getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry entry = new TarArchiveEntry(e.getKey(), true);
                entry.setSize(bytes.length);
                tar.putArchiveEntry(entry);
                tar.write(bytes);
                tar.closeArchiveEntry();
            }
        }
        return file;
    }

    /** A local file whose work folder (where a tar.gz's scratch copy goes) is {@code work}. */
    static ArchiveBytes inWorkFolder(Path file, Path work) {
        return local(file, work, null);
    }

    /** A local file whose tar.gz scratch copy is {@code scratch}. */
    static ArchiveBytes withScratch(Path file, ScratchCopy scratch) {
        return local(file, null, scratch);
    }

    private static ArchiveBytes local(Path file, Path work, ScratchCopy scratch) {
        ArchiveBytes bytes = ArchiveBytes.of(file);
        return new ArchiveBytes() {
            @Override
            public String name() {
                return bytes.name();
            }

            @Override
            public long size() throws IOException {
                return bytes.size();
            }

            @Override
            public java.nio.channels.SeekableByteChannel channel() throws IOException {
                return bytes.channel();
            }

            @Override
            public java.io.InputStream stream() throws IOException {
                return bytes.stream();
            }

            @Override
            public Path workFolder() {
                return work;
            }

            @Override
            public ScratchCopy scratch() throws IOException {
                return scratch == null ? ArchiveBytes.super.scratch() : scratch;
            }
        };
    }
}

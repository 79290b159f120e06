package org.labelbridge.archive;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.FormatException;

/**
 * An input opened as a {@link DatasetSource}: a zip read in place, a tar or tar.gz extracted
 * to a private work folder, a folder as it is, or one bare annotation file. Closing it
 * releases the zip and deletes the work folder.
 */
public final class InputArchive implements Closeable {

    /** What the input was; a bare file is only acceptable to formats that allow one. */
    public enum Kind { ZIP, TAR, FOLDER, BARE_FILE }

    private final Kind kind;
    private final DatasetSource source;
    private final Closeable zip;
    private final Path workDir;

    private InputArchive(Kind kind, DatasetSource source, Closeable zip, Path workDir) {
        this.kind = kind;
        this.source = source;
        this.zip = zip;
        this.workDir = workDir;
    }

    public static InputArchive open(Path input) throws IOException {
        if (!Files.exists(input)) {
            throw new FormatException(input + ": no such file or folder");
        }
        String name = input.getFileName().toString();
        if (Files.isDirectory(input)) {
            return new InputArchive(Kind.FOLDER, DirectorySource.of(input), null, null);
        }
        byte[] magic;
        try (InputStream in = Files.newInputStream(input)) {
            magic = in.readNBytes(512);
        }
        if (isZip(magic)) {
            ZipFile zip;
            try {
                zip = ZipFile.builder().setPath(input).get();
            } catch (IOException e) {
                throw new FormatException(name + ": not a readable zip archive (" + e.getMessage() + ")", e);
            }
            try {
                return new InputArchive(Kind.ZIP, ZipSource.of(zip, name), zip, null);
            } catch (IOException | RuntimeException e) {
                zip.close();
                throw e;
            }
        }
        boolean gzip = magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b;
        if (gzip || isTar(magic)) {
            Path work = Files.createTempDirectory("labelbridge-in-");
            try {
                extractTar(input, gzip, work, name);
                return new InputArchive(Kind.TAR, DirectorySource.of(work, name), null, work);
            } catch (IOException | RuntimeException e) {
                deleteTree(work);
                throw e;
            }
        }
        String lower = name.toLowerCase();
        if (lower.endsWith(".zip") || lower.endsWith(".tar") || lower.endsWith(".tgz") || lower.endsWith(".tar.gz")) {
            throw new FormatException(name + ": corrupt archive (its first bytes are not a "
                    + lower.substring(lower.lastIndexOf('.') + 1) + " header)");
        }
        return new InputArchive(Kind.BARE_FILE, SingleFileSource.of(input), null, null);
    }

    private static boolean isZip(byte[] magic) {
        return magic.length >= 4 && magic[0] == 'P' && magic[1] == 'K'
                && (magic[2] == 3 || magic[2] == 5 || magic[2] == 7) ;
    }

    private static boolean isTar(byte[] magic) {
        return magic.length >= 262 && magic[257] == 'u' && magic[258] == 's' && magic[259] == 't'
                && magic[260] == 'a' && magic[261] == 'r';
    }

    private static void extractTar(Path input, boolean gzip, Path work, String name) throws IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(input));
             InputStream data = gzip ? new GzipCompressorInputStream(raw, true) : raw;
             TarArchiveInputStream tar = new TarArchiveInputStream(data)) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                if (entry.isDirectory()) {
                    continue;
                }
                if (entry.isSymbolicLink() || entry.isLink()) {
                    throw new UnsafeArchiveException(name + ": entry '" + entry.getName() + "' is a link");
                }
                if (!entry.isFile()) {
                    continue; // devices, fifos: nothing a dataset holds
                }
                String path = EntryNames.clean(entry.getName(), name);
                if (path.isEmpty()) {
                    continue;
                }
                Path target = work.resolve(path).normalize();
                if (!target.startsWith(work)) {
                    throw new UnsafeArchiveException(name + ": entry '" + entry.getName() + "' points outside the archive");
                }
                if (Files.exists(target)) {
                    throw new UnsafeArchiveException(name + ": entry '" + path + "' appears twice");
                }
                Files.createDirectories(target.getParent());
                Files.copy(tar, target);
            }
        } catch (UnsafeArchiveException e) {
            throw e;
        } catch (IOException e) {
            throw new FormatException(name + ": corrupt tar archive (" + e.getMessage() + ")", e);
        }
    }

    public Kind kind() {
        return kind;
    }

    public DatasetSource source() {
        return source;
    }

    @Override
    public void close() throws IOException {
        if (zip != null) {
            zip.close();
        }
        if (workDir != null) {
            deleteTree(workDir);
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

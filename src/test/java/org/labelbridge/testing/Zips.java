package org.labelbridge.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;

/** Zips a corpus folder as a user would, and reads entries back out of an output zip. */
public final class Zips {

    private Zips() {
    }

    /** Zips every file under {@code dir}, paths relative to it, prefixed by {@code prefix}. */
    public static Path zipFolder(Path dir, Path zip, String prefix) throws IOException {
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(zip); Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                out.putArchiveEntry(new ZipArchiveEntry(prefix + dir.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, out);
                out.closeArchiveEntry();
            }
        }
        return zip;
    }

    public static List<String> names(Path zip) throws IOException {
        try (ZipFile z = ZipFile.builder().setPath(zip).get()) {
            List<String> names = new ArrayList<>();
            for (ZipArchiveEntry e : Collections.list(z.getEntries())) {
                names.add(e.getName());
            }
            return names;
        }
    }

    public static String text(Path zip, String entry) throws IOException {
        try (ZipFile z = ZipFile.builder().setPath(zip).get()) {
            ZipArchiveEntry e = z.getEntry(entry);
            if (e == null) {
                throw new AssertionError("no entry " + entry + " in " + zip + ": " + names(zip));
            }
            try (InputStream in = z.getInputStream(e)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }
}

package org.labelbridge.format.voc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.labelbridge.archive.DirectorySource;

/** A tiny dataset written file by file into a test's temporary folder. */
final class VocFixture {

    private final Path dir;

    private VocFixture(Path dir) {
        this.dir = dir;
    }

    static VocFixture in(Path dir) {
        return new VocFixture(dir);
    }

    VocFixture file(String path, String text) {
        try {
            Path file = dir.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    DirectorySource source() throws IOException {
        return DirectorySource.of(dir);
    }

    /** An annotation file with these objects (XML text). */
    static String annotation(String objects) {
        return "<annotation><folder></folder><filename>x.jpg</filename>" + objects + "</annotation>\n";
    }
}

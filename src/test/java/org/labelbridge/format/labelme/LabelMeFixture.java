package org.labelbridge.format.labelme;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.labelbridge.archive.DirectorySource;

/** A tiny dataset written file by file into a test's temporary folder. */
final class LabelMeFixture {

    private final Path dir;

    private LabelMeFixture(Path dir) {
        this.dir = dir;
    }

    static LabelMeFixture in(Path dir) {
        return new LabelMeFixture(dir);
    }

    LabelMeFixture file(String path, String text) {
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

    /** A LabelMe file for image {@code filename} with these objects (XML text). */
    static String annotation(String filename, String objects) {
        return "<annotation><filename>" + filename + "</filename><folder></folder>" + objects + "</annotation>\n";
    }

    /** An object with a polygon of these x, y pairs. */
    static String polygon(int id, String name, String extra, double... xy) {
        StringBuilder pts = new StringBuilder();
        for (int i = 0; i < xy.length; i += 2) {
            pts.append("<pt><x>").append(xy[i]).append("</x><y>").append(xy[i + 1]).append("</y></pt>");
        }
        return "<object><name>" + name + "</name><id>" + id + "</id>" + extra + "<polygon>" + pts + "</polygon></object>";
    }
}

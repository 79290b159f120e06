package org.labelbridge.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.labelbridge.archive.DirectorySource;

/** The corpus samples kept in {@code src/test/resources/corpus} (see its MANIFEST.md). */
public final class Corpus {

    public static final Path ROOT = Path.of("src/test/resources/corpus");

    private Corpus() {
    }

    /** A sample folder, e.g. {@code "coco_1.0/coco_instances"}. */
    public static Path path(String sample) {
        Path path = ROOT.resolve(sample);
        if (!Files.isDirectory(path) && !Files.isRegularFile(path)) {
            throw new IllegalArgumentException("no corpus sample " + path);
        }
        return path;
    }

    /** A copy of a sample folder at {@code to}, for a test to change. */
    public static Path copy(String sample, Path to) throws IOException {
        Path from = path(sample);
        try (java.util.stream.Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        return to;
    }

    /** A sample folder opened as a dataset source. */
    public static DirectorySource source(String sample) {
        try {
            return DirectorySource.of(path(sample));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

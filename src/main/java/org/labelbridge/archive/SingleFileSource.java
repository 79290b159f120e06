package org.labelbridge.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** One bare annotation file ({@code instances_default.json}, {@code annotations.xml}) as a dataset. */
final class SingleFileSource extends RootedSource {

    private final Path file;

    private SingleFileSource(Path file, String root) {
        super(file.getFileName().toString(), List.of(file.getFileName().toString()), root);
        this.file = file;
    }

    static SingleFileSource of(Path file) {
        return new SingleFileSource(file, "");
    }

    @Override
    public String describe(String path) {
        return path;
    }

    @Override
    protected InputStream openFull(String fullPath) throws IOException {
        return Files.newInputStream(file);
    }

    @Override
    protected long sizeFull(String fullPath) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    protected RootedSource withRoot(String newRoot) {
        return new SingleFileSource(file, newRoot);
    }

    @Override
    protected List<String> allFiles() {
        return List.of(file.getFileName().toString());
    }
}

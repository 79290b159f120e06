package org.labelbridge.archive;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** One bare annotation file ({@code instances_default.json}, {@code annotations.xml}) as a dataset. */
final class SingleFileSource extends RootedSource {

    private final ArchiveBytes file;

    private SingleFileSource(ArchiveBytes file, String root) {
        super(file.name(), List.of(file.name()), root);
        this.file = file;
    }

    static SingleFileSource of(ArchiveBytes file) {
        return new SingleFileSource(file, "");
    }

    @Override
    public String describe(String path) {
        return path;
    }

    @Override
    protected InputStream openFull(String fullPath) throws IOException {
        return file.stream();
    }

    @Override
    protected long sizeFull(String fullPath) {
        try {
            return file.size();
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
        return List.of(file.name());
    }
}

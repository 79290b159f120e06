package org.labelbridge.archive;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import org.labelbridge.format.DatasetSource;

/**
 * A source over a sorted list of full entry paths, seen from a root folder inside them.
 * Subclasses say how to open and measure a full path.
 */
abstract class RootedSource implements DatasetSource {

    private final String name;
    private final String root;
    private final List<String> files;
    private final Set<String> fileSet;

    /**
     * @param name     the archive or folder, for messages
     * @param allFiles every file's full path, sorted
     * @param root     {@code ""} or a folder path ending in {@code /}
     */
    RootedSource(String name, List<String> allFiles, String root) {
        this.name = name;
        this.root = root;
        this.files = allFiles.stream().filter(f -> f.startsWith(root))
                .map(f -> f.substring(root.length())).toList();
        this.fileSet = Set.copyOf(files);
    }

    protected abstract InputStream openFull(String fullPath) throws IOException;

    protected abstract long sizeFull(String fullPath);

    protected abstract RootedSource withRoot(String newRoot);

    /** The full paths this source was built from (all roots). */
    protected abstract List<String> allFiles();

    protected String name() {
        return name;
    }

    protected String root() {
        return root;
    }

    /** The full entry path of a path relative to this root. */
    protected String full(String path) {
        return root + path;
    }

    @Override
    public List<String> files() {
        return files;
    }

    @Override
    public boolean exists(String path) {
        return fileSet.contains(path);
    }

    @Override
    public InputStream open(String path) throws IOException {
        if (!exists(path)) {
            throw new FileNotFoundException(describe(path) + ": no such file");
        }
        return openFull(full(path));
    }

    @Override
    public long size(String path) {
        return exists(path) ? sizeFull(full(path)) : -1;
    }

    @Override
    public String describe(String path) {
        return name + "!/" + root + path;
    }

    @Override
    public DatasetSource under(String folder) {
        if (folder.isEmpty()) {
            return this;
        }
        return withRoot(root + (folder.endsWith("/") ? folder : folder + "/"));
    }
}

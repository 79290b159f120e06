package org.labelbridge.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** A dataset in a folder on disk. */
public final class DirectorySource extends RootedSource {

    private final Path dir;
    private final List<String> allFiles;

    private DirectorySource(Path dir, String name, List<String> allFiles, String root) {
        super(name, allFiles, root);
        this.dir = dir;
        this.allFiles = allFiles;
    }

    /** Lists the folder; symbolic links are not followed (and not listed). */
    public static DirectorySource of(Path dir) throws IOException {
        return of(dir, dir.getFileName() == null ? dir.toString() : dir.getFileName().toString());
    }

    static DirectorySource of(Path dir, String name) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            List<String> files = walk
                    .filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
            return new DirectorySource(dir, name, files, "");
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The folder on disk this source reads (its root, not the dataset root). */
    public Path directory() {
        return dir;
    }

    @Override
    protected InputStream openFull(String fullPath) throws IOException {
        return Files.newInputStream(dir.resolve(fullPath));
    }

    @Override
    protected long sizeFull(String fullPath) {
        try {
            return Files.size(dir.resolve(fullPath));
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    protected RootedSource withRoot(String newRoot) {
        return new DirectorySource(dir, name(), allFiles, newRoot);
    }

    @Override
    protected List<String> allFiles() {
        return allFiles;
    }
}

package org.labelbridge.archive;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.labelbridge.format.DatasetOutput;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.FormatException;
import org.labelbridge.model.Media;

/** Writes a dataset into a folder (for the CLI's folder output and for tests). */
public final class DirectoryOutput implements DatasetOutput {

    private final Path dir;
    private final DatasetSource media;
    private final boolean keepMedia;

    public DirectoryOutput(Path dir, DatasetSource media, boolean keepMedia) {
        this.dir = dir;
        this.media = media;
        this.keepMedia = keepMedia && media != null;
    }

    @Override
    public OutputStream entry(String path) throws IOException {
        Path target = target(path);
        Files.createDirectories(target.getParent());
        return new BufferedOutputStream(Files.newOutputStream(target, StandardOpenOption.CREATE_NEW), 1 << 16);
    }

    @Override
    public OutputStream deferred(String path) throws IOException {
        return entry(path);
    }

    @Override
    public boolean copyMedia(Media item, String path) throws IOException {
        if (!keepMedia || !item.hasPath() || !media.exists(item.path())) {
            return false;
        }
        Path target = target(path);
        Files.createDirectories(target.getParent());
        try (InputStream in = media.open(item.path())) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return true;
    }

    @Override
    public boolean keepsMedia() {
        return keepMedia;
    }

    private Path target(String path) throws IOException {
        String clean = EntryNames.clean(path, dir.toString());
        Path target = dir.resolve(clean).normalize();
        if (!clean.equals(path) || !target.startsWith(dir.normalize())) {
            throw new FormatException("output file '" + path + "' is not a clean relative path");
        }
        return target;
    }
}

package org.labelbridge.format;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The files of a dataset under its root, whatever holds them (zip, tar, folder, one bare
 * file). Paths are relative to the root, {@code /}-separated, without a leading slash.
 */
public interface DatasetSource {

    /** Every file (not directory), sorted. */
    List<String> files();

    boolean exists(String path);

    /** Opens a file; the caller closes the stream. */
    InputStream open(String path) throws IOException;

    /** The file's size in bytes, or -1 when unknown. */
    long size(String path);

    /**
     * The CRC-32 of the file's bytes where it is known without a read of the file's own (a
     * zip's directory records it; a tar's index took it in its one pass); -1 otherwise.
     */
    default long storedCrc32(String path) {
        return -1;
    }

    /** How to name the file to a user: the archive and the path inside it. */
    String describe(String path);

    /** The same source rooted at a folder of this one. */
    DatasetSource under(String folder);

    /** Files directly in the folder ({@code ""} for the root), sorted. */
    default List<String> filesIn(String folder) {
        String prefix = folder.isEmpty() || folder.endsWith("/") ? folder : folder + "/";
        return files().stream()
                .filter(f -> f.startsWith(prefix) && f.indexOf('/', prefix.length()) < 0)
                .toList();
    }

    /** Files anywhere below the folder, sorted. */
    default List<String> filesUnder(String folder) {
        String prefix = folder.isEmpty() || folder.endsWith("/") ? folder : folder + "/";
        return files().stream().filter(f -> f.startsWith(prefix)).toList();
    }

    /** Names of the folders directly in the folder, sorted. */
    default List<String> foldersIn(String folder) {
        String prefix = folder.isEmpty() || folder.endsWith("/") ? folder : folder + "/";
        return files().stream()
                .filter(f -> f.startsWith(prefix) && f.indexOf('/', prefix.length()) > 0)
                .map(f -> f.substring(prefix.length(), f.indexOf('/', prefix.length())))
                .distinct().sorted().toList();
    }

    /** Reads at most {@code limit} bytes from the start of a file, for detectors. */
    default byte[] head(String path, int limit) throws IOException {
        try (InputStream in = open(path)) {
            return in.readNBytes(limit);
        }
    }
}

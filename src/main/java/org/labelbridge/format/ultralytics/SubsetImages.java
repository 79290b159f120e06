package org.labelbridge.format.ultralytics;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.FormatException;
import org.labelbridge.format.Problems;
import org.labelbridge.format.common.ImageFiles;
import org.labelbridge.format.common.TextFiles;

/**
 * The images of one subset, one at a time, in the order its sources give them: an image
 * folder's images sorted by path (its sub-folders included), a list file's lines as written,
 * an image named in data.yaml itself (Datumaro's YAML list of image paths). Every folder and
 * list file is found when the subset is opened, so that a wrong data.yaml fails at once; a
 * missing image, as a missing list entry, is an item without its image.
 */
final class SubsetImages implements Closeable {

    /** An image of the subset: its path in the dataset (where it would be, when it is missing) and its item id. */
    record Image(String path, String id, boolean exists) {
    }

    /** One source of the subset: a folder, a list file or an image (where it would be, when it is missing). */
    private record Source(String path, Kind kind, boolean exists) {
    }

    private enum Kind { FOLDER, LIST, IMAGE }

    private final DatasetSource source;
    private final Locator locator;
    private final Problems problems;
    private final String yamlPath;
    private final Iterator<Source> sources;
    private Iterator<String> folderImages;
    private String folder;
    private BufferedReader list;
    private String listPath;
    private int listLine;

    private SubsetImages(DatasetSource source, Problems problems, String yamlPath, List<Source> sources) {
        this.source = source;
        this.locator = new Locator(source);
        this.problems = problems;
        this.yamlPath = yamlPath;
        this.sources = sources.iterator();
    }

    static SubsetImages open(DatasetSource source, Problems problems, DataYaml yaml, DataYaml.Subset subset)
            throws FormatException {
        Locator locator = new Locator(source);
        List<String> bases = yaml.path.isEmpty() ? List.of() : List.of(yaml.path);
        List<Source> found = new ArrayList<>();
        for (String raw : subset.sources()) {
            if (ImageFiles.isImage(raw.strip())) {
                String path = locator.file(raw, bases);
                found.add(path != null ? new Source(path, Kind.IMAGE, true)
                        : new Source(Locator.expected(raw), Kind.IMAGE, false));
                continue;
            }
            boolean list = raw.strip().toLowerCase(java.util.Locale.ROOT).endsWith(UltralyticsLayout.TEXT_EXTENSION);
            String path = list ? locator.file(raw, bases) : locator.folder(raw, bases);
            if (path == null) {
                throw FormatException.at(yaml.file, "line " + subset.line(), "the "
                        + (list ? "image list" : "image folder") + " '" + raw + "' of subset '" + subset.name()
                        + "' is not in the dataset");
            }
            found.add(new Source(path, list ? Kind.LIST : Kind.FOLDER, true));
        }
        return new SubsetImages(source, problems, yaml.path, found);
    }

    /** The next image, or {@code null} when the subset has no more. */
    Image next() throws IOException {
        while (true) {
            if (folderImages != null && folderImages.hasNext()) {
                String path = folderImages.next();
                return new Image(path, UltralyticsLayout.idInFolder(folder, path), true);
            }
            if (list != null) {
                Image listed = nextListed();
                if (listed != null) {
                    return listed;
                }
            }
            if (!sources.hasNext()) {
                return null;
            }
            Source next = sources.next();
            if (next.kind() == Kind.IMAGE) {
                folderImages = null;
                close();
                return new Image(next.path(), idOfNamed(next.path()), next.exists());
            }
            start(next);
        }
    }

    private void start(Source next) throws IOException {
        folderImages = null;
        close();
        if (next.kind() == Kind.LIST) {
            list = TextFiles.open(source, next.path());
            listPath = next.path();
            listLine = 0;
            return;
        }
        folder = next.path();
        List<String> images = new ArrayList<>();
        int others = 0;
        String example = null;
        for (String file : source.filesUnder(folder)) {
            if (ImageFiles.isUltralyticsImage(file)) {
                images.add(file);
            } else {
                others++;
                example = example == null ? file : example;
            }
        }
        if (others > 0) {
            problems.dataset(others + " file(s) in the image folder " + (folder.isEmpty() ? "(the root)" : folder)
                    + " are not images and were skipped, e.g. " + example);
        }
        folderImages = images.iterator();
    }

    private Image nextListed() throws IOException {
        for (String line = list.readLine(); line != null; line = list.readLine()) {
            listLine++;
            String entry = line.strip();
            if (entry.isEmpty() || entry.startsWith("#")) {
                continue;
            }
            String listFolder = listPath.contains("/") ? listPath.substring(0, listPath.lastIndexOf('/')) : "";
            List<String> bases = new ArrayList<>();
            if (!listFolder.isEmpty()) {
                bases.add(listFolder);
            }
            if (!yamlPath.isEmpty()) {
                bases.add(yamlPath);
            }
            String path = locator.file(entry, bases);
            boolean exists = path != null;
            if (!exists) {
                path = Locator.expected(entry);
                if (path.isEmpty()) {
                    throw FormatException.at(source.describe(listPath), "line " + listLine,
                            "expected the path of an image, got '" + entry + "'");
                }
            }
            return new Image(path, idOfNamed(path), exists);
        }
        close();
        return null;
    }

    /**
     * The id of an image a list or data.yaml names: as {@link UltralyticsLayout#idFromListedImage}
     * gives it, of its path below the dataset root {@code path} when it is there.
     */
    private String idOfNamed(String path) {
        String root = String.join("/", UltralyticsLayout.segments(yamlPath));
        boolean below = !root.isEmpty() && path.startsWith(root + "/");
        return UltralyticsLayout.idFromListedImage(below ? path.substring(root.length() + 1) : path);
    }

    @Override
    public void close() throws IOException {
        if (list != null) {
            list.close();
            list = null;
        }
    }
}

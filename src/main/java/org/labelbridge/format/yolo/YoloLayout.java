package org.labelbridge.format.yolo;

import java.util.Set;
import java.util.regex.Pattern;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.common.ImageFiles;

/** File names and path rules of the darknet layout, shared by the reader and the writer. */
final class YoloLayout {

    static final String OBJ_DATA = "obj.data";
    static final String OBJ_NAMES = "obj.names";
    /** Datumaro's side file of image sizes ({@code <item id> <height> <width>} per line). */
    static final String IMAGES_META = "images.meta";
    /** Darknet runs from its own folder, so dataset paths start with {@code data/}. */
    static final String DATA_PREFIX = "data/";
    static final String LABELS_EXTENSION = ".txt";
    /** Where items without a subset go: darknet trains on {@code train}. */
    static final String DEFAULT_SUBSET = "train";
    /** The subsets CVAT's spec allows; others are a Datumaro extension. */
    static final Set<String> SPEC_SUBSETS = Set.of("train", "valid");
    /** obj.data keys that are darknet settings, not subset list files. */
    static final Set<String> SETTINGS = Set.of("classes", "names", "backup", "eval", "results", "map",
            "prefix", "difficult");
    /** A subset name must be an obj.data key. */
    static final Pattern SUBSET_NAME = Pattern.compile("\\w+");

    private YoloLayout() {
    }

    static String subsetFolder(String subset) {
        return "obj_" + subset + "_data";
    }

    static String listFile(String subset) {
        return subset + ".txt";
    }

    /**
     * A path from obj.data or a list file as a clean {@code /}-separated relative path, or
     * {@code null} when it is absolute or climbs out of the dataset. The {@code data/} prefix
     * is kept; see {@link #stripDataPrefix}.
     */
    static String normalise(String path) {
        String p = path.trim().replace('\\', '/');
        if (p.startsWith("/") || p.matches("^[A-Za-z]:.*")) {
            return null;
        }
        StringBuilder out = new StringBuilder(p.length());
        for (String segment : p.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                return null;
            }
            if (out.length() > 0) {
                out.append('/');
            }
            out.append(segment);
        }
        return out.toString();
    }

    static String stripDataPrefix(String normalised) {
        return normalised.startsWith(DATA_PREFIX) ? normalised.substring(DATA_PREFIX.length()) : normalised;
    }

    /**
     * A path named in obj.data as it is in the dataset ({@code data/train.txt} is
     * {@code train.txt}), or {@code null} when the dataset does not have it.
     */
    static String locate(DatasetSource source, String value) {
        String normalised = normalise(value);
        if (normalised == null || normalised.isEmpty()) {
            return null;
        }
        String local = stripDataPrefix(normalised);
        if (source.exists(local)) {
            return local;
        }
        return source.exists(normalised) ? normalised : null;
    }

    /** The item id of a listed image: its path below the subset folder, without extension. */
    static String idFromImagePath(String localPath) {
        int slash = localPath.indexOf('/');
        return ImageFiles.stripExtension(slash < 0 ? localPath : localPath.substring(slash + 1));
    }
}

package org.labelbridge.format.yolo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.Problems;
import org.labelbridge.format.common.ImageFiles;
import org.labelbridge.model.Item;

/**
 * The items of the 'loose' layout (Datumaro's, not CVAT's): obj.names, no obj.data, label files
 * in {@code Annotations/} or {@code labels/} and images in a sibling folder such as
 * {@code Images/}, each either directly (subset {@code default}) or in a subset folder.
 * An item's id is its file name without extension.
 */
final class LooseEntries implements YoloEntries {

    static final List<String> ANNOTATION_FOLDERS = List.of("Annotations", "annotations", "Labels", "labels");

    private final Iterator<String> labelFiles;
    private final String folder;
    /** Image path by subset and name: the one index this layout forces. */
    private final Map<String, String> images = new HashMap<>();

    LooseEntries(DatasetSource source, String folder, Problems problems) {
        this.folder = folder;
        List<String> files = new ArrayList<>();
        int tooDeep = 0;
        for (String file : source.filesUnder(folder)) {
            if (file.endsWith(YoloLayout.LABELS_EXTENSION)) {
                if (depthBelow(folder, file) <= 1) {
                    files.add(file);
                } else {
                    tooDeep++;
                }
            }
        }
        if (tooDeep > 0) {
            problems.dataset(tooDeep + " label file(s) more than one folder below " + folder
                    + "/ skipped: the loose layout has at most a subset folder there");
        }
        this.labelFiles = files.iterator();
        for (String file : source.files()) {
            String[] parts = file.split("/");
            if ((parts.length == 2 || parts.length == 3) && !parts[0].equals(folder) && isImage(file)) {
                String subset = parts.length == 2 ? Item.DEFAULT_SUBSET : parts[1];
                images.putIfAbsent(key(subset, ImageFiles.stripExtension(parts[parts.length - 1])), file);
            }
        }
    }

    /** The folder of label files, or {@code null} when the dataset has none. */
    static String annotationFolder(DatasetSource source) {
        for (String folder : ANNOTATION_FOLDERS) {
            for (String file : source.filesUnder(folder)) {
                if (file.endsWith(YoloLayout.LABELS_EXTENSION) && depthBelow(folder, file) <= 1) {
                    return folder;
                }
            }
        }
        return null;
    }

    @Override
    public YoloEntry next() {
        if (!labelFiles.hasNext()) {
            return null;
        }
        String file = labelFiles.next();
        String relative = file.substring(folder.length() + 1);
        int slash = relative.indexOf('/');
        String subset = slash < 0 ? Item.DEFAULT_SUBSET : relative.substring(0, slash);
        String id = ImageFiles.stripExtension(relative.substring(slash + 1));
        return new YoloEntry(subset, id, images.get(key(subset, id)), file);
    }

    private static int depthBelow(String folder, String file) {
        String relative = file.substring(folder.length() + 1);
        return (int) relative.chars().filter(c -> c == '/').count();
    }

    private static boolean isImage(String file) {
        return ImageFiles.isImage(file);
    }

    private static String key(String subset, String name) {
        return subset + '\u0000' + name;
    }
}

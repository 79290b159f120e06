package org.labelbridge.format.cityscapes;

import java.util.Map;
import java.util.TreeMap;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.common.ImageFiles;
import org.labelbridge.model.Item;

/**
 * The files of a Cityscapes dataset by subset and item id, from their names alone:
 * {@code gtFine/<subset>/<id>_gtFine_<kind>.png} and
 * {@code imgsFine/leftImg8bit/<subset>/<id>_leftImg8bit.<ext>} (or {@code leftImg8bit/...}
 * at the root, the original dataset's layout). The id keeps the city folder.
 */
final class CityscapesFiles {

    static final String GT_FINE = "gtFine";
    static final String IMAGES = "imgsFine/leftImg8bit";
    static final String ORIGINAL_IMAGES = "leftImg8bit";
    static final String IMAGE_SUFFIX = "_leftImg8bit";
    static final String INSTANCE_IDS = "_gtFine_instanceIds.png";
    static final String LABEL_TRAIN_IDS = "_gtFine_labelTrainIds.png";
    static final String LABEL_IDS = "_gtFine_labelIds.png";
    static final String COLOR = "_gtFine_color.png";

    /** One item's files; any may be missing. */
    static final class Paths {
        String instanceIds;
        String labelTrainIds;
        String labelIds;
        String color;
        String image;
    }

    /** Items by subset, then id, both sorted. */
    final Map<String, Map<String, Paths>> items = new TreeMap<>();
    int instanceIdsFiles;
    int labelTrainIdsFiles;

    private CityscapesFiles() {
    }

    static CityscapesFiles scan(DatasetSource source) {
        CityscapesFiles files = new CityscapesFiles();
        for (String file : source.filesUnder(GT_FINE)) {
            files.addMask(file.substring(GT_FINE.length() + 1));
        }
        String images = source.filesUnder(IMAGES).isEmpty() ? ORIGINAL_IMAGES : IMAGES;
        for (String file : source.filesUnder(images)) {
            if (ImageFiles.isImage(file)) {
                String name = ImageFiles.stripExtension(file.substring(images.length() + 1));
                String id = name.endsWith(IMAGE_SUFFIX) ? name.substring(0, name.length() - IMAGE_SUFFIX.length()) : name;
                files.paths(id).image = file;
            }
        }
        return files;
    }

    private void addMask(String relative) {
        String full = GT_FINE + "/" + relative;
        if (relative.endsWith(INSTANCE_IDS)) {
            paths(strip(relative, INSTANCE_IDS)).instanceIds = full;
            instanceIdsFiles++;
        } else if (relative.endsWith(LABEL_TRAIN_IDS)) {
            paths(strip(relative, LABEL_TRAIN_IDS)).labelTrainIds = full;
            labelTrainIdsFiles++;
        } else if (relative.endsWith(LABEL_IDS)) {
            paths(strip(relative, LABEL_IDS)).labelIds = full;
        } else if (relative.endsWith(COLOR)) {
            paths(strip(relative, COLOR)).color = full;
        }
    }

    private static String strip(String path, String suffix) {
        return path.substring(0, path.length() - suffix.length());
    }

    /** The entry of {@code <subset>/<id>}; a file directly in the folder is in the default subset. */
    private Paths paths(String subsetAndId) {
        int slash = subsetAndId.indexOf('/');
        String subset = slash < 0 ? Item.DEFAULT_SUBSET : subsetAndId.substring(0, slash);
        String id = subsetAndId.substring(slash + 1);
        return items.computeIfAbsent(subset, s -> new TreeMap<>()).computeIfAbsent(id, i -> new Paths());
    }

    /** Whether the masks to read are labelTrainIds (CVAT reads them in place of instanceIds when there are any). */
    boolean trainIds() {
        return labelTrainIdsFiles > 0;
    }
}

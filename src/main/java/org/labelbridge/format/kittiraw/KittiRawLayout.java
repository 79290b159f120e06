package org.labelbridge.format.kittiraw;

import java.util.List;
import java.util.Locale;
import org.labelbridge.format.DatasetSource;

/** Where KITTI raw data keeps its files, and the codes of its tracklet poses. */
final class KittiRawLayout {

    static final String TRACKLETS = "tracklet_labels.xml";
    static final String POINT_CLOUDS = "velodyne_points/data/";
    /** {@code <frame> <item id>} lines: CVAT's names for frames. */
    static final String FRAME_LIST = "frame_list.txt";
    /** Camera folders: {@code image_00/data/}, ... (the KITTI download writes {@code IMAGE_00}). */
    static final String IMAGE_FOLDER_PREFIX = "image_";
    static final String IMAGE_DATA = "/data/";

    static final int STATE_INTERPOLATED = 1;
    static final int STATE_LABELLED = 2;
    static final int OCCLUSION_UNSET = -1;
    static final int VISIBLE = 0;
    static final int PARTLY_OCCLUDED = 1;
    static final int FULLY_OCCLUDED = 2;
    static final int IN_IMAGE = 0;
    static final int OUT_IMAGE = 2;
    static final int BEHIND_IMAGE = 99;

    /** Annotation attributes the layout itself stores (in occlusion fields, or as the tracklet). */
    static final String OCCLUDED = "occluded";

    private KittiRawLayout() {
    }

    /** The annotation file: {@code tracklet_labels.xml}, else the one other XML file at the root, or null. */
    static String annotationFile(DatasetSource source) {
        if (source.exists(TRACKLETS)) {
            return TRACKLETS;
        }
        List<String> xml = source.filesIn("").stream().filter(f -> f.toLowerCase(Locale.ROOT).endsWith(".xml")).toList();
        return xml.size() == 1 ? xml.get(0) : null;
    }

    /** The camera folders at the root ({@code image_00}, {@code IMAGE_01}, ...), sorted. */
    static List<String> imageFolders(DatasetSource source) {
        return source.foldersIn("").stream()
                .filter(f -> f.toLowerCase(Locale.ROOT).startsWith(IMAGE_FOLDER_PREFIX))
                .toList();
    }

    /** The folder of camera {@code index} as the writer names it. */
    static String imageFolder(int index) {
        return String.format(Locale.ROOT, "%s%02d", IMAGE_FOLDER_PREFIX, index);
    }
}

package org.labelbridge.format.market1501;

import java.util.List;

/** Names of the Market-1501 layout. */
final class Market1501Files {

    static final String QUERY_DIR = "query";
    static final String GALLERY_PREFIX = "bounding_box_";
    static final String LIST_PREFIX = "images_";
    static final String DEFAULT_IMAGE_EXT = ".jpg";
    static final String PERSON_ID = "person_id";
    static final String CAMERA_ID = "camera_id";
    static final String TRACK_ID = "track_id";
    static final String FRAME_ID = "frame_id";
    static final String BBOX_ID = "bbox_id";
    static final String QUERY = "query";
    static final List<String> ATTRIBUTES = List.of(PERSON_ID, CAMERA_ID, TRACK_ID, FRAME_ID, BBOX_ID, QUERY);

    private Market1501Files() {
    }

    static boolean isList(String rootFile) {
        return rootFile.startsWith(LIST_PREFIX) && rootFile.endsWith(".txt") && rootFile.indexOf('/') < 0
                && rootFile.length() > LIST_PREFIX.length() + 4;
    }

    static String listFile(String subset) {
        return LIST_PREFIX + subset + ".txt";
    }

    static String subsetOfList(String listFile) {
        return listFile.substring(LIST_PREFIX.length(), listFile.length() - 4);
    }

    /** The subset an image folder holds ({@code query} for {@code query/}), or null when it holds none. */
    static String subsetOfFolder(String folder) {
        if (folder.equals(QUERY_DIR)) {
            return QUERY_DIR;
        }
        return folder.startsWith(GALLERY_PREFIX) && folder.length() > GALLERY_PREFIX.length()
                ? folder.substring(GALLERY_PREFIX.length()) : null;
    }

}

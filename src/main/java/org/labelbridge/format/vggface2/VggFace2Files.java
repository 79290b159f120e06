package org.labelbridge.format.vggface2;

import java.util.List;
import org.apache.commons.csv.CSVFormat;

/** Names and columns of the VGGFace2 layout. */
final class VggFace2Files {

    static final String ANNOTATIONS_DIR = "bb_landmark";
    static final String BOXES_PREFIX = "loose_bb_";
    static final String LANDMARKS_PREFIX = "loose_landmark_";
    static final String LABELS_FILE = "labels.txt";
    static final String NO_LABEL = "no_label";
    static final String DEFAULT_IMAGE_EXT = ".jpg";
    static final String NAME_ID = "NAME_ID";
    static final List<String> BOX_COLUMNS = List.of("X", "Y", "W", "H");
    static final List<String> LANDMARK_COLUMNS = List.of("P1X", "P1Y", "P2X", "P2Y", "P3X", "P3Y", "P4X", "P4Y",
            "P5X", "P5Y");
    static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();

    private VggFace2Files() {
    }

    static String boxesFile(String subset) {
        return ANNOTATIONS_DIR + "/" + BOXES_PREFIX + subset + ".csv";
    }

    static String landmarksFile(String subset) {
        return ANNOTATIONS_DIR + "/" + LANDMARKS_PREFIX + subset + ".csv";
    }

    /** The subset a {@code bb_landmark/} file is for, or null when it is not an annotation file. */
    static String subsetOf(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (!name.endsWith(".csv")) {
            return null;
        }
        for (String prefix : List.of(BOXES_PREFIX, LANDMARKS_PREFIX)) {
            if (name.startsWith(prefix) && name.length() > prefix.length() + 4) {
                return name.substring(prefix.length(), name.length() - 4);
            }
        }
        return null;
    }

}

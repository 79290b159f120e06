package org.labelbridge.format.mot;

import java.util.List;
import java.util.Locale;

/** Names of the MOT sequence layout and of the attributes a MOT box carries. */
final class MotLayout {

    static final String GT_FILE = "gt/gt.txt";
    static final String LABELS_FILE = "gt/labels.txt";
    static final String SEQINFO_FILE = "seqinfo.ini";
    static final String IMAGES_DIR = "img1";
    static final String DEFAULT_IMAGE_EXT = ".jpg";

    static final String OCCLUDED = "occluded";
    static final String VISIBILITY = "visibility";
    static final String IGNORED = "ignored";

    /** The classes of the MOT Challenge, the labels when gt/labels.txt is missing (as Datumaro has them). */
    static final List<String> DEFAULT_LABELS = List.of("pedestrian", "person on vehicle", "car", "bicycle",
            "motorbike", "non motorized vehicle", "static person", "distractor", "occluder",
            "occluder on the ground", "occluder full", "reflection");

    private MotLayout() {
    }

    /** The name of a frame's image and item: {@code 000001} for frame 1. */
    static String frameName(long motFrame) {
        return String.format(Locale.ROOT, "%06d", motFrame);
    }
}

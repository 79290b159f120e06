package org.labelbridge.format.mots;

import java.util.List;

/** Names of the MOTS PNG layout and its pixel values. */
final class MotsLayout {

    static final String INSTANCES_DIR = "instances";
    static final String IMAGES_DIR = "images";
    static final String LABELS_FILE = "labels.txt";
    static final String MASK_EXT = ".png";
    static final String DEFAULT_IMAGE_EXT = ".jpg";

    /** A pixel is {@code class_id * MAX_INSTANCES + instance id}. */
    static final int MAX_INSTANCES = 1000;
    /** The class MOTS gives pixels to ignore, and the label it is read as. */
    static final int IGNORED_CLASS = 10;
    static final String IGNORED_LABEL = "ignored";
    /** The largest value a 16-bit PNG holds. */
    static final int MAX_VALUE = 0xFFFF;

    /** MOTS's classes (car 1, pedestrian 2; 10 is ignored), the labels when no labels.txt is given. */
    static final List<String> DEFAULT_LABELS = List.of("car", "pedestrian", IGNORED_LABEL);

    private MotsLayout() {
    }

    /** Where a subset's files are: {@code ""} for the root's {@code instances/}, else {@code <subset>/}. */
    static String base(String subsetFolder) {
        return subsetFolder.isEmpty() ? "" : subsetFolder + "/";
    }
}

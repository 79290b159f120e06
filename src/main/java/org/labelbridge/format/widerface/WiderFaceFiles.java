package org.labelbridge.format.widerface;

import java.util.List;

/** Names of the WIDER Face layout. */
final class WiderFaceFiles {

    static final String ANNOTATIONS_DIR = "wider_face_split";
    static final String ANNOTATION_PREFIX = "wider_face_";
    static final String ANNOTATION_SUFFIX = "_bbx_gt.txt";
    static final String SUBSET_DIR_PREFIX = "WIDER_";
    static final String IMAGES_DIR = "images";
    static final String LABELS_FILE = "labels.txt";
    static final String META_FILE = "dataset_meta.json";
    static final String NO_LABEL = "no_label";
    static final String DEFAULT_LABEL = "face";
    static final String DEFAULT_IMAGE_EXT = ".jpg";
    /** The flag columns after x y w h, in the order Datumaro (and so CVAT) reads and writes them. */
    static final List<String> ATTRIBUTES = List.of("blur", "expression", "illumination", "occluded", "pose", "invalid");

    private WiderFaceFiles() {
    }

    /**
     * Whether Datumaro's reader (CVAT's import) takes the line for an image path: it looks for the
     * image lines as those holding {@code /} or {@code \\}, and {@code .}.
     */
    static boolean readAsImagePath(String line) {
        return (line.indexOf('/') >= 0 || line.indexOf('\\') >= 0) && line.indexOf('.') >= 0;
    }

    static boolean isAnnotationFile(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return path.equals(ANNOTATIONS_DIR + "/" + name) && name.startsWith(ANNOTATION_PREFIX)
                && name.endsWith(ANNOTATION_SUFFIX)
                && name.length() > ANNOTATION_PREFIX.length() + ANNOTATION_SUFFIX.length();
    }

    static String annotationFile(String subset) {
        return ANNOTATIONS_DIR + "/" + ANNOTATION_PREFIX + subset + ANNOTATION_SUFFIX;
    }

    static String subsetOf(String annotationFile) {
        String name = annotationFile.substring(annotationFile.lastIndexOf('/') + 1);
        return name.substring(ANNOTATION_PREFIX.length(), name.length() - ANNOTATION_SUFFIX.length());
    }

    static String imagesDir(String subset) {
        return SUBSET_DIR_PREFIX + subset + "/" + IMAGES_DIR;
    }

    /** The label an event folder names: {@code Parade} for {@code 0--Parade}. */
    static String folderLabel(String folder) {
        int dashes = folder.indexOf("--");
        return dashes < 0 ? folder : folder.substring(dashes + 2);
    }
}

package org.labelbridge.format.voc;

import java.util.List;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.common.pixels.VocLabelMap;

/** Folder and file names of a VOC dataset, and the VOC defaults. */
final class VocLayout {

    static final String ANNOTATIONS = "Annotations/";
    static final String IMAGES = "JPEGImages/";
    static final String IMAGE_SETS = "ImageSets/";
    static final String MAIN = "Main";
    static final String LAYOUT = "Layout";
    static final String ACTION = "Action";
    static final String SEGMENTATION = "Segmentation";
    /** The list folders in the order their items are merged. */
    static final List<String> TASK_DIRS = List.of(MAIN, LAYOUT, ACTION, SEGMENTATION);
    static final String CLASS_MASKS = "SegmentationClass/";
    static final String INSTANCE_MASKS = "SegmentationObject/";
    static final String MASK_EXT = ".png";
    static final String LABELMAP = VocLabelMap.FILE_NAME;
    static final String DEFAULT_IMAGE_EXT = ".jpg";

    /** The flags every object carries (Datumaro's label-category attributes). */
    static final List<String> FLAGS = List.of("difficult", "truncated", "occluded");
    static final String POSE = "pose";
    static final String POINT = "point";

    static final String PERSON = "person";
    static final List<String> DEFAULT_PARTS = VocLabelMap.VOC_PERSON_PARTS;
    static final List<String> DEFAULT_ACTIONS = VocLabelMap.VOC_PERSON_ACTIONS;
    static final String BACKGROUND = "background";

    private VocLayout() {
    }

    /**
     * Where the annotation XML is: {@code Annotations/}, or the root for the flat layout CVAT
     * also accepts (the XML files alone, anywhere in the archive) when there is no such folder.
     */
    static String annotationDir(DatasetSource source) {
        return source.filesUnder(ANNOTATIONS).stream().anyMatch(p -> p.endsWith(".xml")) ? ANNOTATIONS : "";
    }

    /** The id of the file {@code path} inside {@code folder}, without extension. */
    static String stem(String path, String folder) {
        String name = path.substring(folder.length());
        int dot = name.lastIndexOf('.');
        return dot > name.lastIndexOf('/') ? name.substring(0, dot) : name;
    }
}

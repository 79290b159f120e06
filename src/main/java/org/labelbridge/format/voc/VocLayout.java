package org.labelbridge.format.voc;

import java.util.List;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.model.Rgb;

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
    static final List<String> MASK_DIRS = List.of("SegmentationClass", "SegmentationObject");
    static final String LABELMAP = "labelmap.txt";
    static final String DEFAULT_IMAGE_EXT = ".jpg";
    static final List<String> IMAGE_EXTS = List.of(".jpg", ".jpeg", ".png", ".bmp", ".JPG", ".JPEG", ".PNG",
            ".tif", ".tiff", ".webp");

    /** The flags every object carries (Datumaro's label-category attributes). */
    static final List<String> FLAGS = List.of("difficult", "truncated", "occluded");
    static final String POSE = "pose";
    static final String POINT = "point";

    /** The VOC classes by their mask index 0..20; {@code ignored} is index 255 in masks. */
    static final List<String> DEFAULT_LABELS = List.of("background", "aeroplane", "bicycle", "bird", "boat",
            "bottle", "bus", "car", "cat", "chair", "cow", "diningtable", "dog", "horse", "motorbike", "person",
            "pottedplant", "sheep", "sofa", "train", "tvmonitor");
    static final String IGNORED = "ignored";
    static final int IGNORED_MASK_INDEX = 255;
    static final String PERSON = "person";
    static final List<String> DEFAULT_PARTS = List.of("head", "hand", "foot");
    static final List<String> DEFAULT_ACTIONS = List.of("other", "jumping", "phoning", "playinginstrument",
            "reading", "ridingbike", "ridinghorse", "running", "takingphoto", "usingcomputer", "walking");

    private VocLayout() {
    }

    /** Colour {@code index} of the VOC palette (bit-interleaved, as the devkit builds it). */
    static Rgb paletteColor(int index) {
        int r = 0;
        int g = 0;
        int b = 0;
        int bits = index;
        for (int shift = 7; shift >= 0; shift--) {
            r |= (bits & 1) << shift;
            g |= ((bits >> 1) & 1) << shift;
            b |= ((bits >> 2) & 1) << shift;
            bits >>= 3;
        }
        return new Rgb(r, g, b);
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

package org.labelbridge.format.openimages;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;

/** Folder and file names and CSV columns of the Open Images layout. */
final class OpenImagesLayout {

    static final String ANNOTATIONS_DIR = "annotations";
    static final String IMAGES_DIR = "images";
    static final String MASKS_DIR = "masks";

    static final String FULL_DESCRIPTION = "image_ids_and_rotation.csv";
    /** Per-subset image lists, read when there is no {@link #FULL_DESCRIPTION} (V5). */
    static final List<String> SUBSET_DESCRIPTION_SUFFIXES = List.of("-images-with-rotation.csv",
            "-images-with-labels-with-rotation.csv");
    static final Pattern V6_CLASSES = Pattern.compile("oidv.*-class-descriptions\\.csv");
    static final String V6_CLASSES_FILE = "oidv6-class-descriptions.csv";
    static final String V5_CLASSES_BOXABLE = "class-descriptions-boxable.csv";
    static final String V5_CLASSES = "class-descriptions.csv";
    static final String HIERARCHY = "bbox_labels_600_hierarchy.json";
    static final String IMAGE_META = "images.meta";

    static final String LABELS_SUFFIX = "-annotations-human-imagelabels.csv";
    static final String BOXES_SUFFIX = "-annotations-bbox.csv";
    static final String MASKS_SUFFIX = "-annotations-object-segmentation.csv";

    static final String IMAGE_ID = "ImageID";
    static final String SUBSET = "Subset";
    static final String LABEL_NAME = "LabelName";
    static final String DISPLAY_NAME = "DisplayName";
    static final String CONFIDENCE = "Confidence";
    static final String SOURCE = "Source";
    static final String MASK_PATH = "MaskPath";
    static final String BOX_ID = "BoxID";
    static final String PREDICTED_IOU = "PredictedIoU";
    static final List<String> BOX_CORNERS = List.of("XMin", "XMax", "YMin", "YMax");
    static final List<String> MASK_BOX_CORNERS = List.of("BoxXMin", "BoxXMax", "BoxYMin", "BoxYMax");

    static final List<String> DESCRIPTION_COLUMNS = List.of(IMAGE_ID, SUBSET, "OriginalURL", "OriginalLandingURL",
            "License", "AuthorProfileURL", "Author", "Title", "OriginalSize", "OriginalMD5", "Thumbnail300KURL",
            "Rotation");
    static final List<String> CLASS_COLUMNS = List.of(LABEL_NAME, DISPLAY_NAME);
    static final List<String> LABEL_COLUMNS = List.of(IMAGE_ID, SOURCE, LABEL_NAME, CONFIDENCE);
    static final List<String> BOX_COLUMNS = List.of(IMAGE_ID, SOURCE, LABEL_NAME, CONFIDENCE, "XMin", "XMax", "YMin",
            "YMax", "IsOccluded", "IsTruncated", "IsGroupOf", "IsDepiction", "IsInside");
    static final List<String> MASK_COLUMNS = List.of(MASK_PATH, IMAGE_ID, LABEL_NAME, BOX_ID, "BoxXMin", "BoxXMax",
            "BoxYMin", "BoxYMax", PREDICTED_IOU, "Clicks");

    /** Box flags: the model's attribute name and the CSV column (-1 absent, 0 false, 1 true). */
    record Flag(String attribute, String column) {
    }

    static final List<Flag> BOX_FLAGS = List.of(new Flag("occluded", "IsOccluded"), new Flag("truncated", "IsTruncated"),
            new Flag("is_group_of", "IsGroupOf"), new Flag("is_depiction", "IsDepiction"),
            new Flag("is_inside", "IsInside"));

    static final String SCORE = "score";
    static final String MASK_BOX_ID = "box_id";
    static final String MASK_PREDICTED_IOU = "predicted_iou";

    static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();

    private static final Pattern VERSION_PREFIX = Pattern.compile("^oidv\\d+-");

    private OpenImagesLayout() {
    }

    static String annotation(String name) {
        return ANNOTATIONS_DIR + "/" + name;
    }

    /** Whether a name read from a file can be used as one path component (no escape from its folder). */
    static boolean isPathComponent(String name) {
        return !name.isEmpty() && !name.equals(".") && !name.equals("..") && name.indexOf('/') < 0
                && name.indexOf('\\') < 0 && name.indexOf('\0') < 0;
    }

    /** The subset an annotation file is for: {@code train} of {@code oidv6-train-annotations-bbox.csv}. */
    static String subsetOfFile(String name) {
        String bare = VERSION_PREFIX.matcher(name).replaceFirst("");
        int dash = bare.indexOf('-');
        return dash > 0 ? bare.substring(0, dash) : bare;
    }

    /**
     * A name as Datumaro's {@code make_file_name} makes it for mask files: ASCII letters,
     * digits, {@code _} and {@code -} only, lower case, runs of spaces and dashes one dash.
     */
    static String fileNamePart(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("[^\\x00-\\x7F]", "");
        String kept = ascii.replaceAll("[^\\w\\s-]", "").strip().toLowerCase(Locale.ROOT);
        return kept.replaceAll("[-\\s]+", "-");
    }
}

package org.labelbridge.format.ultralytics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.FormatException;
import org.labelbridge.format.common.ImageFiles;

/** File names and path rules of the Ultralytics layouts, shared by readers, writers and detectors. */
final class UltralyticsLayout {

    static final String CONFIG = "data.yaml";
    static final String IMAGES = "images";
    static final String LABELS = "labels";
    static final String TEXT_EXTENSION = ".txt";
    /** Datumaro's side file of image sizes, {@code <item id> <height> <width>} per line. */
    static final String IMAGES_META = "images.meta";
    static final String DEFAULT_IMAGE_EXTENSION = ".jpg";
    /** Where items without a subset go, as CVAT writes them. */
    static final String DEFAULT_SUBSET = "train";
    /** data.yaml keys that are settings, never subsets. */
    static final Set<String> SETTINGS = Set.of("path", "names", "nc", "kpt_shape", "flip_idx", "download",
            "channels", "yaml_file", "backup", "classes");
    /** The subsets Ultralytics trains and validates on. */
    static final Set<String> ULTRALYTICS_SUBSETS = Set.of("train", "val", "test");
    /**
     * The data.yaml keys Ultralytics reads images from ({@code check_det_dataset}), in its order;
     * it reads {@code validation} as {@code val} when there is no {@code val}. Other keys are
     * settings or ignored.
     */
    static final List<String> SPLITS = List.of("train", "val", "test", "minival");

    private UltralyticsLayout() {
    }

    /**
     * The dataset's YAML file: {@code data.yaml}, else the only {@code *.yaml}/{@code *.yml} in
     * the root; {@code null} when there is none or several without a {@code data.yaml}.
     */
    static String configFile(DatasetSource source) {
        if (source.exists(CONFIG)) {
            return CONFIG;
        }
        List<String> yamls = yamlFiles(source);
        return yamls.size() == 1 ? yamls.get(0) : null;
    }

    /** Like {@link #configFile}, but says what is wrong when there is no single config file. */
    static String requireConfigFile(DatasetSource source) throws FormatException {
        String config = configFile(source);
        if (config != null) {
            return config;
        }
        List<String> yamls = yamlFiles(source);
        throw new FormatException(source.describe("") + ": " + (yamls.isEmpty()
                ? "expected data.yaml (names and the train/val image folders or lists) in the dataset root"
                : "several YAML files " + yamls + " and none named data.yaml: cannot tell which describes the"
                + " dataset"));
    }

    static List<String> yamlFiles(DatasetSource source) {
        List<String> yamls = new ArrayList<>();
        for (String file : source.filesIn("")) {
            String lower = file.toLowerCase(Locale.ROOT);
            if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
                yamls.add(file);
            }
        }
        return yamls;
    }

    /**
     * The label file of an image, as Ultralytics finds it: the last {@code images} folder of the
     * path becomes {@code labels} ({@code images/train/a.jpg} and {@code train/images/a.jpg}
     * give {@code labels/train/a.txt} and {@code train/labels/a.txt}); without one, the label
     * file sits beside the image.
     */
    static String labelsPath(String imagePath) {
        String[] segments = imagePath.split("/");
        int images = lastImagesFolder(segments);
        if (images >= 0) {
            segments[images] = LABELS;
        }
        return ImageFiles.stripExtension(String.join("/", segments)) + TEXT_EXTENSION;
    }

    /**
     * The item id of an image named by a list file: its path after {@code images/<subset>/}
     * or {@code <subset>/images/}, without extension; the whole path when it has no
     * {@code images} folder.
     */
    static String idFromListedImage(String imagePath) {
        String[] segments = imagePath.split("/");
        int images = lastImagesFolder(segments);
        int from;
        if (images < 0) {
            from = 0;
        } else if (images == 0 && segments.length > 2) {
            from = 2; // images/<subset>/<id>
        } else {
            from = images + 1; // <subset>/images/<id>, or images/<id>
        }
        return ImageFiles.stripExtension(String.join("/", List.of(segments).subList(from, segments.length)));
    }

    /** The item id of an image found in a subset's image folder: its path below the folder, without extension. */
    static String idInFolder(String folder, String imagePath) {
        String relative = folder.isEmpty() ? imagePath : imagePath.substring(folder.length() + 1);
        return ImageFiles.stripExtension(relative);
    }

    private static int lastImagesFolder(String[] segments) {
        for (int i = segments.length - 2; i >= 0; i--) {
            if (segments[i].equals(IMAGES)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether the path has a {@code labels} folder, where label files live. */
    static boolean inLabelsFolder(String path) {
        String[] segments = path.split("/");
        for (int i = 0; i < segments.length - 1; i++) {
            if (segments[i].equals(LABELS)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A path from data.yaml or a list file as clean {@code /}-separated segments: {@code .}
     * and empty segments dropped, {@code ..} applied; leading {@code ..} that would climb out
     * of the dataset are kept, for {@link Locator} to strip.
     */
    static List<String> segments(String path) {
        String p = path.strip().replace('\\', '/');
        if (p.matches("^[A-Za-z]:/.*")) {
            p = p.substring(2);
        }
        List<String> out = new ArrayList<>();
        for (String segment : p.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..") && !out.isEmpty() && !out.get(out.size() - 1).equals("..")) {
                out.remove(out.size() - 1);
            } else {
                out.add(segment);
            }
        }
        return out;
    }
}

package org.labelbridge.format.imagenet;

import java.util.List;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.common.ImageFiles;

/** Names and file rules of both ImageNet layouts. */
final class ImageNetFiles {

    static final String LABELS_FILE = "synsets.txt";
    static final String LABELS_PREFIX = "synsets";
    /** Datumaro's folder for images without a label. */
    static final String NO_LABEL = "no_label";
    /** Where the text layout keeps its images, when it has any. */
    static final String IMAGES_DIR = "images";
    static final String DEFAULT_IMAGE_EXT = ".jpg";

    private ImageNetFiles() {
    }

    /** The file name without folder and extension. */
    static String stem(String path) {
        return ImageFiles.stripExtension(path.substring(path.lastIndexOf('/') + 1));
    }

    static boolean isLabelsFile(String rootFile) {
        return rootFile.startsWith(LABELS_PREFIX) && rootFile.endsWith(".txt");
    }

    /** The {@code <subset>.txt} annotation files of the text layout, sorted. */
    static List<String> subsetFiles(DatasetSource source) {
        return source.filesIn("").stream()
                .filter(f -> f.endsWith(".txt") && !isLabelsFile(f))
                .toList();
    }

    /** The labels file: {@code synsets.txt}, else the first {@code synsets*.txt}, else null. */
    static String labelsFile(DatasetSource source) {
        if (source.exists(LABELS_FILE)) {
            return LABELS_FILE;
        }
        return source.filesIn("").stream().filter(ImageNetFiles::isLabelsFile).findFirst().orElse(null);
    }

    static String subsetOf(String subsetFile) {
        return subsetFile.substring(0, subsetFile.length() - ".txt".length());
    }
}

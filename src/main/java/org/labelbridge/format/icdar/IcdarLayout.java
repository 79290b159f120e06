package org.labelbridge.format.icdar;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.common.ImageFiles;
import org.labelbridge.model.Media;

/**
 * Where an ICDAR dataset keeps its files. The subsets are folders either in the task folder
 * ({@code word_recognition/train/}, as CVAT exports) or, when the archive is the task folder
 * itself, at its root ({@code train/}).
 */
final class IcdarLayout {

    static final String IMAGES_DIR = "images";
    static final String DEFAULT_IMAGE_EXT = ".png";
    static final String RECOGNITION_FILE = "gt.txt";
    static final String LOCALIZATION_PREFIX = "gt_";
    static final String SEGMENTATION_SUFFIX = "_GT";
    static final String TEXT_EXT = ".txt";
    static final String BITMAP_EXT = ".bmp";

    private IcdarLayout() {
    }

    /** The folder holding the subsets: the task folder when there is one, else the root. */
    static String root(DatasetSource source, IcdarTask task) {
        return source.foldersIn("").contains(task.folder()) ? task.folder() : "";
    }

    static String join(String folder, String name) {
        return folder.isEmpty() ? name : folder + "/" + name;
    }

    static List<String> subsetFolders(DatasetSource source, IcdarTask task) {
        String root = root(source, task);
        List<String> folders = new ArrayList<>();
        for (String subset : source.foldersIn(root)) {
            folders.add(join(root, subset));
        }
        return folders;
    }

    static String subsetOf(String subsetFolder) {
        return subsetFolder.substring(subsetFolder.lastIndexOf('/') + 1);
    }

    /**
     * The annotation files of a subset: its {@code gt.txt} for recognition; every {@code .txt}
     * below the subset folder, outside {@code images/}, for localization and segmentation
     * (as Datumaro reads them).
     */
    static List<String> annotationFiles(DatasetSource source, IcdarTask task, String subsetFolder) {
        if (task == IcdarTask.WORD_RECOGNITION) {
            String gt = join(subsetFolder, RECOGNITION_FILE);
            return source.exists(gt) ? List.of(gt) : List.of();
        }
        String images = join(subsetFolder, IMAGES_DIR) + "/";
        return source.filesUnder(subsetFolder).stream()
                .filter(f -> f.endsWith(TEXT_EXT) && !f.startsWith(images))
                .toList();
    }

    /** The item id of a localization or segmentation file: its path in the subset, less {@code gt_} or {@code _GT}. */
    static String itemId(IcdarTask task, String subsetFolder, String file) {
        String id = file.substring(subsetFolder.length() + 1, file.length() - TEXT_EXT.length());
        int slash = id.lastIndexOf('/');
        String name = id.substring(slash + 1);
        if (task == IcdarTask.TEXT_LOCALIZATION && name.startsWith(LOCALIZATION_PREFIX)) {
            return id.substring(0, slash + 1) + name.substring(LOCALIZATION_PREFIX.length());
        }
        if (task == IcdarTask.TEXT_SEGMENTATION && name.endsWith(SEGMENTATION_SUFFIX)) {
            return id.substring(0, id.length() - SEGMENTATION_SUFFIX.length());
        }
        return id;
    }

    /** The images of a subset by item id (their path in {@code images/} without extension). */
    static Map<String, String> images(DatasetSource source, String subsetFolder) {
        String folder = join(subsetFolder, IMAGES_DIR);
        Map<String, String> images = new HashMap<>();
        for (String path : source.filesUnder(folder)) {
            if (ImageFiles.isImage(path)) {
                images.putIfAbsent(ImageFiles.stripExtension(path.substring(folder.length() + 1)), path);
            }
        }
        return images;
    }

    /** Where a writer puts a subset's files. */
    static String subsetFolder(IcdarTask task, String subset) {
        return task.folder() + "/" + subset;
    }

    /** The image's extension for an output name: the source's, else {@code .png}. */
    static String imageExtension(Media media) {
        return media.extension().isEmpty() ? DEFAULT_IMAGE_EXT : media.extension();
    }
}

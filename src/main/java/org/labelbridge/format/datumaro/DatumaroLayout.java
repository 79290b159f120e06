package org.labelbridge.format.datumaro;

import java.util.List;
import java.util.Set;
import org.labelbridge.format.DatasetSource;

/** Where Datumaro keeps its files, and the names its JSON uses for special attributes. */
final class DatumaroLayout {

    static final String ANNOTATIONS_DIR = "annotations";
    static final String IMAGES_DIR = "images";
    static final String JSON = ".json";
    static final String POINT_CLOUDS_DIR = "point_clouds";
    static final String RELATED_IMAGES_DIR = "related_images";
    /** Datumaro's extension for an image whose path does not say. */
    static final String DEFAULT_IMAGE_EXT = ".jpg";

    /** Attributes that carry the model's typed track data. */
    static final String TRACK_ID = "track_id";
    static final String KEYFRAME = "keyframe";
    static final String OUTSIDE = "outside";
    /** Attribute that carries the rotation of boxes and ellipses (degrees, clockwise). */
    static final String ROTATION = "rotation";

    /** Top-level fields a reader may meet besides categories and items, and ignore. */
    static final Set<String> IGNORED_TOP_LEVEL = Set.of("dm_format_version", "media_type");

    private DatumaroLayout() {
    }

    /**
     * The annotation files of a dataset: {@code annotations/*.json}, else the {@code .json}
     * files at its root (a bare file given alone).
     */
    static List<String> annotationFiles(DatasetSource source) {
        List<String> files = jsonIn(source, ANNOTATIONS_DIR);
        return files.isEmpty() ? jsonIn(source, "") : files;
    }

    private static List<String> jsonIn(DatasetSource source, String folder) {
        return source.filesIn(folder).stream().filter(f -> f.toLowerCase().endsWith(JSON)).toList();
    }

    /** The subset a file holds: its name without folder and extension. */
    static String subsetOf(String file) {
        String name = file.substring(file.lastIndexOf('/') + 1);
        return name.substring(0, name.length() - JSON.length());
    }

    static String annotationFile(String subset) {
        return ANNOTATIONS_DIR + "/" + subset + JSON;
    }

    /** Datumaro 3D: where an item's point cloud is. */
    static String pointCloudFolder(String subset) {
        return POINT_CLOUDS_DIR + "/" + subset + "/";
    }

    /** Datumaro 3D: where an item's related images are. */
    static String relatedImagesFolder(String subset, String id) {
        return RELATED_IMAGES_DIR + "/" + subset + "/" + id + "/";
    }

    static String imageFolder(String subset) {
        return IMAGES_DIR + "/" + subset + "/";
    }
}

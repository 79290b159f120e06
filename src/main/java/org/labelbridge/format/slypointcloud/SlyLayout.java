package org.labelbridge.format.slypointcloud;

import java.util.List;
import org.labelbridge.format.DatasetSource;

/** Where a Supervisely point cloud project keeps its files. */
final class SlyLayout {

    static final String META = "meta.json";
    static final String KEY_ID_MAP = "key_id_map.json";
    /** The dataset folder the writer uses, as Datumaro's exporter does. */
    static final String DATASET = "ds0";
    static final String ANNOTATIONS = "ann/";
    static final String POINT_CLOUDS = "pointcloud/";
    static final String RELATED_IMAGES = "related_images/";
    static final String ANNOTATION_SUFFIX = ".json";
    /** A frame's related images are in {@code related_images/<name>_pcd/}. */
    static final String RELATED_SUFFIX = "_pcd";

    /** Item attributes the layout stores itself, not as tags. */
    static final String DESCRIPTION = "description";
    static final String FRAME = "frame";

    private SlyLayout() {
    }

    /**
     * The dataset folders ({@code ds0/}, ...): folders at the root holding {@code ann/} or
     * {@code pointcloud/}; the root itself when it holds {@code pointcloud/} (CVAT's point cloud
     * task data, which is a dataset folder without annotations).
     */
    static List<String> datasets(DatasetSource source) {
        if (!source.filesIn(POINT_CLOUDS).isEmpty()) {
            return List.of("");
        }
        return source.foldersIn("").stream()
                .filter(d -> !source.filesUnder(d + "/" + ANNOTATIONS).isEmpty()
                        || !source.filesUnder(d + "/" + POINT_CLOUDS).isEmpty())
                .map(d -> d + "/")
                .toList();
    }
}

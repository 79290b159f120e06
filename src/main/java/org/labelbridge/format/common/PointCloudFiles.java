package org.labelbridge.format.common;

import java.util.List;
import java.util.Locale;
import org.labelbridge.format.DatasetSource;

/** The one list of point cloud file extensions: PCD, and KITTI's raw velodyne {@code .bin}. */
public final class PointCloudFiles {

    /** In the order a reader looks for a frame's file when the layout does not name it. */
    public static final List<String> EXTENSIONS = List.of(".pcd", ".bin");

    private PointCloudFiles() {
    }

    public static boolean isPointCloud(String path) {
        return EXTENSIONS.contains(ImageFiles.extension(path).toLowerCase(Locale.ROOT));
    }

    /** The point cloud {@code stem + ext} that exists, trying each extension in order, or {@code null}. */
    public static String find(DatasetSource source, String stem) {
        for (String ext : EXTENSIONS) {
            if (source.exists(stem + ext)) {
                return stem + ext;
            }
        }
        return null;
    }
}

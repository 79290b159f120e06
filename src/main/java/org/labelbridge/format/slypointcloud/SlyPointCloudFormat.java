package org.labelbridge.format.slypointcloud;

import java.io.IOException;
import java.util.EnumSet;
import org.labelbridge.format.DatasetOutput;
import org.labelbridge.format.DatasetReader;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.DatasetWriter;
import org.labelbridge.format.Detection;
import org.labelbridge.format.Feature;
import org.labelbridge.format.Format;
import org.labelbridge.format.FormatDescriptor;
import org.labelbridge.format.Problems;
import org.labelbridge.format.common.TextFiles;
import org.labelbridge.model.AnnotationKind;

/** CVAT's "Sly Point Cloud Format 1.0": a Supervisely point cloud project (see package-info). */
public final class SlyPointCloudFormat implements Format {

    private static final int HEAD = 4096;

    private static final FormatDescriptor DESCRIPTOR = new FormatDescriptor("sly_pointcloud",
            "Sly Point Cloud Format 1.0", true, true, EnumSet.of(AnnotationKind.CUBOID_3D),
            EnumSet.of(Feature.POINT_CLOUDS, Feature.TRACKS, Feature.ANNOTATION_ATTRIBUTES, Feature.ITEM_ATTRIBUTES),
            "");

    @Override
    public FormatDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /**
     * Strong: {@code meta.json} names the point cloud project type or declares cuboid classes,
     * beside a dataset folder. Weak: a {@code pointcloud/} folder of {@code .pcd} files alone
     * (CVAT's point cloud task data, a dataset without annotations).
     */
    @Override
    public Detection detect(DatasetSource source) throws IOException {
        if (SlyLayout.datasets(source).isEmpty()) {
            return Detection.NONE;
        }
        if (source.exists(SlyLayout.META)) {
            String head = TextFiles.head(source, SlyLayout.META, HEAD);
            if (head.contains("\"point_clouds\"") || head.contains("\"cuboid_3d\"")) {
                return Detection.strong(SlyLayout.META + " of a Supervisely point cloud project");
            }
            return Detection.NONE;
        }
        if (!source.filesIn(SlyLayout.POINT_CLOUDS).isEmpty()) {
            return Detection.weak(SlyLayout.POINT_CLOUDS + " folder of point clouds without annotations");
        }
        return Detection.NONE;
    }

    @Override
    public DatasetReader reader(DatasetSource source, Problems problems) throws IOException {
        return new SlyReader(source, problems);
    }

    @Override
    public DatasetWriter writer(DatasetOutput output, Problems problems) {
        return new SlyWriter(output, problems);
    }
}

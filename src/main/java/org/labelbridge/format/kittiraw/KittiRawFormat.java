package org.labelbridge.format.kittiraw;

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

/** CVAT's "Kitti Raw Format 1.0": KITTI raw data's tracklets over velodyne point clouds (see package-info). */
public final class KittiRawFormat implements Format {

    private static final int HEAD = 4096;

    private static final FormatDescriptor DESCRIPTOR = new FormatDescriptor("kitti_raw", "Kitti Raw Format 1.0",
            true, true, EnumSet.of(AnnotationKind.CUBOID_3D),
            EnumSet.of(Feature.POINT_CLOUDS, Feature.TRACKS, Feature.ANNOTATION_ATTRIBUTES), "");

    @Override
    public FormatDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /** Strong: the root's tracklet file opens a {@code <tracklets>} element within its first bytes. */
    @Override
    public Detection detect(DatasetSource source) throws IOException {
        String file = KittiRawLayout.annotationFile(source);
        if (file == null) {
            return Detection.NONE;
        }
        String head = TextFiles.head(source, file, HEAD);
        if (head.contains("<tracklets")) {
            return Detection.strong(file + " holds KITTI <tracklets>");
        }
        return Detection.NONE;
    }

    @Override
    public DatasetReader reader(DatasetSource source, Problems problems) throws IOException {
        return new KittiRawReader(source, problems);
    }

    @Override
    public DatasetWriter writer(DatasetOutput output, Problems problems) {
        return new KittiRawWriter(output, problems);
    }
}

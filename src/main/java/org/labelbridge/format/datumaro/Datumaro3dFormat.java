package org.labelbridge.format.datumaro;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import org.labelbridge.format.DatasetOutput;
import org.labelbridge.format.DatasetReader;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.DatasetWriter;
import org.labelbridge.format.Detection;
import org.labelbridge.format.Feature;
import org.labelbridge.format.Format;
import org.labelbridge.format.FormatDescriptor;
import org.labelbridge.format.Problems;
import org.labelbridge.model.AnnotationKind;

/**
 * Datumaro 3D 1.0: Datumaro's JSON whose items are point clouds ({@code point_cloud},
 * {@code related_images}) annotated with 3D cuboids, as CVAT exports a point cloud task.
 */
public final class Datumaro3dFormat implements Format {

    private static final FormatDescriptor DESCRIPTOR = new FormatDescriptor("datumaro_3d", "Datumaro 3D 1.0", true,
            true, EnumSet.of(AnnotationKind.CUBOID_3D, AnnotationKind.TAG),
            EnumSet.complementOf(EnumSet.of(Feature.ROTATION, Feature.Z_ORDER)), "");

    private static final int HEAD = 64 * 1024;

    @Override
    public FormatDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /**
     * Datumaro's own answer, raised by one when the dataset has point clouds (a
     * {@code point_clouds/} folder, or a {@code point_cloud} field in the first annotation file's
     * head), so that a 3D dataset is this format's and not Datumaro 1.0's; else none.
     */
    @Override
    public Detection detect(DatasetSource source) throws IOException {
        Detection datumaro = DatumaroDetector.detect(source);
        if (!datumaro.matched()) {
            return Detection.NONE;
        }
        if (!source.filesUnder(DatumaroLayout.POINT_CLOUDS_DIR).isEmpty()) {
            return new Detection(datumaro.confidence() + 1, datumaro.evidence() + "; point clouds in "
                    + DatumaroLayout.POINT_CLOUDS_DIR + "/");
        }
        List<String> files = DatumaroLayout.annotationFiles(source);
        String head = new String(source.head(files.get(0), HEAD), StandardCharsets.UTF_8);
        if (head.contains("\"point_cloud\"")) {
            return new Detection(datumaro.confidence() + 1, datumaro.evidence() + "; items refer to point clouds");
        }
        return Detection.NONE;
    }

    @Override
    public DatasetReader reader(DatasetSource source, Problems problems) throws IOException {
        return new DatumaroReader(source, true, problems);
    }

    @Override
    public DatasetWriter writer(DatasetOutput output, Problems problems) {
        return new DatumaroWriter(output, problems);
    }
}

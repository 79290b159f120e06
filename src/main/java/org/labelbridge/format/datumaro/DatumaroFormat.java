package org.labelbridge.format.datumaro;

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
import org.labelbridge.model.AnnotationKind;

/** Datumaro 1.0: every annotation kind and feature of the model, the lossless pivot. */
public final class DatumaroFormat implements Format {

    private static final FormatDescriptor DESCRIPTOR = new FormatDescriptor("datumaro", "Datumaro 1.0", true, true,
            EnumSet.allOf(AnnotationKind.class), EnumSet.complementOf(EnumSet.of(Feature.POINT_CLOUDS)), DatumaroLayout.JSON);

    @Override
    public FormatDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Detection detect(DatasetSource source) throws IOException {
        return DatumaroDetector.detect(source);
    }

    @Override
    public DatasetReader reader(DatasetSource source, Problems problems) throws IOException {
        return new DatumaroReader(source, false, problems);
    }

    @Override
    public DatasetWriter writer(DatasetOutput output, Problems problems) {
        return new DatumaroWriter(output, problems);
    }
}

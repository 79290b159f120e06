package org.labelbridge.format.openimages;

import java.io.IOException;
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
import org.labelbridge.format.common.TextFiles;
import org.labelbridge.model.AnnotationKind;

/** Open Images V6 (and V5 file names): image-level labels, boxes and masks in CSV files. */
public final class OpenImagesFormat implements Format {

    private static final FormatDescriptor DESCRIPTOR = new FormatDescriptor("open_images", "Open Images V6 1.0",
            true, true, EnumSet.of(AnnotationKind.TAG, AnnotationKind.BBOX, AnnotationKind.MASK, AnnotationKind.POLYGON),
            EnumSet.of(Feature.SUBSETS, Feature.ANNOTATION_ATTRIBUTES, Feature.GROUPS), "");

    /** The files that make a dataset Open Images (as Datumaro's importer looks for them). */
    private static final List<String> SUFFIXES = List.of("/" + OpenImagesLayout.FULL_DESCRIPTION,
            OpenImagesLayout.SUBSET_DESCRIPTION_SUFFIXES.get(0), OpenImagesLayout.SUBSET_DESCRIPTION_SUFFIXES.get(1),
            OpenImagesLayout.LABELS_SUFFIX, OpenImagesLayout.BOXES_SUFFIX, OpenImagesLayout.MASKS_SUFFIX);

    @Override
    public FormatDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /**
     * An {@code annotations/} image list or annotation CSV of Open Images' names; strong when its
     * header starts as Open Images' do ({@code ImageID,} or {@code MaskPath,}).
     */
    @Override
    public Detection detect(DatasetSource source) throws IOException {
        for (String suffix : SUFFIXES) {
            for (String file : source.filesIn(OpenImagesLayout.ANNOTATIONS_DIR)) {
                if (!file.endsWith(suffix)) {
                    continue;
                }
                String head = TextFiles.head(source, file, 64);
                boolean header = head.startsWith(OpenImagesLayout.IMAGE_ID + ",")
                        || head.startsWith(OpenImagesLayout.MASK_PATH + ",");
                return header ? Detection.strong(file) : Detection.weak(file + " (unexpected header)");
            }
        }
        return Detection.NONE;
    }

    @Override
    public DatasetReader reader(DatasetSource source, Problems problems) throws IOException {
        return new OpenImagesReader(source, problems);
    }

    @Override
    public DatasetWriter writer(DatasetOutput output, Problems problems) {
        return new OpenImagesWriter(output, problems);
    }
}

package org.labelbridge.format.mots;

import java.io.IOException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.labelbridge.format.DatasetOutput;
import org.labelbridge.format.DatasetReader;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.DatasetWriter;
import org.labelbridge.format.Detection;
import org.labelbridge.format.Feature;
import org.labelbridge.format.Format;
import org.labelbridge.format.FormatDescriptor;
import org.labelbridge.format.Problems;
import org.labelbridge.format.common.pixels.MaskImages;
import org.labelbridge.model.AnnotationKind;
import org.labelbridge.model.Item;

/** MOTS PNG 1.0: per subset, 16-bit instance PNGs of tracked objects (see package-info). */
public final class MotsFormat implements Format {

    public static final String ID = "mots";

    private static final FormatDescriptor DESCRIPTOR = new FormatDescriptor(ID, "MOTS PNG 1.0", true, true,
            EnumSet.of(AnnotationKind.MASK, AnnotationKind.POLYGON, AnnotationKind.BBOX, AnnotationKind.ELLIPSE),
            EnumSet.of(Feature.TRACKS, Feature.SUBSETS, Feature.Z_ORDER, Feature.ROTATION),
            "");

    /** Where a PNG's colour type is: after the signature, the IHDR length and type, width, height, depth. */
    private static final int COLOUR_TYPE_AT = 25;
    private static final int GREY = 0;

    @Override
    public FormatDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /**
     * Strong when the first instance PNG is a grey PNG, as MOTS writes them; weak when it is
     * some other PNG (MOTS's names are common words), or when there is no PNG but an
     * {@code instances/labels.txt} (a MOTS export without masks, which Datumaro reads as empty).
     */
    @Override
    public Detection detect(DatasetSource source) throws IOException {
        Map<String, String> subsets = subsets(source);
        if (subsets.isEmpty()) {
            return Detection.NONE;
        }
        String png = null;
        for (String folder : subsets.values()) {
            String instances = MotsLayout.base(folder) + MotsLayout.INSTANCES_DIR;
            png = source.filesUnder(instances).stream().filter(MotsFormat::isPng).findFirst().orElse(null);
            if (png != null) {
                break;
            }
        }
        if (png == null) {
            return Detection.weak(labelsFile(subsets.values().iterator().next()) + " without instance PNGs");
        }
        byte[] head = source.head(png, COLOUR_TYPE_AT + 1);
        boolean grey = head.length > COLOUR_TYPE_AT && MaskImages.isPng(head) && head[COLOUR_TYPE_AT] == GREY;
        String evidence = png + (grey ? ": a grey instance PNG" : "");
        return grey ? Detection.strong(evidence) : Detection.weak(evidence);
    }

    /**
     * The subsets, by name, with their folders: {@code instances/} at the root is subset
     * {@code default} in folder {@code ""}; else each folder holding {@code instances/*.png} or
     * {@code instances/labels.txt}. Datumaro takes any {@code instances/} folder for a subset, so
     * a subset exported without masks (labels.txt alone) is one, with no items.
     */
    static Map<String, String> subsets(DatasetSource source) {
        Map<String, String> subsets = new LinkedHashMap<>();
        if (isSubset(source, "")) {
            subsets.put(Item.DEFAULT_SUBSET, "");
            return subsets;
        }
        for (String folder : source.foldersIn("")) {
            if (isSubset(source, folder)) {
                subsets.put(folder, folder);
            }
        }
        return subsets;
    }

    private static boolean isSubset(DatasetSource source, String folder) {
        return source.filesUnder(MotsLayout.base(folder) + MotsLayout.INSTANCES_DIR).stream().anyMatch(MotsFormat::isPng)
                || source.exists(labelsFile(folder));
    }

    private static String labelsFile(String folder) {
        return MotsLayout.base(folder) + MotsLayout.INSTANCES_DIR + "/" + MotsLayout.LABELS_FILE;
    }

    private static boolean isPng(String path) {
        return path.toLowerCase(Locale.ROOT).endsWith(MotsLayout.MASK_EXT);
    }

    @Override
    public DatasetReader reader(DatasetSource source, Problems problems) throws IOException {
        return new MotsReader(source, problems);
    }

    @Override
    public DatasetWriter writer(DatasetOutput output, Problems problems) {
        return new MotsWriter(output, problems);
    }
}

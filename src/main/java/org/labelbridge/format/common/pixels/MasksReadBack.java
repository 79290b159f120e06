package org.labelbridge.format.common.pixels;

import java.util.BitSet;
import java.util.EnumMap;
import java.util.Map;
import org.labelbridge.format.Problems;
import org.labelbridge.model.AnnotationKind;

/**
 * What a mask format's reader gives back for an item whose shapes a writer painted, and the
 * report that says so. Painting turns masks, polygons, boxes and ellipses alike into pixels;
 * the reader splits the maps again into one mask per instance of the instance map (VOC,
 * Segmentation mask) or one per class of the class map (CamVid, which has no instances). So
 * shapes merged into one instance or class, or hidden under others, come back as fewer masks,
 * and every painted kind comes back as masks. The writer reports the item as written as these
 * counts ({@link Problems#wroteAs}), after the drops and merges it reported shape by shape.
 */
public final class MasksReadBack {

    private MasksReadBack() {
    }

    /** One mask per instance that shows at least one pixel in the instance map. */
    public static int perInstance(MaskCompositor.Compiled compiled) {
        int shown = 0;
        for (long visible : compiled.visiblePixels().values()) {
            if (visible > 0) {
                shown++;
            }
        }
        return shown;
    }

    /**
     * One mask per class value present in the class map. Class 0 counts only when it is a
     * label the reader knows ({@code zeroIsLabel}): then the pixels no shape covers read back
     * as a mask of it too.
     */
    public static int perClass(MaskCompositor.Compiled compiled, boolean zeroIsLabel) {
        RunImage classes = compiled.classes();
        BitSet present = new BitSet();
        for (int y = 0; y < classes.height(); y++) {
            for (int k = 0; k < classes.runs(y); k++) {
                present.set(classes.runValue(y, k));
            }
        }
        return present.cardinality() - (present.get(0) && !zeroIsLabel ? 1 : 0);
    }

    /**
     * Reports the item as written as {@code masks} masks besides what the writer wrote in
     * other kinds ({@code alsoWritten}: VOC's boxes and image labels), the counts its reader
     * gives back. Called while writing the item, after its own drops.
     */
    public static void report(Problems problems, String itemId, int masks, Map<AnnotationKind, Integer> alsoWritten,
                              String reason) {
        Map<AnnotationKind, Integer> written = new EnumMap<>(AnnotationKind.class);
        alsoWritten.forEach((kind, count) -> {
            if (count > 0) {
                written.put(kind, count);
            }
        });
        written.merge(AnnotationKind.MASK, masks, Integer::sum);
        problems.wroteAs(itemId, written, reason);
    }
}

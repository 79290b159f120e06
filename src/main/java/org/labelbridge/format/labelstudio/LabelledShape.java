package org.labelbridge.format.labelstudio;

import java.util.Locale;
import org.labelbridge.model.AnnotationKind;

/** The region result types Label Studio's image tags give, and the kind each is read as. */
final class LabelledShape {

    private LabelledShape() {
    }

    /** The kind a region of this result type is read as, or {@code null} for a result that is no region. */
    static AnnotationKind kindOf(String type) {
        return switch (type.toLowerCase(Locale.ROOT)) {
            case LabelStudioLayout.RECTANGLE_LABELS, LabelStudioLayout.RECTANGLE -> AnnotationKind.BBOX;
            case LabelStudioLayout.POLYGON_LABELS, LabelStudioLayout.POLYGON -> AnnotationKind.POLYGON;
            case LabelStudioLayout.KEYPOINT_LABELS, LabelStudioLayout.KEYPOINT -> AnnotationKind.POINTS;
            case LabelStudioLayout.BRUSH_LABELS, LabelStudioLayout.BRUSH -> AnnotationKind.MASK;
            default -> null;
        };
    }

    static boolean isShape(String type) {
        return kindOf(type) != null;
    }

    /** The type of a labelled region of this kind, as the writer writes it. */
    static String typeOf(AnnotationKind kind) {
        return switch (kind) {
            case BBOX -> LabelStudioLayout.RECTANGLE_LABELS;
            case POLYGON -> LabelStudioLayout.POLYGON_LABELS;
            case POINTS -> LabelStudioLayout.KEYPOINT_LABELS;
            case MASK -> LabelStudioLayout.BRUSH_LABELS;
            default -> throw new IllegalArgumentException(kind + " is no Label Studio region");
        };
    }
}

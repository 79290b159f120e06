package org.labelbridge.convert;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.labelbridge.format.Feature;
import org.labelbridge.format.FormatDescriptor;
import org.labelbridge.format.FormatException;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.AnnotationKind;
import org.labelbridge.model.Bbox;
import org.labelbridge.model.Item;

/**
 * Fits items to what the target format can hold: shapes hidden at a frame (outside their track)
 * are dropped unless the target can keep them hidden; kinds it lacks become boxes (when asked)
 * or are dropped; features it lacks (attributes, tracks, groups, z-order, subsets) are
 * stripped. Every drop and change is reported with its reason; nothing is lost silently.
 */
final class TargetFit {

    private static final String FRAME = "frame";

    private final FormatDescriptor target;
    private final boolean shapesToBoxes;
    private final ConversionReport report;
    private final Set<String> reportedSubsets = new HashSet<>();

    TargetFit(FormatDescriptor target, ConversionOptions options, ConversionReport report) {
        this.target = target;
        this.shapesToBoxes = options.shapesToBoxes() && target.holds(AnnotationKind.BBOX);
        this.report = report;
    }

    /**
     * Refuses a conversion between a point cloud format (3D) and an image format (2D): a cuboid in
     * 3D space has no place on an image, nor a box on a point cloud, so the output would hold the
     * media and nothing of the annotations.
     */
    static void refuseAcrossDimensions(FormatDescriptor source, FormatDescriptor target, String inputName)
            throws FormatException {
        boolean from3d = source.holds(Feature.POINT_CLOUDS);
        if (from3d != target.holds(Feature.POINT_CLOUDS)) {
            throw new FormatException(inputName + ": " + source.displayName() + " holds " + dimension(from3d) + " and "
                    + target.displayName() + " holds " + dimension(!from3d) + "; a conversion between them is refused"
                    + " (3D cuboids have no place on images, nor 2D shapes on point clouds)");
        }
    }

    private static String dimension(boolean threeD) {
        return threeD ? "point clouds (3D)" : "images (2D)";
    }

    Item apply(Item item) {
        Item fitted = item;
        if (!target.holds(Feature.SUBSETS) && !Item.DEFAULT_SUBSET.equals(item.subset())) {
            if (reportedSubsets.add(item.subset())) {
                report.dataset("subset '" + item.subset() + "' merged into '" + Item.DEFAULT_SUBSET + "': "
                        + target.displayName() + " has no subsets");
            }
            fitted = fitted.withSubset(Item.DEFAULT_SUBSET);
        }
        if (!target.holds(Feature.ITEM_ATTRIBUTES) && !item.attributes().isEmpty()) {
            // The frame number is the item's place in its sequence, which writers of frames use.
            Long frame = item.frame();
            Map<String, Object> kept = frame == null ? Map.of() : Map.of(FRAME, frame);
            if (item.attributes().size() > kept.size()) {
                report.item(item.id(), "item attributes " + item.attributes().keySet().stream()
                        .filter(k -> !kept.containsKey(k)).toList() + " not kept: " + target.displayName()
                        + " has no item attributes");
                fitted = fitted.withAttributes(kept);
            }
        }
        List<Annotation> kept = new ArrayList<>(item.annotations().size());
        boolean changed = false;
        for (Annotation a : item.annotations()) {
            Annotation fit = fit(item.id(), a);
            changed |= fit != a;
            if (fit != null) {
                kept.add(fit);
            }
        }
        return changed ? fitted.withAnnotations(kept) : fitted;
    }

    private Annotation fit(String itemId, Annotation a) {
        AnnotationKind kind = a.kind();
        if (a.info().track() != null && a.info().track().outside() && !target.holds(Feature.HIDDEN_SHAPES)) {
            report.dropped(itemId, kind, "outside its track at this frame (hidden there): " + target.displayName()
                    + " would show it as a visible object");
            return null;
        }
        if (!target.holds(kind)) {
            double[] box = shapesToBoxes ? BoundingBoxes.of(a) : null;
            if (box == null) {
                report.dropped(itemId, kind, target.displayName() + " cannot hold " + kind.id()
                        + (target.holds(AnnotationKind.BBOX) && BoundingBoxes.hasBox(kind)
                        ? " (option shapes_to_boxes=true keeps it as its bounding box)" : ""));
                return null;
            }
            report.changed(itemId, kind, kind.id() + " converted to its bounding box (shapes_to_boxes)");
            a = new Bbox(a.info(), box[0], box[1], box[2], box[3]);
        }
        if (a instanceof Bbox b && b.rotation() != 0 && !target.holds(Feature.ROTATION)) {
            if (!shapesToBoxes) {
                report.dropped(itemId, kind, target.displayName() + " cannot hold rotated boxes"
                        + " (option shapes_to_boxes=true keeps them as their bounding box)");
                return null;
            }
            double[] box = BoundingBoxes.of(b);
            report.changed(itemId, kind, "rotated box converted to its bounding box (shapes_to_boxes)");
            a = new Bbox(a.info(), box[0], box[1], box[2], box[3]);
        }
        if (a.label() == null && !target.holds(Feature.UNLABELLED)) {
            report.dropped(itemId, a.kind(), target.displayName() + " needs a label on every annotation");
            return null;
        }
        var info = a.info();
        var stripped = info;
        if (!info.attributes().isEmpty() && !target.holds(Feature.ANNOTATION_ATTRIBUTES)) {
            report.changed(itemId, a.kind(), "attributes not kept: " + target.displayName() + " has no annotation attributes");
            stripped = stripped.withAttributes(Map.of());
        }
        if (info.track() != null && !target.holds(Feature.TRACKS)) {
            report.changed(itemId, a.kind(), "track data (track id, keyframe, outside) not kept: "
                    + target.displayName() + " has no tracks");
            stripped = stripped.withTrack(null);
        }
        if (info.group() != 0 && !target.holds(Feature.GROUPS)) {
            report.changed(itemId, a.kind(), "group not kept: " + target.displayName() + " has no groups");
            stripped = stripped.withGroup(0);
        }
        if (info.zOrder() != 0 && !target.holds(Feature.Z_ORDER)) {
            report.changed(itemId, a.kind(), "z-order not kept: " + target.displayName() + " has no z-order");
            stripped = stripped.withZOrder(0);
        }
        return stripped == info ? a : a.withInfo(stripped);
    }
}

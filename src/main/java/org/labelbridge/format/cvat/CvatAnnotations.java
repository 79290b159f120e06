package org.labelbridge.format.cvat;

import com.fasterxml.jackson.core.io.NumberInput;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.labelbridge.format.ContentProblem;
import org.labelbridge.format.FormatException;
import org.labelbridge.format.Problems;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.AnnotationInfo;
import org.labelbridge.model.AnnotationKind;
import org.labelbridge.model.Bbox;
import org.labelbridge.model.Cuboid2d;
import org.labelbridge.model.Ellipse;
import org.labelbridge.model.Mask;
import org.labelbridge.model.Points;
import org.labelbridge.model.Polygon;
import org.labelbridge.model.Polyline;
import org.labelbridge.model.Skeleton;
import org.labelbridge.model.SkeletonDef;
import org.labelbridge.model.Tag;
import org.labelbridge.model.Track;

/**
 * Gives a {@link RawElement} its meaning: label, attributes typed by their declaration, geometry
 * in the model's conventions, track data. Every shape gets {@code occluded} (Boolean), as CVAT
 * has it for every shape; {@code source} is kept where the file gives it.
 */
final class CvatAnnotations {

    private static final String[] CUBOID_CORNERS = {
        "xtl1", "ytl1", "xbl1", "ybl1", "xtr1", "ytr1", "xbr1", "ybr1",
        "xtl2", "ytl2", "xbl2", "ybl2", "xtr2", "ytr2", "xbr2", "ybr2"};

    private final LabelTable labels;
    private final Problems problems;
    private final String file;

    /** A track's shared data, given to each of its shapes. */
    record TrackHead(long id, String label, int group, String source) {
    }

    /**
     * Where an element sits.
     *
     * @param size  the image size, needed to place masks; {@code null} when unknown
     * @param track the enclosing track, or {@code null} inside an {@code <image>}
     */
    record Scope(String itemId, String subset, CvatMeta.Size size, TrackHead track) {
    }

    CvatAnnotations(LabelTable labels, Problems problems, String file) {
        this.labels = labels;
        this.problems = problems;
        this.file = file;
    }

    /** The annotation, or {@code null} when it is dropped (and reported). */
    Annotation convert(RawElement element, Scope scope) throws FormatException {
        AnnotationKind kind = CvatLayout.kindOf(element.name());
        for (String skipped : element.skipped()) {
            problems.changed(scope.itemId(), kind, "<" + skipped + "> inside the <" + element.name() + "> at "
                    + where(element) + " is not read");
        }
        TrackHead track = scope.track();
        String labelName = track != null ? track.label() : element.xml().get("label");
        Integer label = null;
        if (labelName != null && !labelName.isEmpty()) {
            int index = labels.indexOf(labelName);
            if (index < 0) {
                problems.invalid(new ContentProblem(ContentProblem.Type.UNKNOWN_LABEL, scope.itemId(), scope.subset(),
                        ContentProblem.UNKNOWN_INDEX, kind.id(), "label '" + labelName + "' of the <"
                        + element.name() + "> at " + where(element) + " is not declared in the <meta> labels"));
                return null;
            }
            label = index;
        }
        Map<String, Object> attributes = new LinkedHashMap<>();
        if (kind != AnnotationKind.TAG) {
            attributes.put(CvatLayout.OCCLUDED, flag(element, "occluded"));
        }
        String source = element.xml().get(CvatLayout.SOURCE);
        if (source == null && track != null) {
            source = track.source();
        }
        if (source != null) {
            attributes.put(CvatLayout.SOURCE, source);
        }
        putAttributes(attributes, element, label);
        int group = track != null ? track.group() : integer(element, "group_id");
        AnnotationInfo info = new AnnotationInfo(label, track != null ? track.id() : 0, group,
                integer(element, "z_order"), attributes, null);
        Annotation annotation = geometry(element, kind, info, scope);
        if (annotation == null) {
            return null;
        }
        if (track != null) {
            Track frame = new Track(track.id(), flag(element, "keyframe"), outside(element));
            return annotation.withInfo(info.withTrack(frame));
        }
        if (flag(element, "outside")) {
            problems.changed(scope.itemId(), kind, "outside=\"1\" on the <" + element.name() + "> at "
                    + where(element) + " is not kept: only a track has frames where its object is outside");
        }
        return annotation;
    }

    private Annotation geometry(RawElement element, AnnotationKind kind, AnnotationInfo info, Scope scope)
            throws FormatException {
        if (kind != AnnotationKind.BBOX && kind != AnnotationKind.ELLIPSE && rotation(element) != 0) {
            problems.changed(scope.itemId(), kind, "rotation of the <" + element.name() + "> at "
                    + where(element) + " is not kept: the model rotates only boxes and ellipses");
        }
        switch (kind) {
            case BBOX:
                double xtl = number(element, "xtl");
                double ytl = number(element, "ytl");
                return new Bbox(info, xtl, ytl, number(element, "xbr") - xtl, number(element, "ybr") - ytl,
                        rotation(element));
            case ELLIPSE:
                return new Ellipse(info, number(element, "cx"), number(element, "cy"), number(element, "rx"),
                        number(element, "ry"), rotation(element));
            case POLYGON:
                return new Polygon(info, points(element));
            case POLYLINE:
                return new Polyline(info, points(element));
            case POINTS:
                return new Points(info, points(element));
            case CUBOID_2D:
                double[] corners = new double[CUBOID_CORNERS.length];
                for (int i = 0; i < corners.length; i++) {
                    corners[i] = number(element, CUBOID_CORNERS[i]);
                }
                return new Cuboid2d(info, corners);
            case MASK:
                return mask(element, info, scope);
            case SKELETON:
                return skeleton(element, info, scope);
            case TAG:
                return new Tag(info);
            default:
                throw new IllegalStateException("no geometry for " + kind);
        }
    }

    private Mask mask(RawElement element, AnnotationInfo info, Scope scope) throws FormatException {
        String rle = required(element, "rle");
        String[] parts = rle.split(",");
        int[] counts = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                counts[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                throw error(element, "attribute 'rle' must be whole numbers separated by commas, got '"
                        + clip(parts[i].trim()) + "'");
            }
        }
        for (String side : new String[] {"left", "top", "width", "height"}) {
            required(element, side);
        }
        CvatMaskRle.BoxRle box = new CvatMaskRle.BoxRle(counts, integer(element, "left"),
                integer(element, "top"), integer(element, "width"), integer(element, "height"));
        if (scope.size() == null) {
            problems.dropped(scope.itemId(), AnnotationKind.MASK, "the <mask> at " + where(element)
                    + " cannot be placed: the image size is unknown");
            return null;
        }
        if (CvatMaskRle.exceeds(box, scope.size().width(), scope.size().height())) {
            problems.changed(scope.itemId(), AnnotationKind.MASK, "the <mask> at " + where(element)
                    + " reaches outside the image and is cut to it");
        }
        try {
            return new Mask(info, CvatMaskRle.toImage(box, scope.size().width(), scope.size().height()));
        } catch (IllegalArgumentException e) {
            throw error(element, e.getMessage());
        }
    }

    private Skeleton skeleton(RawElement element, AnnotationInfo info, Scope scope) throws FormatException {
        Integer label = info.label();
        String skeletonName = label == null ? null : labels.categories().label(label).name();
        SkeletonDef def = label == null ? null : labels.categories().skeletons().get(label);
        Points[] ordered = def == null ? null : new Points[def.nodeLabels().size()];
        List<Points> nodes = new ArrayList<>();
        for (RawElement child : element.children()) {
            if (!CvatLayout.POINTS.equals(child.name())) {
                problems.changed(scope.itemId(), AnnotationKind.SKELETON, "the <" + child.name() + "> at "
                        + where(child) + " is not kept: skeleton nodes are points");
                continue;
            }
            String nodeName = child.xml().get("label");
            int nodeLabel = nodeName == null || skeletonName == null ? -1 : labels.indexOf(nodeName, skeletonName);
            Points node = node(child, nodeLabel < 0 ? null : nodeLabel);
            if (ordered == null) {
                nodes.add(node);
                continue;
            }
            int position = def.nodeLabels().indexOf(nodeLabel);
            if (position < 0) {
                problems.changed(scope.itemId(), AnnotationKind.SKELETON, "node '" + nodeName + "' at "
                        + where(child) + " is not a point of skeleton '" + skeletonName + "' and is not kept");
                continue;
            }
            ordered[position] = node;
        }
        if (ordered != null) {
            for (int i = 0; i < ordered.length; i++) {
                if (ordered[i] == null) { // CVAT leaves out nodes never placed: absent
                    ordered[i] = new Points(AnnotationInfo.of(def.nodeLabels().get(i)), new double[] {0, 0},
                            new byte[] {Points.ABSENT});
                }
            }
            nodes = Arrays.asList(ordered);
        }
        return new Skeleton(info, nodes);
    }

    private Points node(RawElement element, Integer label) throws FormatException {
        double[] xy = points(element);
        if (xy.length != 2) {
            throw error(element, "a skeleton node needs exactly one point, got " + xy.length / 2);
        }
        byte visibility = flag(element, "outside") ? Points.ABSENT
                : flag(element, "occluded") ? Points.HIDDEN : Points.VISIBLE;
        Map<String, Object> attributes = new LinkedHashMap<>();
        String source = element.xml().get(CvatLayout.SOURCE);
        if (source != null) {
            attributes.put(CvatLayout.SOURCE, source);
        }
        putAttributes(attributes, element, label);
        return new Points(new AnnotationInfo(label, 0, 0, 0, attributes, null), xy, new byte[] {visibility});
    }

    /** A skeleton's track frame is outside when it says so or when every node is. */
    private static boolean outside(RawElement element) {
        if (element.xml().containsKey("outside") || !CvatLayout.SKELETON.equals(element.name())) {
            return flag(element, "outside");
        }
        if (element.children().isEmpty()) {
            return false;
        }
        for (RawElement node : element.children()) {
            if (!flag(node, "outside")) {
                return false;
            }
        }
        return true;
    }

    private void putAttributes(Map<String, Object> attributes, RawElement element, Integer label) {
        for (String[] attribute : element.attributes()) {
            attributes.put(attribute[0], labels.value(label, attribute[0], attribute[1]));
        }
    }

    /**
     * {@code x,y;x,y;...}, read in place (no split: CVAT files hold millions of points). Empty
     * pieces at the end are ignored, as {@code String.split} did.
     */
    private double[] points(RawElement element) throws FormatException {
        String text = required(element, "points");
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == ';') {
            end--;
        }
        int pairs = 1;
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) == ';') {
                pairs++;
            }
        }
        double[] points = new double[pairs * 2];
        int start = 0;
        for (int i = 0; i < pairs; i++) {
            int stop = text.indexOf(';', start);
            if (stop < 0 || stop > end) {
                stop = end;
            }
            int comma = text.indexOf(',', start);
            int yEnd = stop;
            while (yEnd > comma + 1 && text.charAt(yEnd - 1) == ',') {
                yEnd--;
            }
            if (comma < 0 || comma >= stop || comma == start || text.lastIndexOf(',', yEnd - 1) != comma) {
                throw error(element, "attribute 'points' must be x,y pairs separated by ';', got '"
                        + clip(text) + "'");
            }
            points[2 * i] = number(element, "points", text.substring(start, comma));
            points[2 * i + 1] = number(element, "points", text.substring(comma + 1, yEnd));
            start = stop + 1;
        }
        return points;
    }

    private double number(RawElement element, String attribute) throws FormatException {
        return number(element, attribute, required(element, attribute));
    }

    private double number(RawElement element, String attribute, String text) throws FormatException {
        try {
            double value = NumberInput.parseDouble(text.trim(), true); // FastDoubleParser: exact, faster
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw error(element, "attribute '" + attribute + "' must be a number, got '" + clip(text) + "'");
    }

    private double rotation(RawElement element) throws FormatException {
        return element.xml().containsKey("rotation") ? number(element, "rotation") : 0;
    }

    /** A whole-number attribute, 0 when absent. */
    private int integer(RawElement element, String attribute) throws FormatException {
        String text = element.xml().get(attribute);
        if (text == null || text.isBlank()) {
            return 0;
        }
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw error(element, "attribute '" + attribute + "' must be a whole number, got '" + clip(text) + "'");
        }
    }

    private static boolean flag(RawElement element, String attribute) {
        String text = element.xml().get(attribute);
        return "1".equals(text) || "true".equalsIgnoreCase(text);
    }

    private String required(RawElement element, String attribute) throws FormatException {
        String text = element.xml().get(attribute);
        if (text == null) {
            throw error(element, "needs the attribute '" + attribute + "'");
        }
        return text;
    }

    private FormatException error(RawElement element, String message) {
        return FormatException.at(file, "line " + element.line(), "<" + element.name() + "> " + message);
    }

    private String where(RawElement element) {
        return file + ", line " + element.line();
    }

    private static String clip(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
}

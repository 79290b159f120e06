package org.labelbridge.format.datumaro;

import static org.labelbridge.format.datumaro.DatumaroLayout.KEYFRAME;
import static org.labelbridge.format.datumaro.DatumaroLayout.OUTSIDE;
import static org.labelbridge.format.datumaro.DatumaroLayout.ROTATION;
import static org.labelbridge.format.datumaro.DatumaroLayout.TRACK_ID;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.labelbridge.format.Problems;
import org.labelbridge.format.common.CocoRle;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.AnnotationInfo;
import org.labelbridge.model.AnnotationKind;
import org.labelbridge.model.Bbox;
import org.labelbridge.model.Caption;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Cuboid2d;
import org.labelbridge.model.Cuboid3d;
import org.labelbridge.model.Ellipse;
import org.labelbridge.model.Mask;
import org.labelbridge.model.Points;
import org.labelbridge.model.Polygon;
import org.labelbridge.model.Polyline;
import org.labelbridge.model.Rle;
import org.labelbridge.model.Skeleton;
import org.labelbridge.model.SkeletonDef;
import org.labelbridge.model.Track;

/**
 * Writes one annotation object the way Datumaro (as CVAT uses it) does, with the model's typed
 * track data and rotation as attributes.
 */
final class AnnotationWriter {

    private final JsonGenerator json;
    private final Categories categories;
    private final Problems problems;
    private String itemId;

    AnnotationWriter(JsonGenerator json, Categories categories, Problems problems) {
        this.json = json;
        this.categories = categories;
        this.problems = problems;
    }

    void write(String item, Annotation annotation) throws IOException {
        this.itemId = item;
        AnnotationInfo info = annotation.info();
        AnnotationKind kind = annotation.kind();
        json.writeStartObject();
        json.writeNumberField("id", info.id());
        json.writeStringField("type", typeName(kind));
        writeAttributes(annotation);
        json.writeNumberField("group", info.group());
        if (kind != AnnotationKind.CAPTION || info.label() != null) {
            if (info.label() == null) {
                json.writeNullField("label_id");
            } else {
                json.writeNumberField("label_id", info.label());
            }
        }
        writeGeometry(annotation);
        // Datumaro has no z-order for tags, captions and 3D cuboids: written only when set.
        boolean flat = kind == AnnotationKind.TAG || kind == AnnotationKind.CAPTION || kind == AnnotationKind.CUBOID_3D;
        if (!flat || info.zOrder() != 0) {
            json.writeNumberField("z_order", info.zOrder());
        }
        json.writeEndObject();
    }

    /** Datumaro's type name: the model's kind id, except that a tag is a {@code label}. */
    static String typeName(AnnotationKind kind) {
        return kind == AnnotationKind.TAG ? "label" : kind.id();
    }

    private void writeAttributes(Annotation annotation) throws IOException {
        AnnotationInfo info = annotation.info();
        Track track = info.track();
        double rotation = rotation(annotation);
        boolean rotatable = annotation instanceof Bbox || annotation instanceof Ellipse;
        json.writeObjectFieldStart("attributes");
        for (Map.Entry<String, Object> entry : info.attributes().entrySet()) {
            String name = entry.getKey();
            boolean trackKey = name.equals(TRACK_ID) || name.equals(KEYFRAME) || name.equals(OUTSIDE);
            if (track != null && trackKey || rotatable && name.equals(ROTATION)) {
                problems.changed(itemId, annotation.kind(), "attribute '" + name + "' is where Datumaro keeps "
                        + (trackKey ? "track data" : "the rotation") + "; its value " + entry.getValue() + " is not written");
                continue;
            }
            writeAttribute(annotation.kind(), name, entry.getValue());
        }
        if (track != null) {
            json.writeNumberField(TRACK_ID, track.id());
            json.writeBooleanField(KEYFRAME, track.keyframe());
            json.writeBooleanField(OUTSIDE, track.outside());
        }
        if (rotation != 0) {
            json.writeNumberField(ROTATION, rotation);
        }
        json.writeEndObject();
    }

    private void writeAttribute(AnnotationKind kind, String name, Object value) throws IOException {
        json.writeFieldName(name);
        if (!AttributeValues.write(json, value)) {
            problems.changed(itemId, kind, "attribute '" + name + "' = " + value + " is written as text");
        }
    }

    private static double rotation(Annotation annotation) {
        if (annotation instanceof Bbox box) {
            return box.rotation();
        }
        if (annotation instanceof Ellipse ellipse) {
            return ellipse.rotation();
        }
        return 0;
    }

    private void writeGeometry(Annotation annotation) throws IOException {
        switch (annotation.kind()) {
            case TAG -> {
            }
            case BBOX -> {
                Bbox b = (Bbox) annotation;
                numbers("bbox", new double[] {b.x(), b.y(), b.w(), b.h()});
            }
            case POLYGON -> numbers("points", ((Polygon) annotation).points());
            case POLYLINE -> numbers("points", ((Polyline) annotation).points());
            case POINTS -> writePoints((Points) annotation);
            case MASK -> writeRle(((Mask) annotation).rle());
            case ELLIPSE -> {
                Ellipse e = (Ellipse) annotation;
                if (e.rotation() != 0) {
                    problems.changed(itemId, AnnotationKind.ELLIPSE, "Datumaro's ellipse is axis-aligned: its "
                            + e.rotation() + " degree rotation is kept only in the 'rotation' attribute (which CVAT reads)");
                }
                numbers("points", new double[] {e.cx() - e.rx(), e.cy() - e.ry(), e.cx() + e.rx(), e.cy() + e.ry()});
            }
            case CUBOID_2D -> {
                double[] p = ((Cuboid2d) annotation).points();
                json.writeArrayFieldStart("points");
                for (int i = 0; i < p.length; i += 2) {
                    json.writeArray(p, i, 2);
                }
                json.writeEndArray();
            }
            case CUBOID_3D -> {
                Cuboid3d c = (Cuboid3d) annotation;
                numbers("position", c.position());
                numbers("rotation", c.rotation());
                numbers("scale", c.scale());
            }
            case SKELETON -> writeSkeleton((Skeleton) annotation);
            case CAPTION -> json.writeStringField("caption", ((Caption) annotation).text());
        }
    }

    /**
     * CVAT's compact form (x, y, visibility per node in layout order, and the nodes' attributes)
     * when it holds the skeleton exactly, so that CVAT reads it; else Datumaro's elements.
     */
    private void writeSkeleton(Skeleton skeleton) throws IOException {
        if (fitsCompactForm(skeleton)) {
            json.writeArrayFieldStart("points");
            for (Points node : skeleton.nodes()) {
                json.writeNumber(node.x(0));
                json.writeNumber(node.y(0));
                json.writeNumber(node.visibility(0));
            }
            json.writeEndArray();
            json.writeArrayFieldStart("points_attributes");
            for (Points node : skeleton.nodes()) {
                json.writeStartObject();
                for (Map.Entry<String, Object> entry : node.attributes().entrySet()) {
                    writeAttribute(AnnotationKind.SKELETON, entry.getKey(), entry.getValue());
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            return;
        }
        json.writeArrayFieldStart("elements");
        for (Points node : skeleton.nodes()) {
            write(itemId, node);
        }
        json.writeEndArray();
    }

    /** Whether each node is one point labelled as the layout says, with nothing but attributes. */
    private boolean fitsCompactForm(Skeleton skeleton) {
        SkeletonDef layout = skeleton.label() == null ? null : categories.skeletons().get(skeleton.label());
        if (layout == null || layout.nodeLabels().size() != skeleton.nodes().size() || skeleton.nodes().isEmpty()) {
            return false;
        }
        for (int i = 0; i < skeleton.nodes().size(); i++) {
            Points node = skeleton.nodes().get(i);
            AnnotationInfo info = node.info();
            if (node.size() != 1 || !layout.nodeLabels().get(i).equals(info.label()) || info.id() != 0
                    || info.group() != 0 || info.zOrder() != 0 || info.track() != null) {
                return false;
            }
        }
        return true;
    }

    private void writePoints(Points points) throws IOException {
        numbers("points", points.points());
        json.writeArrayFieldStart("visibility");
        for (byte v : points.visibility()) {
            json.writeNumber(v);
        }
        json.writeEndArray();
    }

    private void writeRle(Rle rle) throws IOException {
        json.writeObjectFieldStart("rle");
        json.writeStringField("counts", CocoRle.encode(rle));
        json.writeArrayFieldStart("size");
        json.writeNumber(rle.height());
        json.writeNumber(rle.width());
        json.writeEndArray();
        json.writeEndObject();
    }

    private void numbers(String field, double[] values) throws IOException {
        json.writeFieldName(field);
        json.writeArray(values, 0, values.length);
    }

    private void numbers(String field, List<Double> values) throws IOException {
        json.writeArrayFieldStart(field);
        for (double v : values) {
            json.writeNumber(v);
        }
        json.writeEndArray();
    }
}

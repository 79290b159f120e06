package org.labelbridge.format.cvat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.labelbridge.format.Problems;
import org.labelbridge.format.common.NumberText;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.AnnotationKind;
import org.labelbridge.model.Bbox;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Cuboid2d;
import org.labelbridge.model.Ellipse;
import org.labelbridge.model.Mask;
import org.labelbridge.model.Points;
import org.labelbridge.model.Polygon;
import org.labelbridge.model.Polyline;
import org.labelbridge.model.Skeleton;

/**
 * Turns the model's annotations into {@link CvatShape}s, for both CVAT writers: geometry in
 * CVAT's attributes, masks as run lengths over their box, skeleton nodes, and the
 * {@code <attribute>} children (noted in the {@link AttributeDeclarations} as they go).
 * What CVAT cannot hold is reported, and such an annotation gives {@code null}.
 */
final class CvatShapes {

    private static final String[] CUBOID_CORNERS = {
        "xtl1", "ytl1", "xbl1", "ybl1", "xtr1", "ytr1", "xbr1", "ybr1",
        "xtl2", "ytl2", "xbl2", "ybl2", "xtr2", "ytr2", "xbr2", "ybr2"};

    private final Categories categories;
    private final AttributeDeclarations declarations;
    private final Problems problems;
    private final String formatName;

    /** A coordinate CVAT cannot hold (NaN or infinite): the annotation is dropped. */
    private static final class NotFinite extends Exception {
        NotFinite() {
            super(null, null, false, false);
        }
    }

    /** {@code formatName} ("CVAT for images 1.1") names the format in reports. */
    CvatShapes(Categories categories, AttributeDeclarations declarations, Problems problems, String formatName) {
        this.categories = categories;
        this.declarations = declarations;
        this.problems = problems;
        this.formatName = formatName;
    }

    /** The annotation as CVAT writes it, or {@code null} when it cannot be written (reported). */
    CvatShape convert(String itemId, Annotation annotation) {
        AnnotationKind kind = annotation.kind();
        if (kind == AnnotationKind.CAPTION || kind == AnnotationKind.CUBOID_3D) {
            problems.dropped(itemId, kind, formatName + " cannot hold a " + kind.id());
            return null;
        }
        if (annotation.label() == null) {
            problems.dropped(itemId, kind, "unlabelled: CVAT needs a label on every annotation");
            return null;
        }
        List<CvatShape.Field> geometry = new ArrayList<>();
        List<CvatShape.Node> nodes = new ArrayList<>();
        try {
            if (!geometry(itemId, annotation, geometry, nodes)) {
                return null;
            }
        } catch (NotFinite e) {
            problems.dropped(itemId, kind, "a coordinate is not a finite number");
            return null;
        }
        return new CvatShape(elementOf(kind), categories.label(annotation.label()).name(), source(annotation),
                Boolean.TRUE.equals(annotation.attributes().get(CvatLayout.OCCLUDED)), annotation.info().zOrder(),
                annotation.info().group(), geometry, nodes, attributes(itemId, annotation, kind));
    }

    /**
     * Puts the shape's geometry into {@code xml} (and a skeleton's nodes into {@code nodes});
     * false when the annotation cannot be written (reported).
     */
    private boolean geometry(String itemId, Annotation annotation, List<CvatShape.Field> xml,
                             List<CvatShape.Node> nodes) throws NotFinite {
        if (annotation instanceof Bbox box) {
            put(xml, "xtl", coordinate(box.x()));
            put(xml, "ytl", coordinate(box.y()));
            put(xml, "xbr", coordinate(box.x2()));
            put(xml, "ybr", coordinate(box.y2()));
            if (box.rotation() != 0) {
                put(xml, "rotation", coordinate(box.rotation()));
            }
        } else if (annotation instanceof Ellipse ellipse) {
            put(xml, "cx", coordinate(ellipse.cx()));
            put(xml, "cy", coordinate(ellipse.cy()));
            put(xml, "rx", coordinate(ellipse.rx()));
            put(xml, "ry", coordinate(ellipse.ry()));
            if (ellipse.rotation() != 0) {
                put(xml, "rotation", coordinate(ellipse.rotation()));
            }
        } else if (annotation instanceof Polygon polygon) {
            put(xml, "points", points(polygon.points()));
        } else if (annotation instanceof Polyline polyline) {
            put(xml, "points", points(polyline.points()));
        } else if (annotation instanceof Points points) {
            for (int i = 0; i < points.size(); i++) {
                if (points.visibility(i) != Points.VISIBLE) {
                    problems.changed(itemId, AnnotationKind.POINTS, "point visibility is not kept: "
                            + "CVAT points are all visible");
                    break;
                }
            }
            put(xml, "points", points(points.points()));
        } else if (annotation instanceof Cuboid2d cuboid) {
            double[] corners = cuboid.points();
            for (int i = 0; i < corners.length; i++) {
                put(xml, CUBOID_CORNERS[i], coordinate(corners[i]));
            }
        } else if (annotation instanceof Mask mask) {
            CvatMaskRle.BoxRle box = CvatMaskRle.toBox(mask.rle());
            if (box == null) {
                problems.dropped(itemId, AnnotationKind.MASK, "empty: CVAT cannot hold a mask without pixels");
                return false;
            }
            put(xml, "rle", box.countsText());
            put(xml, "left", Integer.toString(box.left()));
            put(xml, "top", Integer.toString(box.top()));
            put(xml, "width", Integer.toString(box.width()));
            put(xml, "height", Integer.toString(box.height()));
        } else if (annotation instanceof Skeleton skeleton) {
            return skeletonNodes(itemId, skeleton, nodes);
        }
        return true;
    }

    private boolean skeletonNodes(String itemId, Skeleton skeleton, List<CvatShape.Node> nodes) throws NotFinite {
        for (Points node : skeleton.nodes()) {
            if (node.label() == null || node.size() != 1) {
                problems.dropped(itemId, AnnotationKind.SKELETON, "a node is unlabelled or is not one point: "
                        + "CVAT skeleton nodes are single labelled points");
                return false;
            }
        }
        for (Points node : skeleton.nodes()) {
            nodes.add(new CvatShape.Node(categories.label(node.label()).name(), source(node), node.visibility(0),
                    points(node.points()), attributes(itemId, node, AnnotationKind.SKELETON)));
        }
        return true;
    }

    /** The {@code <attribute>} children: every attribute but those written as XML attributes. */
    private List<CvatShape.Field> attributes(String itemId, Annotation annotation, AnnotationKind kind) {
        List<CvatShape.Field> children = new ArrayList<>();
        for (Map.Entry<String, Object> attribute : annotation.attributes().entrySet()) {
            String name = attribute.getKey();
            Object value = attribute.getValue();
            if (CvatLayout.SOURCE.equals(name) && value instanceof String
                    || CvatLayout.OCCLUDED.equals(name) && value instanceof Boolean
                    && annotation.kind() != AnnotationKind.TAG) {
                continue;
            }
            if (value instanceof List) {
                problems.changed(itemId, kind, "attribute '" + name + "' is a list, which CVAT cannot hold: "
                        + "written as comma-separated text");
            }
            declarations.add(annotation.label(), name, value);
            children.add(new CvatShape.Field(name, AttributeValues.format(value)));
        }
        return children;
    }

    /** Writes {@code <attribute name>value</attribute>} children. */
    static void writeAttributes(IndentingXml xml, List<CvatShape.Field> attributes) throws IOException {
        for (CvatShape.Field attribute : attributes) {
            xml.start(CvatLayout.ATTRIBUTE);
            xml.attribute("name", attribute.name());
            xml.text(attribute.value());
            xml.end();
        }
    }

    /** Writes XML attributes in order. */
    static void writeFields(IndentingXml xml, List<CvatShape.Field> fields) throws IOException {
        for (CvatShape.Field field : fields) {
            xml.attribute(field.name(), field.value());
        }
    }

    private static String source(Annotation annotation) {
        return annotation.attributes().get(CvatLayout.SOURCE) instanceof String source ? source : null;
    }

    private static void put(List<CvatShape.Field> xml, String name, String value) {
        xml.add(new CvatShape.Field(name, value));
    }

    static String elementOf(AnnotationKind kind) {
        switch (kind) {
            case BBOX:
                return "box";
            case CUBOID_2D:
                return "cuboid";
            case TAG:
                return CvatLayout.TAG;
            default:
                return kind.id(); // polygon, polyline, points, mask, ellipse, skeleton
        }
    }

    private static String points(double[] points) throws NotFinite {
        StringBuilder text = new StringBuilder(points.length * 6);
        for (int i = 0; i < points.length; i += 2) {
            if (i > 0) {
                text.append(';');
            }
            text.append(coordinate(points[i])).append(',').append(coordinate(points[i + 1]));
        }
        return text.toString();
    }

    private static String coordinate(double value) throws NotFinite {
        if (!Double.isFinite(value)) {
            throw new NotFinite();
        }
        return number(value);
    }

    /** A number as short as it reads back exactly: {@code 4}, {@code 2.4}, {@code 797.33}. */
    static String number(double value) {
        return NumberText.of(value);
    }
}

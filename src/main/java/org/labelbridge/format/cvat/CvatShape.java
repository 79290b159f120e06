package org.labelbridge.format.cvat;

import java.util.List;

/**
 * One annotation as CVAT writes it, before it is laid out: its element, what every shape has,
 * its geometry as XML attributes in CVAT's order, a skeleton's nodes and the
 * {@code <attribute>} children. The images writer lays it out inside an {@code <image>}; the
 * video writer spools it and lays it out later as a frame of a {@code <track>}.
 *
 * @param source   the {@code source} attribute, or {@code null}
 * @param geometry coordinates (and {@code rotation}, a mask's {@code rle left top width height})
 * @param nodes    a skeleton's points, in its declared node order; empty for other shapes
 */
record CvatShape(String element, String label, String source, boolean occluded, int zOrder, int group,
                 List<Field> geometry, List<Node> nodes, List<Field> attributes) {

    CvatShape {
        geometry = List.copyOf(geometry);
        nodes = List.copyOf(nodes);
        attributes = List.copyOf(attributes);
    }

    /** An XML attribute, or an {@code <attribute name>} child and its text. */
    record Field(String name, String value) {
    }

    /**
     * A skeleton node: one labelled point.
     *
     * @param visibility {@link org.labelbridge.model.Points#ABSENT} (CVAT's outside),
     *                   {@code HIDDEN} (occluded) or {@code VISIBLE}
     */
    record Node(String label, String source, byte visibility, String points, List<Field> attributes) {

        Node {
            attributes = List.copyOf(attributes);
        }
    }

    boolean isTag() {
        return CvatLayout.TAG.equals(element);
    }

    boolean isSkeleton() {
        return CvatLayout.SKELETON.equals(element);
    }
}

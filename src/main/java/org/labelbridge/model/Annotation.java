package org.labelbridge.model;

import java.util.Map;

/**
 * One annotation of an item. The family is closed: a writer can switch over it exhaustively.
 * What every kind shares lives in {@link AnnotationInfo}.
 */
public sealed interface Annotation
        permits Tag, Bbox, Polygon, Polyline, Points, Mask, Ellipse, Cuboid2d, Cuboid3d,
                Skeleton, Caption {

    AnnotationInfo info();

    /** The annotation with other shared data; shapes keep their geometry. */
    Annotation withInfo(AnnotationInfo info);

    AnnotationKind kind();

    /** Index into {@link Categories#labels()}, or {@code null} when unlabelled. */
    default Integer label() {
        return info().label();
    }

    default Map<String, Object> attributes() {
        return info().attributes();
    }
}

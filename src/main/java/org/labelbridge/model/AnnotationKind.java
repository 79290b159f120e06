package org.labelbridge.model;

/** The kinds of annotation, for capabilities and the conversion report. */
public enum AnnotationKind {
    TAG("tag"), BBOX("bbox"), POLYGON("polygon"), POLYLINE("polyline"), POINTS("points"),
    MASK("mask"), ELLIPSE("ellipse"), CUBOID_2D("cuboid_2d"), CUBOID_3D("cuboid_3d"),
    SKELETON("skeleton"), CAPTION("caption");

    private final String id;

    AnnotationKind(String id) {
        this.id = id;
    }

    /** Stable lower-case name used in reports and options. */
    public String id() {
        return id;
    }

    /** The kind with this id, or {@code null}. */
    public static AnnotationKind byId(String id) {
        for (AnnotationKind kind : values()) {
            if (kind.id.equals(id)) {
                return kind;
            }
        }
        return null;
    }
}

package org.labelbridge.format;

/** What a format can keep besides annotation kinds; a target lacking one loses it, visibly. */
public enum Feature {
    /** Attributes on annotations. */
    ANNOTATION_ATTRIBUTES("annotation attributes"),
    /** Attributes on items. */
    ITEM_ATTRIBUTES("item attributes"),
    /** Track ids, keyframes and outside flags. */
    TRACKS("track data"),
    /**
     * Shapes of a track at frames where it is outside (hidden): a target without this never sees
     * them, since written as plain shapes they would be visible objects.
     */
    HIDDEN_SHAPES("shapes hidden outside their track"),
    /** Group numbers linking annotations of one object. */
    GROUPS("groups"),
    /** Z-order. */
    Z_ORDER("z-order"),
    /** Named subsets. */
    SUBSETS("subsets"),
    /** Rotated boxes and ellipses. */
    ROTATION("rotation"),
    /** Unlabelled annotations. */
    UNLABELLED("unlabelled annotations"),
    /**
     * Point clouds (3D) as the items' media, with their related images; a format without this
     * holds images (2D). A conversion between the two is refused (see {@code TargetFit}).
     */
    POINT_CLOUDS("point clouds");

    private final String description;

    Feature(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}

package org.labelbridge.model;

import java.util.List;

/**
 * A skeleton: its label is the skeleton label, its nodes are single-point {@link Points}
 * labelled with the node labels (children of the skeleton label), in the order of
 * {@link SkeletonDef#nodeLabels()}.
 */
public record Skeleton(AnnotationInfo info, List<Points> nodes) implements Annotation {

    public Skeleton {
        nodes = List.copyOf(nodes);
    }

    @Override
    public AnnotationKind kind() {
        return AnnotationKind.SKELETON;
    }

    @Override
    public Skeleton withInfo(AnnotationInfo newInfo) {
        return new Skeleton(newInfo, nodes);
    }
}

package org.labelbridge.model;

import java.util.List;

/** A cuboid in 3D space (point clouds): position, rotation (radians) and scale, each x, y, z. */
public record Cuboid3d(AnnotationInfo info, List<Double> position, List<Double> rotation,
                       List<Double> scale) implements Annotation {

    public Cuboid3d {
        position = checked(position, "position");
        rotation = checked(rotation, "rotation");
        scale = checked(scale, "scale");
    }

    private static List<Double> checked(List<Double> xyz, String what) {
        if (xyz == null || xyz.size() != 3) {
            throw new IllegalArgumentException("Cuboid3d " + what + " needs 3 values, got " + xyz);
        }
        return List.copyOf(xyz);
    }

    @Override
    public AnnotationKind kind() {
        return AnnotationKind.CUBOID_3D;
    }

    @Override
    public Cuboid3d withInfo(AnnotationInfo newInfo) {
        return new Cuboid3d(newInfo, position, rotation, scale);
    }
}

package org.labelbridge.format.common.pixels;

import java.util.ArrayList;
import java.util.List;

/**
 * One 4-connected part of a mask as polygons along pixel edges (vertices on pixel corners,
 * flat {@code x1, y1, ...}): its outer boundary, clockwise on screen, and the boundaries of
 * its holes, counter-clockwise. Filling {@code outer} and {@code holes} together by the
 * even-odd rule ({@link Rasterizer#evenOdd}) gives back exactly the part's pixels; filling
 * {@code outer} alone gives the part with its holes filled.
 */
public record MaskRegion(double[] outer, List<double[]> holes) {

    public MaskRegion {
        outer = outer.clone();
        holes = holes.stream().map(double[]::clone).toList();
    }

    @Override
    public double[] outer() {
        return outer.clone();
    }

    @Override
    public List<double[]> holes() {
        return holes.stream().map(double[]::clone).toList();
    }

    public boolean hasHoles() {
        return !holes.isEmpty();
    }

    /** The outer ring followed by the holes, for {@link Rasterizer#evenOdd}. */
    public List<double[]> rings() {
        ArrayList<double[]> rings = new ArrayList<>(holes.size() + 1);
        rings.add(outer.clone());
        holes.forEach(h -> rings.add(h.clone()));
        return rings;
    }
}

package org.labelbridge.format.common.pixels;

/**
 * The pixels a shape covers in an image, given as horizontal spans clipped to the image.
 * Shapes are rasterised only when painted, so a writer never holds one bitmap per shape.
 */
@FunctionalInterface
public interface Coverage {

    /** Reports every covered pixel of a {@code height x width} image, each exactly once. */
    void cover(int height, int width, SpanSink sink);

    /** Receives covered pixels {@code x0 <= x < x1} of row {@code y}, inside the image. */
    @FunctionalInterface
    interface SpanSink {
        void span(int y, int x0, int x1);
    }
}

package org.labelbridge.format.common.pixels;

import java.util.Arrays;

/**
 * A single-channel image of integer values, row-major: a class map (label index per pixel),
 * an instance map (instance id per pixel, 0 = none) or any other index image.
 */
public final class IndexImage {

    private final int height;
    private final int width;
    private final int[] values;

    /** An image of zeros. */
    public IndexImage(int height, int width) {
        this(height, width, new int[checkedArea(height, width)]);
    }

    private IndexImage(int height, int width, int[] values) {
        this.height = height;
        this.width = width;
        this.values = values;
    }

    /** Wraps a copy of row-major values ({@code values[y * width + x]}). */
    public static IndexImage of(int height, int width, int... values) {
        if (values.length != checkedArea(height, width)) {
            throw new IllegalArgumentException("expected " + height * width + " values for "
                    + height + "x" + width + ", got " + values.length);
        }
        return new IndexImage(height, width, values.clone());
    }

    static int checkedArea(int height, int width) {
        if (height < 0 || width < 0 || (long) height * width > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("bad image size " + height + "x" + width);
        }
        return height * width;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    public int get(int x, int y) {
        return values[y * width + x];
    }

    public void set(int x, int y, int value) {
        values[y * width + x] = value;
    }

    /** The value at a row-major pixel index. */
    public int at(int index) {
        return values[index];
    }

    void setAt(int index, int value) {
        values[index] = value;
    }

    /** The largest value, or 0 for an empty image. */
    public int max() {
        int max = 0;
        for (int v : values) {
            max = Math.max(max, v);
        }
        return max;
    }

    /** A copy of the row-major values. */
    public int[] values() {
        return values.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IndexImage other && height == other.height && width == other.width
                && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * height + width) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("IndexImage[" + height + "x" + width);
        if (values.length <= 400) {
            for (int y = 0; y < height; y++) {
                out.append(y == 0 ? ": " : " / ");
                for (int x = 0; x < width; x++) {
                    out.append(x == 0 ? "" : ",").append(get(x, y));
                }
            }
        }
        return out.append(']').toString();
    }
}

package org.labelbridge.model;

import java.util.Arrays;

/**
 * A binary mask over a {@code height x width} image as COCO's uncompressed run lengths:
 * pixels in column-major order (down each column, then the next column to the right),
 * {@code counts} alternating runs of 0s and 1s, starting with 0s (possibly an empty run).
 */
public record Rle(int height, int width, int[] counts) {

    public Rle {
        if (height < 0 || width < 0) {
            throw new IllegalArgumentException("RLE size must not be negative: " + height + "x" + width);
        }
        long total = 0;
        for (int c : counts) {
            if (c < 0) {
                throw new IllegalArgumentException("RLE count must not be negative: " + c);
            }
            total += c;
        }
        if (total != (long) height * width) {
            throw new IllegalArgumentException("RLE counts add up to " + total + " pixels, image "
                    + height + "x" + width + " has " + (long) height * width);
        }
        counts = counts.clone();
    }

    @Override
    public int[] counts() {
        return counts.clone();
    }

    /** Encodes a row-major bitmap ({@code bitmap[y * width + x] != 0} is set). */
    public static Rle fromBitmap(byte[] bitmap, int height, int width) {
        if (bitmap.length != height * width) {
            throw new IllegalArgumentException("bitmap has " + bitmap.length + " pixels, expected " + height * width);
        }
        int[] runs = new int[Math.max(1, height * width + 1)];
        int n = 0;
        int run = 0;
        boolean current = false;
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                boolean set = bitmap[y * width + x] != 0;
                if (set != current) {
                    runs[n++] = run;
                    run = 0;
                    current = set;
                }
                run++;
            }
        }
        runs[n++] = run;
        return new Rle(height, width, Arrays.copyOf(runs, n));
    }

    /** Decodes to a row-major bitmap of 0 and 1. */
    public byte[] toBitmap() {
        byte[] bitmap = new byte[height * width];
        int pos = 0;
        for (int i = 0; i < counts.length; i++) {
            if (i % 2 == 1) {
                for (int k = 0; k < counts[i]; k++) {
                    int p = pos + k;
                    bitmap[(p % height) * width + p / height] = 1;
                }
            }
            pos += counts[i];
        }
        return bitmap;
    }

    /** Number of set pixels. */
    public long area() {
        long area = 0;
        for (int i = 1; i < counts.length; i += 2) {
            area += counts[i];
        }
        return area;
    }

    /** The tight box {@code [x, y, w, h]} around the set pixels, or all zeros when empty. */
    public double[] bbox() {
        int minX = Integer.MAX_VALUE, minY = Integer.MAX_VALUE, maxX = -1, maxY = -1;
        long pos = 0;
        for (int i = 0; i < counts.length; i++) {
            if (i % 2 == 1 && counts[i] > 0) {
                long first = pos, last = pos + counts[i] - 1;
                int x1 = (int) (first / height), x2 = (int) (last / height);
                minX = Math.min(minX, x1);
                maxX = Math.max(maxX, x2);
                if (x1 == x2) {
                    minY = Math.min(minY, (int) (first % height));
                    maxY = Math.max(maxY, (int) (last % height));
                } else { // the run wraps: column x1 reaches the bottom, column x2 starts at the top
                    minY = 0;
                    maxY = height - 1;
                }
            }
            pos += counts[i];
        }
        if (maxX < 0) {
            return new double[] {0, 0, 0, 0};
        }
        return new double[] {minX, minY, maxX - minX + 1, maxY - minY + 1};
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Rle other && height == other.height && width == other.width
                && Arrays.equals(canonical(counts), canonical(other.counts));
    }

    @Override
    public int hashCode() {
        return (31 * height + width) * 31 + Arrays.hashCode(canonical(counts));
    }

    /** Runs with empty inner runs merged and trailing empty runs dropped, so equal masks compare equal. */
    private static int[] canonical(int[] counts) {
        int[] out = new int[counts.length];
        int n = 0;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0 && i > 0) {
                if (i + 1 < counts.length) {
                    out[n - 1] += counts[++i];
                }
                continue;
            }
            out[n++] = counts[i];
        }
        return Arrays.copyOf(out, n);
    }

    @Override
    public String toString() {
        return "Rle[" + height + "x" + width + ", " + Arrays.toString(counts) + "]";
    }
}

package org.labelbridge.format.common.pixels;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import org.labelbridge.model.Rle;

/**
 * Traces a mask into polygons along pixel edges: one {@link MaskRegion} per 4-connected part
 * (pixels touching only at a corner are separate parts), each with its holes. The polygons
 * are exact: rasterising them by the package's pixel rule gives the mask back.
 *
 * <p>The model's polygon has no holes; a writer that must turn a mask with holes into
 * polygons either keeps the mask (where its format holds masks) or writes the outer rings
 * and reports the filled holes through {@code Problems}. It never drops a hole silently.
 */
public final class MaskContours {

    // Directions on screen (y down), clockwise: east, south, west, north.
    private static final int[] DX = {1, 0, -1, 0};
    private static final int[] DY = {0, 1, 0, -1};

    private final byte[] bitmap;
    private final int height;
    private final int width;

    private MaskContours(byte[] bitmap, int height, int width) {
        this.bitmap = bitmap;
        this.height = height;
        this.width = width;
    }

    public static List<MaskRegion> regions(Rle mask) {
        return regions(mask.toBitmap(), mask.height(), mask.width());
    }

    /** Regions of a row-major bitmap ({@code bitmap[y * width + x] != 0} is set), in raster order. */
    public static List<MaskRegion> regions(byte[] bitmap, int height, int width) {
        if (bitmap.length != IndexImage.checkedArea(height, width)) {
            throw new IllegalArgumentException("bitmap has " + bitmap.length + " pixels, expected " + height * width);
        }
        return new MaskContours(bitmap, height, width).trace();
    }

    private boolean set(int x, int y) {
        return x >= 0 && y >= 0 && x < width && y < height && bitmap[y * width + x] != 0;
    }

    /** Whether the boundary edge leaving corner (x, y) in direction d exists (set pixel on its right). */
    private boolean edge(int x, int y, int d) {
        switch (d) {
            case 0: return set(x, y) && !set(x, y - 1);
            case 1: return set(x - 1, y) && !set(x, y);
            case 2: return set(x - 1, y - 1) && !set(x - 1, y);
            default: return set(x, y - 1) && !set(x - 1, y - 1);
        }
    }

    private List<MaskRegion> trace() {
        int[] parts = labelParts();
        List<double[]> outers = new ArrayList<>();
        List<List<double[]>> holes = new ArrayList<>();
        BitSet horizontal = new BitSet((height + 1) * width); // segment (x, y)-(x+1, y)
        BitSet vertical = new BitSet(height * (width + 1));   // segment (x, y)-(x, y+1)
        for (int y = 0; y <= height; y++) {
            for (int x = 0; x < width; x++) {
                if (horizontal.get(y * width + x) || set(x, y) == set(x, y - 1)) {
                    continue;
                }
                // The first edge of a ring in raster order: its set pixel names the part.
                boolean below = set(x, y);
                int part = below ? parts[y * width + x] : parts[(y - 1) * width + x];
                double[] ring = below ? follow(x, y, 0, horizontal, vertical) : follow(x + 1, y, 2, horizontal, vertical);
                while (outers.size() <= part) {
                    outers.add(null);
                    holes.add(new ArrayList<>());
                }
                if (below && outers.get(part) == null) {
                    outers.set(part, ring); // a part's topmost-leftmost edge is on its outer boundary
                } else {
                    holes.get(part).add(ring);
                }
            }
        }
        List<MaskRegion> regions = new ArrayList<>(outers.size());
        for (int i = 0; i < outers.size(); i++) {
            regions.add(new MaskRegion(outers.get(i), holes.get(i)));
        }
        return regions;
    }

    /**
     * Walks one ring from corner (x, y) leaving in direction d, keeping set pixels on the
     * right and turning right first, so corner-touching pixels stay apart. Returns the corners
     * where the direction changes.
     */
    private double[] follow(int startX, int startY, int startDir, BitSet horizontal, BitSet vertical) {
        double[] corners = new double[16];
        int n = 0;
        int x = startX, y = startY, d = startDir;
        boolean startIsCorner = false;
        while (true) {
            if (d == 0) {
                horizontal.set(y * width + x);
            } else if (d == 2) {
                horizontal.set(y * width + x - 1);
            } else if (d == 1) {
                vertical.set(y * (width + 1) + x);
            } else {
                vertical.set((y - 1) * (width + 1) + x);
            }
            x += DX[d];
            y += DY[d];
            int next = -1;
            for (int turn : new int[] {1, 0, 3}) {
                int candidate = (d + turn) % 4;
                if (edge(x, y, candidate)) {
                    next = candidate;
                    break;
                }
            }
            if (next < 0) {
                throw new IllegalStateException("boundary broken at corner (" + x + ", " + y + ")");
            }
            boolean back = x == startX && y == startY && next == startDir;
            if (next != d) {
                if (back) {
                    startIsCorner = true;
                } else {
                    if (n + 2 > corners.length) {
                        corners = Arrays.copyOf(corners, corners.length * 2);
                    }
                    corners[n++] = x;
                    corners[n++] = y;
                }
            }
            if (back) {
                break;
            }
            d = next;
        }
        double[] ring = new double[n + (startIsCorner ? 2 : 0)];
        int offset = 0;
        if (startIsCorner) {
            ring[0] = startX;
            ring[1] = startY;
            offset = 2;
        }
        System.arraycopy(corners, 0, ring, offset, n);
        return ring;
    }

    /** Numbers the 4-connected parts 0, 1, ... in raster order of their first pixel. */
    private int[] labelParts() {
        int[] parts = new int[bitmap.length];
        Arrays.fill(parts, -1);
        int[] queue = new int[16];
        int next = 0;
        for (int start = 0; start < bitmap.length; start++) {
            if (bitmap[start] == 0 || parts[start] >= 0) {
                continue;
            }
            int head = 0, tail = 0;
            queue[tail++] = start;
            parts[start] = next;
            while (head < tail) {
                int p = queue[head++];
                int px = p % width, py = p / width;
                for (int d = 0; d < 4; d++) {
                    int qx = px + DX[d], qy = py + DY[d];
                    if (set(qx, qy) && parts[qy * width + qx] < 0) {
                        parts[qy * width + qx] = next;
                        if (tail == queue.length) {
                            queue = Arrays.copyOf(queue, queue.length * 2);
                        }
                        queue[tail++] = qy * width + qx;
                    }
                }
            }
            next++;
        }
        return parts;
    }
}

package org.labelbridge.format.common.pixels;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.labelbridge.model.Rle;

/**
 * Traces a mask into polygons along pixel edges: one {@link MaskRegion} per 4-connected part
 * (pixels touching only at a corner are separate parts), each with its holes. The polygons
 * are exact: rasterising them by the package's pixel rule gives the mask back. Only corners
 * are kept (points on a straight edge are dropped, as OpenCV's {@code CHAIN_APPROX_SIMPLE}
 * does, yet along pixel edges, so nothing moves). Tracing works on the mask's row runs.
 *
 * <p>The model's polygon has no holes; a writer that must turn a mask with holes into
 * polygons either keeps the mask (where its format holds masks) or writes the outer rings
 * and reports the filled holes through {@code Problems}. It never drops a hole silently.
 */
public final class MaskContours {

    // Directions on screen (y down), clockwise: east, south, west, north.
    private static final int[] DX = {1, 0, -1, 0};
    private static final int[] DY = {0, 1, 0, -1};

    private final MaskRows rows;
    private final int height;
    private final int width;
    /** Horizontal boundary segments already walked, keyed by line and left end. */
    private final Set<Long> walked = new HashSet<>();

    private MaskContours(MaskRows rows) {
        this.rows = rows;
        this.height = rows.height();
        this.width = rows.width();
    }

    /** Regions of a mask, traced from its runs (no bitmap): work grows with runs and outline, not area. */
    public static List<MaskRegion> regions(Rle mask) {
        return new MaskContours(MaskRows.of(mask)).trace();
    }

    /** Regions of a row-major bitmap ({@code bitmap[y * width + x] != 0} is set), in raster order. */
    public static List<MaskRegion> regions(byte[] bitmap, int height, int width) {
        if (bitmap.length != IndexImage.checkedArea(height, width)) {
            throw new IllegalArgumentException("bitmap has " + bitmap.length + " pixels, expected " + height * width);
        }
        return new MaskContours(MaskRows.of(bitmap, height, width)).trace();
    }

    private boolean set(int x, int y) {
        return rows.set(x, y);
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

    /*
     * The rings are found in raster order of their first horizontal edge, as a scan of every
     * pixel edge would find them: on each line y, the maximal intervals where exactly one of
     * rows y - 1 and y is set are the horizontal segments of the outlines (set below: the top
     * of a part; set above: the top of a hole). Each segment not yet walked starts a ring.
     */
    private List<MaskRegion> trace() {
        int[] parts = labelParts();
        List<double[]> outers = new ArrayList<>();
        List<List<double[]>> holes = new ArrayList<>();
        int[] breaks = new int[16];
        for (int y = 0; y <= height; y++) {
            int n = 0;
            int aboveFirst = y > 0 ? rows.first(y - 1) : 0, aboveLimit = y > 0 ? rows.first(y) : 0;
            int belowFirst = y < height ? rows.first(y) : 0, belowLimit = y < height ? rows.first(y + 1) : 0;
            int need = 2 * (aboveLimit - aboveFirst + belowLimit - belowFirst) + 1;
            if (breaks.length < need) {
                breaks = new int[need];
            }
            for (int r = aboveFirst; r < aboveLimit; r++) {
                breaks[n++] = rows.start(r);
                breaks[n++] = rows.end(r);
            }
            for (int r = belowFirst; r < belowLimit; r++) {
                breaks[n++] = rows.start(r);
                breaks[n++] = rows.end(r);
            }
            Arrays.sort(breaks, 0, n);
            int segmentStart = -1;
            int segmentKind = 0; // 1: set below only, 2: set above only
            for (int i = 0; i < n; i++) {
                int x = breaks[i];
                if (i + 1 < n && breaks[i + 1] == x) {
                    continue;
                }
                int kind = x >= width ? 0 : (set(x, y) ? 1 : 0) + (set(x, y - 1) ? 2 : 0);
                kind = kind == 3 ? 0 : kind;
                if (kind != segmentKind) {
                    if (segmentKind != 0) {
                        ring(segmentStart, x, y, segmentKind == 1, parts, outers, holes);
                    }
                    segmentStart = x;
                    segmentKind = kind;
                }
            }
        }
        List<MaskRegion> regions = new ArrayList<>(outers.size());
        for (int i = 0; i < outers.size(); i++) {
            regions.add(new MaskRegion(outers.get(i), holes.get(i)));
        }
        return regions;
    }

    /** Traces the ring through segment [a, b) of line y unless it was traced already. */
    private void ring(int a, int b, int y, boolean below, int[] parts, List<double[]> outers,
                      List<List<double[]>> holes) {
        if (walked.contains(key(a, y))) {
            return;
        }
        int part = below ? parts[rows.runAt(a, y)] : parts[rows.runAt(a, y - 1)];
        double[] ring;
        if (below) {
            ring = follow(a, y, 0);
        } else {
            // A scan finds the hole at its first pixel edge (a, y)-(a + 1, y) and walks it west
            // from a + 1: the ring starts at the first corner after that point.
            ring = follow(b, y, 2);
            if (b - a > 1) {
                double[] rotated = new double[ring.length];
                System.arraycopy(ring, 2, rotated, 0, ring.length - 2);
                rotated[ring.length - 2] = ring[0];
                rotated[ring.length - 1] = ring[1];
                ring = rotated;
            }
        }
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

    private long key(int x, int y) {
        return (long) y * (width + 1L) + x;
    }

    /**
     * Walks one ring from corner (x, y) leaving in direction d, keeping set pixels on the
     * right and turning right first, so corner-touching pixels stay apart. Horizontal edges
     * are crossed in one step to their end; vertical ones row by row. Returns the corners
     * (where the direction changes), the start first.
     */
    private double[] follow(int startX, int startY, int startDir) {
        double[] corners = new double[16];
        corners[0] = startX;
        corners[1] = startY;
        int n = 2;
        int x = startX, y = startY, d = startDir;
        while (true) {
            if (d == 0) {
                int to = Math.min(rows.end(rows.runAt(x, y)), rows.nextStart(x, y - 1));
                walked.add(key(x, y));
                x = to;
            } else if (d == 2) {
                int to = Math.max(rows.start(rows.runAt(x - 1, y - 1)), rows.previousEnd(x - 1, y));
                walked.add(key(to, y));
                x = to;
            } else {
                y += DY[d];
            }
            int next = -1;
            for (int turn : TURNS) {
                int candidate = (d + turn) % 4;
                if (edge(x, y, candidate)) {
                    next = candidate;
                    break;
                }
            }
            if (next < 0) {
                throw new IllegalStateException("boundary broken at corner (" + x + ", " + y + ")");
            }
            if (x == startX && y == startY && next == startDir) {
                break;
            }
            if (next != d) {
                if (n + 2 > corners.length) {
                    corners = Arrays.copyOf(corners, corners.length * 2);
                }
                corners[n++] = x;
                corners[n++] = y;
            }
            d = next;
        }
        return Arrays.copyOf(corners, n);
    }

    private static final int[] TURNS = {1, 0, 3};

    /** Numbers the 4-connected parts 0, 1, ... in raster order of their first pixel, for each run. */
    private int[] labelParts() {
        int count = rows.runCount();
        int[] parent = new int[count];
        for (int i = 0; i < count; i++) {
            parent[i] = i;
        }
        for (int y = 1; y < height; y++) {
            int i = rows.first(y - 1), iLimit = rows.first(y);
            int j = rows.first(y), jLimit = rows.first(y + 1);
            while (i < iLimit && j < jLimit) {
                if (Math.max(rows.start(i), rows.start(j)) < Math.min(rows.end(i), rows.end(j))) {
                    union(parent, i, j);
                }
                if (rows.end(i) <= rows.end(j)) {
                    i++;
                } else {
                    j++;
                }
            }
        }
        int[] parts = new int[count];
        int[] numberOfRoot = new int[count];
        Arrays.fill(numberOfRoot, -1);
        int next = 0;
        for (int i = 0; i < count; i++) {
            int root = find(parent, i);
            if (numberOfRoot[root] < 0) {
                numberOfRoot[root] = next++;
            }
            parts[i] = numberOfRoot[root];
        }
        return parts;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a), rb = find(parent, b);
        if (ra != rb) {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }
}

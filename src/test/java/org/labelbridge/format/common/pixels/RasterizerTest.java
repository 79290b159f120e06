package org.labelbridge.format.common.pixels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.labelbridge.format.common.pixels.Bitmaps.raster;
import static org.labelbridge.format.common.pixels.Bitmaps.rows;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.labelbridge.model.Rle;

/**
 * The pixel rule. Expected pictures marked "pycocotools" are what pycocotools' frPyObjects
 * gives for the same shape (computed once with a transcription of its rleFrPoly).
 */
class RasterizerTest {

    @Test
    void cocoCorpusPolygonCoversItsArea() {
        // coco_instances item b (5 wide, 10 high): polygon a [0,0,1,0,1,2,0,2]; pycocotools: area 2
        Rle rle = Rasterizer.rle(Rasterizer.polygon(new double[] {0, 0, 1, 0, 1, 2, 0, 2}), 10, 5);
        assertEquals(2, rle.area());
        assertEquals(rows("#....", "#....", ".....", ".....", ".....", ".....", ".....", ".....", ".....", "....."),
                Bitmaps.show(rle));
    }

    @Test
    void verticesAreRoundedToFifthsOfAPixelFirst() {
        // 0.5 rounds to 0.6 and 1.5 to 1.6, so only the centre (1.5, 1.5) is inside: as pycocotools
        assertEquals(rows("...", ".#.", "..."), raster(Rasterizer.box(0.5, 0.5, 1, 1, 0), 3, 3));
        // 0.45 rounds to 0.4: the centre 0.5 is inside
        assertEquals(rows("##.", "##.", "..."), raster(Rasterizer.box(0.45, 0.45, 1.1, 1.1, 0), 3, 3));
    }

    @Test
    void centresOnSlantedEdgesGoToTheShapeBelowTheEdge() {
        // All as pycocotools: the diagonal takes its centres when the triangle lies below it.
        assertEquals(rows("#...", "##..", "###.", "####"), raster(Rasterizer.polygon(new double[] {0, 0, 4, 4, 0, 4}), 4, 4));
        assertEquals(rows(".###", "..##", "...#", "...."), raster(Rasterizer.polygon(new double[] {0, 0, 4, 0, 4, 4}), 4, 4));
        assertEquals(rows("###.", "##..", "#...", "...."), raster(Rasterizer.polygon(new double[] {0, 0, 4, 0, 0, 4}), 4, 4));
        assertEquals(rows("...#", "..##", ".###", "####"), raster(Rasterizer.polygon(new double[] {4, 0, 4, 4, 0, 4}), 4, 4));
        assertEquals(rows(".##.", "####", ".##.", "...."), raster(Rasterizer.polygon(new double[] {2, 0, 4, 2, 2, 4, 0, 2}), 4, 4));
    }

    @Test
    void agreesWithPycocotoolsOnFreePolygons() {
        // pycocotools, for a triangle and a pentagon with fractional vertices
        assertEquals(rows(
                "..........",
                "...#......",
                "...###....",
                "..######..",
                "..########",
                "..####....",
                ".#........",
                "..........",
                ".........."),
                raster(Rasterizer.polygon(new double[] {3.3, 0.9, 9.7, 4.6, 1.2, 6.8}), 9, 10));
        assertEquals(rows(
                "......",
                ".####.",
                ".#####",
                "..####",
                "...#..",
                "......"),
                raster(Rasterizer.polygon(new double[] {2.2, 0.7, 5.1, 1.3, 5.9, 3.8, 3.0, 4.9, 0.6, 2.4}), 6, 6));
    }

    @Test
    void selfCrossingPolygonsFillByEvenOdd() {
        // A bow tie: two triangles meeting at (2.5, 2.5); centres on the diagonals as pycocotools.
        assertEquals(rows("#...#", "##.##", "##.##", "#...#", "....."),
                raster(Rasterizer.polygon(new double[] {0, 0, 5, 5, 5, 0, 0, 5}), 5, 5));
        // A ring drawn as one polygon through a cut: the inner square is outside.
        double[] ring = {0, 0, 4, 0, 4, 4, 0, 4, 0, 0, 1, 1, 1, 3, 3, 3, 3, 1, 1, 1};
        assertEquals(rows("####", "#..#", "#..#", "####"), raster(Rasterizer.polygon(ring), 4, 4));
        assertEquals(rows("####", "#..#", "#..#", "####"), raster(Rasterizer.evenOdd(List.of(
                new double[] {0, 0, 4, 0, 4, 4, 0, 4}, new double[] {1, 1, 1, 3, 3, 3, 3, 1})), 4, 4));
    }

    @Test
    void shapesAreClippedToTheImage() {
        assertEquals(rows("##.", "##.", "..."), raster(Rasterizer.box(-5, -5, 7, 7, 0), 3, 3));
        assertEquals(rows("...", "...", "..#"), raster(Rasterizer.polygon(new double[] {2, 2, 9e9, 2, 9e9, 9e9, 2, 9e9}), 3, 3));
        assertEquals(rows("...", "...", "..."), raster(Rasterizer.polygon(new double[] {0, 0, 3, 3}), 3, 3));
        assertEquals(rows("...", "...", "..."), raster(Rasterizer.box(1, 1, 0, 2, 0), 3, 3));
    }

    @Test
    void rotatedBoxTurnsClockwiseAboutItsCentre() {
        // 4x2 box centred at (3, 3), turned a quarter: 2 wide, 4 high
        assertEquals(raster(Rasterizer.box(2, 1, 2, 4, 0), 6, 6), raster(Rasterizer.box(1, 2, 4, 2, 90), 6, 6));
        // turned 45 degrees a square becomes a diamond
        assertEquals(rows("......", "..##..", ".####.", ".####.", "..##..", "......"),
                raster(Rasterizer.box(1.5, 1.5, 3, 3, 45), 6, 6));
    }

    @Test
    void ellipsesCoverCentresInsideOrOn() {
        assertEquals(rows(".....", ".###.", ".###.", ".###.", "....."), raster(Rasterizer.ellipse(2.5, 2.5, 1.5, 1.5, 0), 5, 5));
        assertEquals(rows(".....", "..#..", ".###.", "..#..", "....."), raster(Rasterizer.ellipse(2.5, 2.5, 1, 1, 0), 5, 5));
        assertEquals(rows("...", "###", "..."), raster(Rasterizer.ellipse(1.5, 1.5, 1.5, 0.5, 0), 3, 3));
        assertEquals(rows(".#.", ".#.", ".#."), raster(Rasterizer.ellipse(1.5, 1.5, 1.5, 0.5, 90), 3, 3));
        assertEquals(rows("...", "...", "..."), raster(Rasterizer.ellipse(1.5, 1.5, 0, 1, 0), 3, 3));
    }

    @Test
    void masksCoverTheirSetPixels() {
        Random random = new Random(11);
        for (int round = 0; round < 50; round++) {
            int h = 1 + random.nextInt(8), w = 1 + random.nextInt(8);
            byte[] bitmap = new byte[h * w];
            for (int i = 0; i < bitmap.length; i++) {
                bitmap[i] = (byte) random.nextInt(2);
            }
            Rle rle = Rle.fromBitmap(bitmap, h, w);
            assertEquals(rle, Rasterizer.rle(Rasterizer.mask(rle), h, w));
        }
    }

    @Test
    void integerBoxesCoverExactlyTheirPixels() {
        Random random = new Random(5);
        for (int round = 0; round < 200; round++) {
            int x = random.nextInt(10), y = random.nextInt(10), w = random.nextInt(6), h = random.nextInt(6);
            byte[] bitmap = Rasterizer.bitmap(Rasterizer.box(x, y, w, h, 0), 12, 12);
            for (int py = 0; py < 12; py++) {
                for (int px = 0; px < 12; px++) {
                    boolean inside = px >= x && px < x + w && py >= y && py < y + h;
                    assertEquals(inside ? 1 : 0, bitmap[py * 12 + px], "box " + x + "," + y + "," + w + "," + h);
                }
            }
        }
    }

    /**
     * Rows crossed by many edges, edges through pixel centres, vertices outside the image and
     * several rings: the row-by-row fill against the rule evaluated for each pixel centre on
     * its own (exact, in tenths of a pixel).
     */
    @Test
    void fillAgreesWithTheRuleAtEveryCentre() {
        Random random = new Random(14);
        for (int round = 0; round < 3_000; round++) {
            int height = 1 + random.nextInt(round % 10 == 0 ? 90 : 25);
            int width = 1 + random.nextInt(round % 10 == 0 ? 90 : 25);
            int ringCount = round % 4 == 0 ? 2 + random.nextInt(2) : 1;
            List<double[]> rings = new java.util.ArrayList<>();
            for (int r = 0; r < ringCount; r++) {
                double[] xy = new double[2 * (3 + random.nextInt(round % 7 == 0 ? 40 : 8))];
                for (int i = 0; i < xy.length; i += 2) {
                    // halves land vertices on centres' rows and columns: edges through centres
                    xy[i] = random.nextBoolean() ? random.nextInt(2 * width + 5) / 2.0 - 1 : random.nextDouble() * (width + 4) - 2;
                    xy[i + 1] = random.nextBoolean() ? random.nextInt(2 * height + 5) / 2.0 - 1 : random.nextDouble() * (height + 4) - 2;
                }
                rings.add(xy);
            }
            Coverage coverage = ringCount == 1 ? Rasterizer.polygon(rings.get(0)) : Rasterizer.evenOdd(rings);
            byte[] painted = Rasterizer.bitmap(coverage, height, width);
            int[] spans = new int[height]; // each pixel reported exactly once
            coverage.cover(height, width, (y, x0, x1) -> spans[y] += x1 - x0);
            for (int y = 0; y < height; y++) {
                int covered = 0;
                for (int x = 0; x < width; x++) {
                    boolean inside = insideByTheRule(rings, x, y);
                    assertEquals(inside ? 1 : 0, painted[y * width + x], "round " + round + " pixel (" + x + ", " + y + ")");
                    covered += inside ? 1 : 0;
                }
                assertEquals(covered, spans[y], "round " + round + " row " + y);
            }
            // The RLE, made from the runs without a bitmap, is the bitmap's.
            assertEquals(org.labelbridge.model.Rle.fromBitmap(painted, height, width), Rasterizer.rle(coverage, height, width),
                    "round " + round);
        }
    }

    /** The centre of pixel (x, y) by the even-odd rule, for every edge of every ring at once. */
    private static boolean insideByTheRule(List<double[]> rings, int x, int y) {
        long cx = 10L * x + 5, cy = 10L * y + 5;
        boolean inside = false;
        for (double[] ring : rings) {
            int k = ring.length / 2;
            for (int i = 0; k >= 3 && i < k; i++) {
                long x0 = Rasterizer.snapToTenths(ring[2 * i]), y0 = Rasterizer.snapToTenths(ring[2 * i + 1]);
                long x1 = Rasterizer.snapToTenths(ring[2 * ((i + 1) % k)]);
                long y1 = Rasterizer.snapToTenths(ring[2 * ((i + 1) % k) + 1]);
                if (y0 == y1 || cy <= Math.min(y0, y1) || cy > Math.max(y0, y1)) {
                    continue;
                }
                // the crossing X = x0 + (cy - y0) (x1 - x0) / (y1 - y0) against cx, as a sign
                long dy = y1 - y0, dx = x1 - x0;
                long side = Long.signum((x0 - cx) * dy + (cy - y0) * dx) * Long.signum(dy); // sign of X - cx
                if (side < 0 || side == 0 && dx * dy < 0) { // left of the centre, or through it leaning so
                    inside = !inside;
                }
            }
        }
        return inside;
    }
}

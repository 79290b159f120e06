package org.labelbridge.format.common.pixels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.labelbridge.model.Rle;

class MaskContoursTest {

    @Test
    void onePixelIsItsSquare() {
        List<MaskRegion> regions = MaskContours.regions(Bitmaps.rle("...", ".#.", "..."));
        assertEquals(1, regions.size());
        assertArrayEquals(new double[] {1, 1, 2, 1, 2, 2, 1, 2}, regions.get(0).outer());
        assertFalse(regions.get(0).hasHoles());
    }

    @Test
    void outlineKeepsOnlyCorners() {
        List<MaskRegion> regions = MaskContours.regions(Bitmaps.rle(
                "###.",
                "#...",
                "#..."));
        assertArrayEquals(new double[] {0, 0, 3, 0, 3, 1, 1, 1, 1, 3, 0, 3}, regions.get(0).outer());
    }

    @Test
    void holesAreKeptApartFromTheOutline() {
        Rle ring = Bitmaps.rle(
                "####",
                "#..#",
                "####");
        List<MaskRegion> regions = MaskContours.regions(ring);
        assertEquals(1, regions.size());
        MaskRegion region = regions.get(0);
        assertArrayEquals(new double[] {0, 0, 4, 0, 4, 3, 0, 3}, region.outer());
        assertEquals(1, region.holes().size());
        assertArrayEquals(new double[] {1, 1, 1, 2, 3, 2, 3, 1}, region.holes().get(0)); // counter-clockwise
        assertEquals(ring, Rasterizer.rle(Rasterizer.evenOdd(region.rings()), 3, 4));
        assertEquals(Bitmaps.rle("####", "####", "####"), Rasterizer.rle(Rasterizer.polygon(region.outer()), 3, 4));
    }

    @Test
    void partsTouchingAtACornerAreSeparate() {
        List<MaskRegion> regions = MaskContours.regions(Bitmaps.rle(
                "#.",
                ".#"));
        assertEquals(2, regions.size());
        assertArrayEquals(new double[] {0, 0, 1, 0, 1, 1, 0, 1}, regions.get(0).outer());
        assertArrayEquals(new double[] {1, 1, 2, 1, 2, 2, 1, 2}, regions.get(1).outer());
    }

    @Test
    void backgroundTouchingOutsideAtACornerIsNoHole() {
        // the gap at (1,1) reaches the outside through the corner it shares with (0,0)
        List<MaskRegion> regions = MaskContours.regions(Bitmaps.rle(
                ".##",
                "#.#",
                "###"));
        assertEquals(1, regions.size());
        assertFalse(regions.get(0).hasHoles());
        assertEquals(Bitmaps.rle(".##", "#.#", "###"), Rasterizer.rle(Rasterizer.polygon(regions.get(0).outer()), 3, 3));
    }

    @Test
    void nestedPartsAndHolesEachFindTheirOwner() {
        Rle target = Bitmaps.rle(
                "#######",
                "#.....#",
                "#.###.#",
                "#.#.#.#",
                "#.###.#",
                "#.....#",
                "#######");
        List<MaskRegion> regions = MaskContours.regions(target);
        assertEquals(2, regions.size());
        assertEquals(1, regions.get(0).holes().size());
        assertEquals(1, regions.get(1).holes().size());
        assertArrayEquals(new double[] {2, 2, 5, 2, 5, 5, 2, 5}, regions.get(1).outer());
    }

    @Test
    void randomMasksTraceBackExactly() {
        Random random = new Random(17);
        for (int round = 0; round < 300; round++) {
            int h = 1 + random.nextInt(12), w = 1 + random.nextInt(12);
            byte[] bitmap = new byte[h * w];
            int density = 1 + random.nextInt(3);
            for (int i = 0; i < bitmap.length; i++) {
                bitmap[i] = (byte) (random.nextInt(4) < density ? 1 : 0);
            }
            Rle mask = Rle.fromBitmap(bitmap, h, w);
            List<MaskRegion> regions = MaskContours.regions(mask);
            byte[] union = new byte[h * w];
            for (MaskRegion region : regions) {
                byte[] part = Rasterizer.bitmap(Rasterizer.evenOdd(region.rings()), h, w);
                byte[] filled = Rasterizer.bitmap(Rasterizer.polygon(region.outer()), h, w);
                for (int i = 0; i < part.length; i++) {
                    assertFalse(part[i] == 1 && union[i] == 1, "parts overlap");
                    assertTrue(part[i] <= filled[i], "a part lies within its outline");
                    union[i] |= part[i];
                }
            }
            assertEquals(Bitmaps.show(bitmap, h, w), Bitmaps.show(union, h, w));
        }
    }
}

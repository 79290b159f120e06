package org.labelbridge.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RleTest {

    @Test
    void countsRunDownEachColumnStartingWithZeros() {
        // 2 rows x 3 columns, set pixels at (x=1, y=0) and (x=1, y=1) and (x=2, y=0)
        byte[] bitmap = {
            0, 1, 1,
            0, 1, 0};
        Rle rle = Rle.fromBitmap(bitmap, 2, 3);
        assertArrayEquals(new int[] {2, 3, 1}, rle.counts());
        assertArrayEquals(bitmap, rle.toBitmap());
        assertEquals(3, rle.area());
        assertArrayEquals(new double[] {1, 0, 2, 2}, rle.bbox());
    }

    @Test
    void maskStartingWithASetPixelHasAnEmptyFirstRun() {
        Rle rle = Rle.fromBitmap(new byte[] {1, 0, 0, 0}, 2, 2);
        assertArrayEquals(new int[] {0, 1, 3}, rle.counts());
        assertArrayEquals(new double[] {0, 0, 1, 1}, rle.bbox());
    }

    @Test
    void randomMasksSurviveEncodeDecodeAndBboxIsTight() {
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            int h = 1 + random.nextInt(9), w = 1 + random.nextInt(9);
            byte[] bitmap = new byte[h * w];
            int minX = w, minY = h, maxX = -1, maxY = -1;
            for (int i = 0; i < bitmap.length; i++) {
                if (random.nextInt(4) == 0) {
                    bitmap[i] = 1;
                    int x = i % w, y = i / w;
                    minX = Math.min(minX, x); maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y); maxY = Math.max(maxY, y);
                }
            }
            Rle rle = Rle.fromBitmap(bitmap, h, w);
            assertArrayEquals(bitmap, rle.toBitmap());
            double[] expected = maxX < 0 ? new double[] {0, 0, 0, 0}
                    : new double[] {minX, minY, maxX - minX + 1, maxY - minY + 1};
            assertArrayEquals(expected, rle.bbox(), "mask " + rle);
        }
    }

    @Test
    void equalMasksCompareEqualWhateverTheirRunSplitting() {
        assertEquals(new Rle(2, 2, new int[] {1, 3}), new Rle(2, 2, new int[] {1, 1, 0, 2}));
        assertEquals(new Rle(2, 2, new int[] {4}), new Rle(2, 2, new int[] {4, 0}));
    }

    @Test
    void countsMustCoverTheImageExactly() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Rle(2, 2, new int[] {1, 2}));
        assertEquals("RLE counts add up to 3 pixels, image 2x2 has 4", e.getMessage());
    }
}

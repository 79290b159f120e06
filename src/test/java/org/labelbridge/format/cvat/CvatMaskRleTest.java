package org.labelbridge.format.cvat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.labelbridge.model.Rle;

/** CVAT's row-by-row runs over a box, and the model's column-by-column runs over the image. */
class CvatMaskRleTest {

    @Test
    void aBoxMaskLandsAtItsPlaceInTheImage() {
        // 3x2 box at (1, 1) of a 4x3 image: rows 011 and 110
        Rle rle = CvatMaskRle.toImage(new CvatMaskRle.BoxRle(new int[] {1, 4, 1}, 1, 1, 3, 2), 4, 3);
        assertArrayEquals(new byte[] {
            0, 0, 0, 0,
            0, 0, 1, 1,
            0, 1, 1, 0}, rle.toBitmap());
    }

    @Test
    void runsStoppingShortOfTheBoxLeaveTheRestEmpty() {
        Rle rle = CvatMaskRle.toImage(new CvatMaskRle.BoxRle(new int[] {1, 3, 1}, 1, 1, 3, 2), 4, 3);
        assertArrayEquals(new byte[] {
            0, 0, 0, 0,
            0, 0, 1, 1,
            0, 1, 0, 0}, rle.toBitmap());
    }

    @Test
    void imageMasksGoToTheirTightBoxAndBack() {
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            int width = 1 + random.nextInt(12);
            int height = 1 + random.nextInt(12);
            byte[] bitmap = new byte[width * height];
            for (int i = 0; i < bitmap.length; i++) {
                bitmap[i] = (byte) (random.nextInt(3) == 0 ? 1 : 0);
            }
            Rle rle = Rle.fromBitmap(bitmap, height, width);
            CvatMaskRle.BoxRle box = CvatMaskRle.toBox(rle);
            if (rle.area() == 0) {
                assertNull(box);
                continue;
            }
            assertArrayEquals(rle.bbox(), new double[] {box.left(), box.top(), box.width(), box.height()});
            assertEquals(rle, CvatMaskRle.toImage(box, width, height));
        }
    }

    @Test
    void theBoxIsCutAtTheImageBorder() {
        CvatMaskRle.BoxRle box = new CvatMaskRle.BoxRle(new int[] {0, 4}, 3, -1, 2, 2);
        assertTrue(CvatMaskRle.exceeds(box, 4, 4));
        Rle rle = CvatMaskRle.toImage(box, 4, 4);
        assertArrayEquals(new double[] {3, 0, 1, 1}, rle.bbox(), "only pixel (3, 0) is inside");
    }

    @Test
    void countsAreWrittenAsCvatDoes() {
        assertEquals("0, 3, 1, 7", new CvatMaskRle.BoxRle(new int[] {0, 3, 1, 7}, 0, 0, 11, 1).countsText());
    }
}

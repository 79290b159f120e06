package org.labelbridge.format.common;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.labelbridge.model.Rle;

class CocoRleTest {

    @Test
    void encodesAsPycocotoolsDoes() {
        // counts [0, 20, 30]: '0', then 20 = 0b10100 needs a continuation (sign bit set) -> 'd' '0',
        // then 30 - 0 (relative to two before only from the 4th count on) -> 'n' '0'.
        Rle rle = new Rle(10, 5, new int[] {0, 20, 30});
        assertEquals("0d0n0", CocoRle.encode(rle));
        assertEquals(rle, CocoRle.decode("0d0n0", 10, 5));
    }

    @Test
    void countsFromTheFourthOnAreRelative() {
        Rle rle = new Rle(1, 100, new int[] {10, 20, 30, 40});
        String text = CocoRle.encode(rle);
        assertArrayEquals(rle.counts(), CocoRle.decode(text, 1, 100).counts());
    }

    @Test
    void randomMasksRoundTrip() {
        Random random = new Random(11);
        for (int round = 0; round < 300; round++) {
            int h = 1 + random.nextInt(40), w = 1 + random.nextInt(40);
            byte[] bitmap = new byte[h * w];
            for (int i = 0; i < bitmap.length; i++) {
                bitmap[i] = (byte) (random.nextInt(3) == 0 ? 1 : 0);
            }
            Rle rle = Rle.fromBitmap(bitmap, h, w);
            assertArrayEquals(rle.counts(), CocoRle.decode(CocoRle.encode(rle), h, w).counts());
        }
    }

    @Test
    void rejectsMalformedStrings() {
        assertThrows(IllegalArgumentException.class, () -> CocoRle.decode("0d", 10, 5));
        assertThrows(IllegalArgumentException.class, () -> CocoRle.decode("0\u0001", 10, 5));
    }
}

package org.labelbridge.format.labelstudio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.labelbridge.format.FormatException;
import org.labelbridge.model.Rle;

/** Label Studio's brush RLE, byte for byte as label-studio-sdk encodes it and decoded as its converter does. */
class BrushRleTest {

    @Test
    void encodesLabelStudiosOwnTestVector() {
        // label-studio-sdk tests/custom/converter/test_brush.py::test_rle_encoding
        assertArrayEquals(new int[] {0, 0, 0, 18, 57, 27, 252, 96, 32, 1, 0, 6, 0, 40, 0, 192, 3, 128, 17, 56, 32},
                BrushRle.encode(new int[] {1, 1, 1, 1, 2, 3, 5, 6, 7, 8, 4, 4, 4, 4, 4, 4, 4, 4}));
    }

    @Test
    void aMaskSurvivesEncodingAndDecoding() throws FormatException {
        int width = 70;
        int height = 40;
        byte[] bitmap = new byte[width * height];
        for (int y = 5; y < 30; y++) {
            for (int x = 3; x < 66; x++) {
                bitmap[y * width + x] = (byte) ((x * y) % 7 == 0 ? 0 : 1); // runs short and long
            }
        }
        Rle mask = Rle.fromBitmap(bitmap, height, width);

        int[] bytes = BrushRle.encode(mask);

        assertEquals(mask, BrushRle.decode(bytes, width, height));
        assertEquals(4 * width * height, (bytes[0] << 24) | (bytes[1] << 16) | (bytes[2] << 8) | bytes[3]);
    }

    @Test
    void runsLongerThanSixteenBitsAreSplitAsLabelStudioSplitsThem() throws FormatException {
        Rle full = Rle.fromBitmap(filled(300, 300), 300, 300); // 360000 equal values: six chunks of 2^16 and the rest

        assertEquals(full, BrushRle.decode(BrushRle.encode(full), 300, 300));
    }

    @Test
    void theMaskIsTheAlphaChannel() throws FormatException {
        // 2x1 image: pixel 0 red but transparent, pixel 1 black but opaque
        int[] bytes = BrushRle.encode(new int[] {255, 0, 0, 0, 0, 0, 0, 255});

        assertArrayEquals(new byte[] {0, 1}, BrushRle.decode(bytes, 2, 1).toBitmap());
    }

    @Test
    void aCountOtherThanTheImagesSaysBoth() {
        int[] bytes = BrushRle.encode(new int[] {0, 0, 0, 0});

        FormatException e = assertThrows(FormatException.class, () -> BrushRle.decode(bytes, 2, 2));
        assertEquals("the brush RLE holds 4 values, but a 2x2 RGBA image has 16", e.getMessage());
    }

    @Test
    void aStreamCutShortSaysWhere() {
        int[] bytes = BrushRle.encode(new int[] {1, 2, 3, 4});
        int[] cut = java.util.Arrays.copyOf(bytes, 8);

        FormatException e = assertThrows(FormatException.class, () -> BrushRle.decode(cut, 1, 1));
        assertTrue(e.getMessage().startsWith("the brush RLE ends early"), e.getMessage());
    }

    private static byte[] filled(int width, int height) {
        byte[] bitmap = new byte[width * height];
        java.util.Arrays.fill(bitmap, (byte) 1);
        return bitmap;
    }
}

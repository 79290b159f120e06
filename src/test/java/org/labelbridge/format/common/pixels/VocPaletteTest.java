package org.labelbridge.format.common.pixels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.labelbridge.model.Rgb;

class VocPaletteTest {

    @Test
    void firstColoursAreVocs() {
        assertEquals(List.of(new Rgb(0, 0, 0), new Rgb(128, 0, 0), new Rgb(0, 128, 0), new Rgb(128, 128, 0),
                new Rgb(0, 0, 128), new Rgb(128, 0, 128), new Rgb(0, 128, 128), new Rgb(128, 128, 128),
                new Rgb(64, 0, 0), new Rgb(192, 0, 0)), VocPalette.colours(10));
        assertEquals(new Rgb(0, 64, 128), VocPalette.colour(20)); // tvmonitor
        assertEquals(new Rgb(224, 224, 192), VocPalette.colour(255)); // VOC's void / 'ignored'
    }

    @Test
    void everyColourNamesOneIndex() {
        Set<Rgb> seen = new HashSet<>();
        for (int i = 0; i < 256; i++) {
            Rgb colour = VocPalette.colour(i);
            assertEquals(i, VocPalette.index(colour));
            seen.add(colour);
        }
        assertEquals(256, seen.size());
        Random random = new Random(3);
        for (int k = 0; k < 1000; k++) {
            int index = random.nextInt(1 << 24);
            assertEquals(index, VocPalette.index(VocPalette.packed(index)));
            int colour = random.nextInt(1 << 24);
            assertEquals(colour, VocPalette.packed(VocPalette.index(colour)));
        }
    }

    @Test
    void indicesBeyondTheColourSpaceAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> VocPalette.colour(1 << 24));
        assertThrows(IllegalArgumentException.class, () -> VocPalette.colour(-1));
    }

    @Test
    void colorMapLooksUpBothWaysAndReportsSharedColours() {
        ColorMap map = ColorMap.of(Map.of(0, new Rgb(0, 0, 0), 3, new Rgb(1, 2, 3), 5, new Rgb(1, 2, 3)));
        assertEquals(3, map.indexOf(new Rgb(1, 2, 3)));
        assertEquals(-1, map.indexOf(new Rgb(9, 9, 9)));
        assertEquals(new Rgb(1, 2, 3), map.colour(5));
        assertEquals(List.of(5), map.shadowed());
        assertEquals(2, ColorMap.voc(256).indexOf(0x008000));
    }
}

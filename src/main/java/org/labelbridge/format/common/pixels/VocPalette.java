package org.labelbridge.format.common.pixels;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.labelbridge.model.Rgb;

/**
 * The Pascal VOC colour palette: index {@code i}'s bits are dealt out three at a time, from
 * the lowest, to red, green and blue, most significant colour bit first. 0 is black, 1 is
 * (128, 0, 0), 2 is (0, 128, 0), 255 is (224, 224, 192). The map is one-to-one for indices
 * below 2^24, so any colour names exactly one index ({@link #index}).
 */
public final class VocPalette {

    public static final int SIZE = 256;

    private VocPalette() {
    }

    public static Rgb colour(int index) {
        int packed = packed(index);
        return new Rgb(packed >> 16 & 0xff, packed >> 8 & 0xff, packed & 0xff);
    }

    /** The colour of {@code index} packed as {@code 0xRRGGBB}. */
    public static int packed(int index) {
        if (index < 0 || index >= 1 << 24) {
            throw new IllegalArgumentException("VOC palette index out of 0..2^24: " + index);
        }
        int r = 0, g = 0, b = 0;
        int bits = index;
        for (int j = 7; j >= 0; j--) {
            r |= (bits & 1) << j;
            g |= (bits >> 1 & 1) << j;
            b |= (bits >> 2 & 1) << j;
            bits >>= 3;
        }
        return r << 16 | g << 8 | b;
    }

    /** The index whose colour this is (packed {@code 0xRRGGBB}); every colour has one. */
    public static int index(int packedRgb) {
        int r = packedRgb >> 16 & 0xff, g = packedRgb >> 8 & 0xff, b = packedRgb & 0xff;
        int index = 0;
        for (int j = 7, k = 0; j >= 0; j--, k += 3) {
            index |= (r >> j & 1) << k | (g >> j & 1) << (k + 1) | (b >> j & 1) << (k + 2);
        }
        return index;
    }

    public static int index(Rgb rgb) {
        return index(MaskImage.pack(rgb));
    }

    /**
     * Gives each label without a colour ({@code null}) the first VOC palette colour from index 1
     * on that is not in {@code used} (packed {@code 0xRRGGBB}), adding it there.
     */
    public static void fillUnset(List<Rgb> colours, Set<Integer> used) {
        int palette = 1;
        for (int k = 0; k < colours.size(); k++) {
            if (colours.get(k) == null) {
                while (!used.add(packed(palette))) {
                    palette++;
                }
                colours.set(k, colour(palette));
            }
        }
    }

    /** The first {@code size} colours. */
    public static List<Rgb> colours(int size) {
        List<Rgb> colours = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            colours.add(colour(i));
        }
        return colours;
    }
}

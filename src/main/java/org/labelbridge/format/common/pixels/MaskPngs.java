package org.labelbridge.format.common.pixels;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.labelbridge.model.Rgb;

/**
 * The two PNGs of VOC-style segmentation (PASCAL VOC, Segmentation mask): a class map in the
 * labels' colours and an instance map in the VOC palette. Each is a palette PNG when its
 * colours fit 256, else RGB.
 */
public final class MaskPngs {

    /** Instance ids the 256-colour VOC palette holds besides 0 (no instance). */
    public static final int PALETTE_IDS = VocPalette.SIZE - 1;

    private MaskPngs() {
    }

    /** Each pixel's value is an index into {@code colours}. */
    public static void writeClassMap(RunImage classes, List<Rgb> colours, OutputStream out) throws IOException {
        if (colours.size() <= VocPalette.SIZE) {
            PngEncoder.writeIndexed(classes, colours, out);
        } else {
            int[] packed = colours.stream().mapToInt(MaskImage::pack).toArray();
            PngEncoder.writeRgb(classes.map(v -> packed[v]), out);
        }
    }

    /** Each pixel's value is an instance id (0 for none), at most {@code max}, in VOC palette colour. */
    public static void writeInstanceMap(RunImage instances, int max, OutputStream out) throws IOException {
        if (max <= PALETTE_IDS) {
            PngEncoder.writeIndexed(instances, VocPalette.colours(max + 1), out);
        } else {
            int[] packed = new int[max + 1];
            for (int i = 0; i <= max; i++) {
                packed[i] = VocPalette.packed(i);
            }
            PngEncoder.writeRgb(instances.map(v -> packed[v]), out);
        }
    }

}

package org.labelbridge.format.common.pixels;

import java.util.List;
import java.util.Objects;
import org.labelbridge.model.Rgb;

/**
 * A decoded mask file, kept as the file stores it: palette indices with their palette, grey
 * values, or RGB colours. A format decides whether a pixel means its index or its colour.
 *
 * @param kind     what {@code samples} hold
 * @param bitDepth bits per sample in the file (1..16); for RGB per channel
 * @param runs     the samples, as runs along each row: the palette index ({@code INDEXED}),
 *                 the grey value ({@code GRAY}) or the colour packed as {@code 0xRRGGBB}
 *                 ({@code RGB}); an alpha channel, where the file has one, is ignored
 * @param palette  the palette for {@code INDEXED}, else empty
 */
public record MaskImage(Kind kind, int height, int width, int bitDepth, RunImage runs, List<Rgb> palette) {

    public enum Kind { INDEXED, GRAY, RGB }

    public MaskImage {
        Objects.requireNonNull(kind);
        palette = palette == null ? List.of() : List.copyOf(palette);
        if (runs.height() != height || runs.width() != width) {
            throw new IllegalArgumentException("samples are " + runs.height() + "x" + runs.width()
                    + ", image is " + height + "x" + width);
        }
    }

    /** The sample at a pixel (a search among the row's runs: loop over the runs instead to visit every pixel). */
    public int sample(int x, int y) {
        return runs.get(x, y);
    }

    /** The samples pixel by pixel, for a caller that wants pixels (a test's comparison). */
    public IndexImage samples() {
        return runs.toIndexImage();
    }

    /**
     * The pixel's colour packed as {@code 0xRRGGBB}: the palette entry for an indexed image,
     * {@code (v, v, v)} for an 8-bit grey image; a 16-bit grey value has no colour.
     */
    public int colour(int x, int y) {
        return colourOf(runs.get(x, y));
    }

    /** The colour of a sample value of this image (see {@link #colour}). */
    public int colourOf(int sample) {
        switch (kind) {
            case RGB:
                return sample;
            case INDEXED:
                if (sample >= palette.size()) {
                    throw new IllegalStateException("palette index " + sample + " beyond the palette ("
                            + palette.size() + " entries)");
                }
                return pack(palette.get(sample));
            default:
                if (bitDepth > 8) {
                    throw new IllegalStateException("a " + bitDepth + "-bit grey value has no colour");
                }
                int v = sample * 255 / ((1 << bitDepth) - 1);
                return v << 16 | v << 8 | v;
        }
    }

    public static int pack(Rgb rgb) {
        return rgb.r() << 16 | rgb.g() << 8 | rgb.b();
    }

    public static Rgb unpack(int rgb) {
        return new Rgb(rgb >> 16 & 0xff, rgb >> 8 & 0xff, rgb & 0xff);
    }

    /** {@code "(r, g, b)"}, for messages. */
    public static String describe(int rgb) {
        return "(" + (rgb >> 16 & 0xff) + ", " + (rgb >> 8 & 0xff) + ", " + (rgb & 0xff) + ")";
    }
}

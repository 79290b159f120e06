package org.labelbridge.format.common;

import java.util.Arrays;
import org.labelbridge.model.Rle;

/**
 * COCO's compressed RLE string (pycocotools {@code rleToString}/{@code rleFrString}): each
 * count, after the third made relative to the count two before, written as little-endian
 * 5-bit groups with a continuation bit, offset by 48 into printable ASCII.
 */
public final class CocoRle {

    private CocoRle() {
    }

    public static String encode(Rle rle) {
        int[] counts = rle.counts();
        StringBuilder out = new StringBuilder(counts.length * 2);
        for (int i = 0; i < counts.length; i++) {
            long x = counts[i];
            if (i > 2) {
                x -= counts[i - 2];
            }
            boolean more = true;
            while (more) {
                long c = x & 0x1f;
                x >>= 5;
                more = (c & 0x10) != 0 ? x != -1 : x != 0;
                if (more) {
                    c |= 0x20;
                }
                out.append((char) (c + 48));
            }
        }
        return out.toString();
    }

    /** Decodes; throws {@link IllegalArgumentException} on a malformed string. */
    public static Rle decode(String text, int height, int width) {
        int[] counts = new int[Math.max(4, text.length())];
        int m = 0;
        int p = 0;
        while (p < text.length()) {
            long x = 0;
            int k = 0;
            boolean more = true;
            while (more) {
                if (p >= text.length()) {
                    throw new IllegalArgumentException("RLE string ends inside a count");
                }
                int c = text.charAt(p) - 48;
                if (c < 0 || c > 63) {
                    throw new IllegalArgumentException("RLE string has an invalid character at " + p);
                }
                x |= (long) (c & 0x1f) << (5 * k);
                more = (c & 0x20) != 0;
                p++;
                k++;
                if (!more && (c & 0x10) != 0) {
                    x |= -1L << (5 * k);
                }
                if (k > 12) {
                    throw new IllegalArgumentException("RLE count too long at " + p);
                }
            }
            if (m > 2) {
                x += counts[m - 2];
            }
            if (x < 0 || x > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("RLE count out of range: " + x);
            }
            counts[m++] = (int) x;
        }
        return new Rle(height, width, Arrays.copyOf(counts, m));
    }
}

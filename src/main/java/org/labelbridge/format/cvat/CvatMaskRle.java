package org.labelbridge.format.cvat;

import java.util.Arrays;
import org.labelbridge.format.common.pixels.MaskImages;
import org.labelbridge.model.Rle;

/**
 * CVAT's mask encoding and the model's. CVAT keeps a mask as run lengths over its box
 * ({@code left, top, width, height}), row by row, starting with a run of zeros; the model keeps
 * COCO's runs over the whole image, column by column.
 */
final class CvatMaskRle {

    /** A mask as CVAT writes it. */
    record BoxRle(int[] counts, int left, int top, int width, int height) {

        /** The counts as CVAT writes them: {@code "3, 5, 7"}. */
        String countsText() {
            StringBuilder text = new StringBuilder(counts.length * 4);
            for (int i = 0; i < counts.length; i++) {
                if (i > 0) {
                    text.append(", ");
                }
                text.append(counts[i]);
            }
            return text.toString();
        }
    }

    private CvatMaskRle() {
    }

    /**
     * The mask over the whole image. Pixels of the box outside the image are cut off; runs
     * that stop short of the box leave the rest of it empty.
     *
     * @throws IllegalArgumentException when the runs cover more pixels than the box has
     */
    static Rle toImage(BoxRle box, int imageWidth, int imageHeight) {
        byte[] pixels = boxPixels(box);
        int x0 = Math.max(box.left(), 0);
        int x1 = Math.min(box.left() + box.width(), imageWidth);
        int y0 = Math.max(box.top(), 0);
        int y1 = Math.min(box.top() + box.height(), imageHeight);
        Runs runs = new Runs();
        for (int x = 0; x < imageWidth; x++) {
            if (x < x0 || x >= x1 || y0 >= y1) {
                runs.add(false, imageHeight);
                continue;
            }
            runs.add(false, y0);
            for (int y = y0; y < y1; y++) {
                runs.add(pixels[(y - box.top()) * box.width() + (x - box.left())] != 0, 1);
            }
            runs.add(false, imageHeight - y1);
        }
        return new Rle(imageHeight, imageWidth, runs.counts());
    }

    /** Whether part of the box lies outside the image (and {@link #toImage} cuts it off). */
    static boolean exceeds(BoxRle box, int imageWidth, int imageHeight) {
        return box.left() < 0 || box.top() < 0 || box.left() + box.width() > imageWidth
                || box.top() + box.height() > imageHeight;
    }

    /** The mask over its tight box, or {@code null} when no pixel is set (CVAT cannot hold that). */
    static BoxRle toBox(Rle rle) {
        double[] bbox = rle.bbox();
        int left = (int) bbox[0], top = (int) bbox[1], width = (int) bbox[2], height = (int) bbox[3];
        if (width == 0 || height == 0) {
            return null;
        }
        byte[] pixels = new byte[width * height];
        int[] counts = rle.counts();
        long position = 0;
        for (int i = 0; i < counts.length; i++) {
            if (i % 2 == 1) {
                for (long p = position; p < position + counts[i]; p++) {
                    int x = (int) (p / rle.height());
                    int y = (int) (p % rle.height());
                    pixels[(y - top) * width + (x - left)] = 1;
                }
            }
            position += counts[i];
        }
        Runs runs = new Runs();
        for (byte pixel : pixels) {
            runs.add(pixel != 0, 1);
        }
        return new BoxRle(runs.counts(), left, top, width, height);
    }

    private static byte[] boxPixels(BoxRle box) {
        long size = (long) box.width() * box.height();
        if (box.width() <= 0 || box.height() <= 0) {
            throw new IllegalArgumentException("the mask box must be at least 1x1, got "
                    + box.width() + "x" + box.height());
        }
        if (size > MaskImages.MAX_PIXELS) {
            // A few bytes of XML can declare a box of gigapixels: refuse before allocating it.
            throw new IllegalArgumentException("the mask box of " + box.width() + "x" + box.height()
                    + " is larger than the " + MaskImages.MAX_PIXELS + " pixels a mask may have");
        }
        byte[] pixels = new byte[(int) size];
        long position = 0;
        int[] counts = box.counts();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] < 0) {
                throw new IllegalArgumentException("a run length must not be negative, got " + counts[i]);
            }
            if (position + counts[i] > size) {
                throw new IllegalArgumentException("the runs cover more than the " + box.width() + "x"
                        + box.height() + " box (" + size + " pixels)");
            }
            if (i % 2 == 1) {
                Arrays.fill(pixels, (int) position, (int) (position + counts[i]), (byte) 1);
            }
            position += counts[i];
        }
        return pixels;
    }

    /** Alternating runs of zeros and ones, starting with zeros; equal neighbours merge. */
    private static final class Runs {
        private int[] counts = new int[16];
        private int size;
        private boolean current;

        void add(boolean set, int length) {
            if (length <= 0) {
                return;
            }
            if (size == 0) {
                size = 1; // the leading run of zeros, maybe empty
            }
            if (set != current) {
                if (size == counts.length) {
                    counts = Arrays.copyOf(counts, size * 2);
                }
                counts[size++] = 0;
                current = set;
            }
            counts[size - 1] += length;
        }

        int[] counts() {
            return size == 0 ? new int[] {0} : Arrays.copyOf(counts, size);
        }
    }
}

package org.labelbridge.format.labelstudio;

import java.io.ByteArrayOutputStream;
import org.labelbridge.format.FormatException;
import org.labelbridge.format.common.pixels.MaskImages;
import org.labelbridge.model.Rle;

/**
 * Label Studio's brush RLE ({@code value.rle} of a {@code brushlabels} result): thi.ng's
 * rle-pack over the RGBA bytes of the mask image, row by row. A bit stream, most significant bit
 * first: the value count (32 bits), word size - 1 (5 bits), four run-length field sizes - 1
 * (4 bits each); then chunks of a flag bit (1 = one repeated word, 0 = literal words), a 2-bit
 * index into the sizes, the count - 1 in that many bits, and the word(s). A pixel belongs to the
 * mask where its alpha byte is not 0, as label-studio-sdk's {@code decode_from_annotation} takes
 * the alpha channel as the mask. Written as label-studio-sdk's {@code mask2rle} writes it: every
 * channel 255 for a set pixel, 8-bit words, sizes 3, 4, 8 and 16.
 */
final class BrushRle {

    private static final int[] WRITTEN_SIZES = {3, 4, 8, 16};

    private BrushRle() {
    }

    /** The mask of a {@code width x height} image; errors say what is wrong with the stream. */
    static Rle decode(int[] bytes, int width, int height) throws FormatException {
        if ((long) width * height > MaskImages.MAX_PIXELS) {
            throw new FormatException("the brush mask of " + width + "x" + height + " pixels is larger than the "
                    + MaskImages.MAX_PIXELS + " pixels a mask may have");
        }
        Bits in = new Bits(bytes);
        long count = in.read(32);
        int wordSize = (int) in.read(5) + 1;
        int[] sizes = new int[4];
        for (int i = 0; i < 4; i++) {
            sizes[i] = (int) in.read(4) + 1;
        }
        long expected = 4L * width * height;
        if (count != expected) {
            throw new FormatException("the brush RLE holds " + count + " values, but a " + width + "x" + height
                    + " RGBA image has " + expected);
        }
        byte[] bitmap = new byte[width * height];
        long i = 0;
        while (i < count) {
            boolean repeated = in.read(1) == 1;
            long end = i + 1 + in.read(sizes[(int) in.read(2)]);
            if (end > count) {
                throw new FormatException("the brush RLE runs past its " + count + " values");
            }
            if (repeated) {
                long word = in.read(wordSize);
                for (; i < end; i++) {
                    set(bitmap, i, word);
                }
            } else {
                for (; i < end; i++) {
                    set(bitmap, i, in.read(wordSize));
                }
            }
        }
        return Rle.fromBitmap(bitmap, height, width);
    }

    private static void set(byte[] bitmap, long value, long word) {
        if (value % 4 == 3 && word != 0) {
            bitmap[(int) (value / 4)] = 1;
        }
    }

    /** The mask as Label Studio's RLE bytes (0..255 each). */
    static int[] encode(Rle rle) {
        byte[] bitmap = rle.toBitmap();
        Writer out = header(4L * bitmap.length);
        // Each pixel is 4 equal bytes, so a run of values is a run of pixels times 4.
        int p = 0;
        while (p < bitmap.length) {
            int q = p;
            while (q < bitmap.length && bitmap[q] == bitmap[p]) {
                q++;
            }
            out.run(4L * (q - p), bitmap[p] == 0 ? 0 : 255);
            p = q;
        }
        return out.bytes();
    }

    /** Any 8-bit values as {@code encode_rle} writes them (its own test vector checks this). */
    static int[] encode(int[] values) {
        Writer out = header(values.length);
        int p = 0;
        while (p < values.length) {
            int q = p;
            while (q < values.length && values[q] == values[p]) {
                q++;
            }
            out.run(q - p, values[p]);
            p = q;
        }
        return out.bytes();
    }

    private static Writer header(long count) {
        Writer out = new Writer();
        out.write(count, 32);
        out.write(7, 5); // 8-bit words
        for (int size : WRITTEN_SIZES) {
            out.write(size - 1, 4);
        }
        return out;
    }

    /** Reads big-endian bit fields. */
    private static final class Bits {
        private final int[] bytes;
        private long position;

        Bits(int[] bytes) {
            this.bytes = bytes;
        }

        long read(int bits) throws FormatException {
            long value = 0;
            for (int b = 0; b < bits; b++, position++) {
                int at = (int) (position >>> 3);
                if (at >= bytes.length) {
                    throw new FormatException("the brush RLE ends early, at byte " + bytes.length);
                }
                value = value << 1 | (bytes[at] >>> (7 - (position & 7))) & 1;
            }
            return value;
        }
    }

    /** Writes big-endian bit fields, as label-studio-sdk's {@code encode_rle} does. */
    private static final class Writer {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private int current;
        private int filled;

        void write(long value, int bits) {
            for (int b = bits - 1; b >= 0; b--) {
                current = current << 1 | (int) (value >>> b & 1);
                if (++filled == 8) {
                    out.write(current);
                    current = 0;
                    filled = 0;
                }
            }
        }

        /** A run of {@code length} equal 8-bit words, in the chunks {@code encode_rle} writes. */
        void run(long length, int word) {
            if (length == 1) {
                write(0, 1);
                write(0, 2);
                write(0, 3);
            } else if (length <= 8) {
                write(1, 1);
                write(0, 2);
                write(length - 1, 3);
            } else if (length <= 16) {
                write(1, 1);
                write(1, 2);
                write(length - 1, 4);
            } else if (length <= 256) {
                write(1, 1);
                write(2, 2);
                write(length - 1, 8);
            } else {
                long left = length;
                while (left > 1 << 16) {
                    write(1, 1);
                    write(3, 2);
                    write((1 << 16) - 1, 16);
                    write(word, 8);
                    left -= 1 << 16;
                }
                write(1, 1);
                write(3, 2);
                write(left - 1, 16);
            }
            write(word, 8);
        }

        /** The bytes, padded as {@code encode_rle} pads: zero bits up to a byte, a whole byte when already whole. */
        int[] bytes() {
            write(0, 8 - filled);
            byte[] raw = out.toByteArray();
            int[] bytes = new int[raw.length];
            for (int i = 0; i < raw.length; i++) {
                bytes[i] = raw[i] & 0xFF;
            }
            return bytes;
        }
    }
}

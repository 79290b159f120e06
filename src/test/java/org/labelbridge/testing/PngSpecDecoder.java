package org.labelbridge.testing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * A small PNG decoder written from the PNG specification (ISO/IEC 15948), independent of the
 * encoder under test and of ImageIO: chunk CRCs checked, zlib through {@link Inflater} (which
 * checks the Adler-32), all five filter types undone, grey, RGB, palette, grey+alpha and RGBA
 * of 1 to 16 bits (alpha ignored), not interlaced.
 */
public final class PngSpecDecoder {

    private static final byte[] SIGNATURE = {(byte) 137, 80, 78, 71, 13, 10, 26, 10};

    /**
     * @param samples row-major: the grey value, the palette index, or RGB packed {@code 0xRRGGBB}
     *                (16-bit RGB channels keep their high byte)
     * @param palette packed {@code 0xRRGGBB} entries, empty without PLTE
     */
    public record Image(int width, int height, int colourType, int bitDepth, int[] samples, int[] palette) {
        public int sample(int x, int y) {
            return samples[y * width + x];
        }
    }

    private PngSpecDecoder() {
    }

    public static Image decode(byte[] png) {
        ByteBuffer in = ByteBuffer.wrap(png);
        for (byte b : SIGNATURE) {
            if (in.get() != b) {
                throw new IllegalArgumentException("not a PNG signature");
            }
        }
        int width = 0, height = 0, depth = 0, type = -1;
        int[] palette = new int[0];
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        while (true) {
            int length = in.getInt();
            byte[] typeBytes = new byte[4];
            in.get(typeBytes);
            byte[] data = new byte[length];
            in.get(data);
            CRC32 crc = new CRC32();
            crc.update(typeBytes);
            crc.update(data);
            if ((int) crc.getValue() != in.getInt()) {
                throw new IllegalArgumentException("bad CRC in " + new String(typeBytes, StandardCharsets.US_ASCII));
            }
            String chunk = new String(typeBytes, StandardCharsets.US_ASCII);
            if (chunk.equals("IHDR")) {
                ByteBuffer h = ByteBuffer.wrap(data);
                width = h.getInt();
                height = h.getInt();
                depth = h.get() & 0xff;
                type = h.get() & 0xff;
                if (h.get() != 0 || h.get() != 0 || h.get() != 0) {
                    throw new IllegalArgumentException("only deflate, filter method 0 and no interlace are decoded");
                }
            } else if (chunk.equals("PLTE")) {
                palette = new int[length / 3];
                for (int i = 0; i < palette.length; i++) {
                    palette[i] = (data[3 * i] & 0xff) << 16 | (data[3 * i + 1] & 0xff) << 8 | data[3 * i + 2] & 0xff;
                }
            } else if (chunk.equals("IDAT")) {
                idat.writeBytes(data);
            } else if (chunk.equals("IEND")) {
                break;
            }
        }
        int channels = switch (type) {
            case 0, 3 -> 1;
            case 2 -> 3;
            case 4 -> 2;
            case 6 -> 4;
            default -> throw new IllegalArgumentException("colour type " + type);
        };
        int bitsPerPixel = channels * depth;
        int bpp = Math.max(1, bitsPerPixel / 8); // the filters' byte distance
        int stride = (width * bitsPerPixel + 7) / 8;
        byte[] raw = inflate(idat.toByteArray(), height * (stride + 1));
        byte[] previous = new byte[stride];
        byte[] row = new byte[stride];
        int[] samples = new int[width * height];
        for (int y = 0; y < height; y++) {
            int filter = raw[y * (stride + 1)] & 0xff;
            System.arraycopy(raw, y * (stride + 1) + 1, row, 0, stride);
            for (int i = 0; i < stride; i++) {
                int a = i >= bpp ? row[i - bpp] & 0xff : 0;
                int b = previous[i] & 0xff;
                int c = i >= bpp ? previous[i - bpp] & 0xff : 0;
                int add = switch (filter) {
                    case 0 -> 0;
                    case 1 -> a;
                    case 2 -> b;
                    case 3 -> (a + b) / 2;
                    case 4 -> paeth(a, b, c);
                    default -> throw new IllegalArgumentException("filter type " + filter + " in row " + y);
                };
                row[i] = (byte) (row[i] + add);
            }
            for (int x = 0; x < width; x++) {
                samples[y * width + x] = pixel(row, x, depth, type);
            }
            byte[] swap = previous;
            previous = row;
            row = swap;
        }
        return new Image(width, height, type, depth, samples, palette);
    }

    private static int pixel(byte[] row, int x, int depth, int type) {
        if (depth < 8) {
            int bit = x * depth;
            return (row[bit / 8] & 0xff) >> (8 - depth - bit % 8) & (1 << depth) - 1;
        }
        int bytes = depth / 8;
        int channels = type == 2 ? 3 : type == 6 ? 4 : type == 4 ? 2 : 1;
        int at = x * channels * bytes;
        if (type == 2 || type == 6) {
            return (row[at] & 0xff) << 16 | (row[at + bytes] & 0xff) << 8 | row[at + 2 * bytes] & 0xff;
        }
        return bytes == 2 ? (row[at] & 0xff) << 8 | row[at + 1] & 0xff : row[at] & 0xff;
    }

    private static int paeth(int a, int b, int c) {
        int p = a + b - c;
        int pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    /** Inflates a zlib stream that must hold exactly {@code expected} bytes. */
    public static byte[] inflate(byte[] zlib, int expected) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(zlib);
            byte[] out = new byte[expected];
            int n = 0;
            while (n < expected && !inflater.finished()) {
                int got = inflater.inflate(out, n, expected - n);
                if (got == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalArgumentException("zlib stream ends after " + n + " of " + expected + " bytes");
                }
                n += got;
            }
            byte[] more = new byte[1];
            if (inflater.inflate(more) != 0 || !inflater.finished()) {
                throw new IllegalArgumentException("zlib stream holds more than " + expected + " bytes, or no end");
            }
            return out;
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("bad zlib stream: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }
}

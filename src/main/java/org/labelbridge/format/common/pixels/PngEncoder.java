package org.labelbridge.format.common.pixels;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.labelbridge.model.Rgb;

/**
 * Writes mask PNGs. Its own encoder rather than ImageIO's so that the bytes are fixed: no
 * time or software chunks, no adaptive filters, one deflate level; the same image always
 * gives the same file.
 */
public final class PngEncoder {

    private static final byte[] SIGNATURE = {(byte) 137, 80, 78, 71, 13, 10, 26, 10};
    private static final int GRAY = 0;
    private static final int RGB = 2;
    private static final int PALETTE = 3;
    private static final int MAX_IDAT = 1 << 16;

    private PngEncoder() {
    }

    /** An 8-bit palette PNG: each value is an index into {@code palette} (1..256 colours). */
    public static void writeIndexed(IndexImage image, List<Rgb> palette, OutputStream out) throws IOException {
        if (palette.isEmpty() || palette.size() > 256) {
            throw new IllegalArgumentException("a PNG palette has 1..256 colours, got " + palette.size());
        }
        byte[] plte = new byte[palette.size() * 3];
        for (int i = 0; i < palette.size(); i++) {
            plte[3 * i] = (byte) palette.get(i).r();
            plte[3 * i + 1] = (byte) palette.get(i).g();
            plte[3 * i + 2] = (byte) palette.get(i).b();
        }
        write(image, 8, PALETTE, plte, palette.size() - 1, out);
    }

    /** A grey PNG of 8 or 16 bits: each value is the grey level. */
    public static void writeGray(IndexImage image, int bitDepth, OutputStream out) throws IOException {
        if (bitDepth != 8 && bitDepth != 16) {
            throw new IllegalArgumentException("grey PNGs are written with 8 or 16 bits, not " + bitDepth);
        }
        write(image, bitDepth, GRAY, null, (1 << bitDepth) - 1, out);
    }

    /** An 8-bit RGB PNG: each value is a colour packed as {@code 0xRRGGBB}. */
    public static void writeRgb(IndexImage image, OutputStream out) throws IOException {
        write(image, 8, RGB, null, 0xffffff, out);
    }

    private static void write(IndexImage image, int bitDepth, int colourType, byte[] plte, int maxValue,
                              OutputStream out) throws IOException {
        int width = image.width();
        int height = image.height();
        if (width == 0 || height == 0) {
            throw new IllegalArgumentException("a PNG needs at least one pixel, image is " + height + "x" + width);
        }
        int channels = colourType == RGB ? 3 : 1;
        int bytesPerSample = bitDepth / 8;
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream(13);
        DataOutputStream header = new DataOutputStream(ihdr);
        header.writeInt(width);
        header.writeInt(height);
        header.writeByte(bitDepth);
        header.writeByte(colourType);
        header.writeByte(0); // deflate
        header.writeByte(0); // adaptive filtering method; every row uses filter 0 (none)
        header.writeByte(0); // not interlaced

        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        // Level 1: masks are long runs, which the fastest level packs nearly as well as level 6,
        // at a fraction of the time (deflate was most of writing 100,000 VOC masks).
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try (DeflaterOutputStream zip = new DeflaterOutputStream(compressed, deflater, 1 << 16)) {
            byte[] row = new byte[1 + width * channels * bytesPerSample];
            for (int y = 0; y < height; y++) {
                int p = 1;
                for (int x = 0; x < width; x++) {
                    int v = image.get(x, y);
                    if (v < 0 || v > maxValue) {
                        throw new IllegalArgumentException("value " + v + " at (" + x + ", " + y
                                + ") does not fit the PNG (0.." + maxValue + ")");
                    }
                    if (colourType == RGB) {
                        row[p++] = (byte) (v >> 16);
                        row[p++] = (byte) (v >> 8);
                        row[p++] = (byte) v;
                    } else if (bitDepth == 16) {
                        row[p++] = (byte) (v >> 8);
                        row[p++] = (byte) v;
                    } else {
                        row[p++] = (byte) v;
                    }
                }
                zip.write(row);
            }
        } finally {
            deflater.end();
        }

        out.write(SIGNATURE);
        chunk(out, "IHDR", ihdr.toByteArray(), 0, 13);
        if (plte != null) {
            chunk(out, "PLTE", plte, 0, plte.length);
        }
        byte[] data = compressed.toByteArray();
        for (int off = 0; off < data.length; off += MAX_IDAT) { // a zlib stream is never empty
            chunk(out, "IDAT", data, off, Math.min(MAX_IDAT, data.length - off));
        }
        chunk(out, "IEND", new byte[0], 0, 0);
        out.flush();
    }

    private static void chunk(OutputStream out, String type, byte[] data, int off, int len) throws IOException {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data, off, len);
        DataOutputStream o = new DataOutputStream(out);
        o.writeInt(len);
        o.write(typeBytes);
        o.write(data, off, len);
        o.writeInt((int) crc.getValue());
    }
}

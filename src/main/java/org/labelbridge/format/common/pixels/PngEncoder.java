package org.labelbridge.format.common.pixels;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.labelbridge.model.Rgb;

/**
 * Writes mask PNGs. Its own encoder rather than ImageIO's so that the bytes are fixed: no
 * time or software chunks, no adaptive filters; the same image always gives the same file.
 * The data is deflated from the image's runs ({@link RunDeflateStream}) unless the image is
 * noisy (runs of fewer than {@value #RUNS_PER_DEFLATED_PIXEL} pixels on average), which zlib
 * packs better; both decode to the same pixels.
 */
public final class PngEncoder {

    private static final byte[] SIGNATURE = {(byte) 137, 80, 78, 71, 13, 10, 26, 10};
    private static final int GRAY = 0;
    private static final int RGB = 2;
    private static final int PALETTE = 3;
    private static final int MAX_IDAT = 1 << 16;
    /** Images with fewer runs than one per this many pixels are encoded from their runs. */
    static final int RUNS_PER_DEFLATED_PIXEL = 8;

    private PngEncoder() {
    }

    /** An 8-bit palette PNG: each value is an index into {@code palette} (1..256 colours). */
    public static void writeIndexed(IndexImage image, List<Rgb> palette, OutputStream out) throws IOException {
        writeIndexed(RunImage.of(image), palette, out);
    }

    /** A grey PNG of 8 or 16 bits: each value is the grey level. */
    public static void writeGray(IndexImage image, int bitDepth, OutputStream out) throws IOException {
        writeGray(RunImage.of(image), bitDepth, out);
    }

    /** An 8-bit RGB PNG: each value is a colour packed as {@code 0xRRGGBB}. */
    public static void writeRgb(IndexImage image, OutputStream out) throws IOException {
        writeRgb(RunImage.of(image), out);
    }

    /** An 8-bit palette PNG: each value is an index into {@code palette} (1..256 colours). */
    public static void writeIndexed(RunImage image, List<Rgb> palette, OutputStream out) throws IOException {
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
    public static void writeGray(RunImage image, int bitDepth, OutputStream out) throws IOException {
        if (bitDepth != 8 && bitDepth != 16) {
            throw new IllegalArgumentException("grey PNGs are written with 8 or 16 bits, not " + bitDepth);
        }
        write(image, bitDepth, GRAY, null, (1 << bitDepth) - 1, out);
    }

    /** An 8-bit RGB PNG: each value is a colour packed as {@code 0xRRGGBB}. */
    public static void writeRgb(RunImage image, OutputStream out) throws IOException {
        write(image, 8, RGB, null, 0xffffff, out);
    }

    private static void write(RunImage image, int bitDepth, int colourType, byte[] plte, int maxValue,
                              OutputStream out) throws IOException {
        int width = image.width();
        int height = image.height();
        if (width == 0 || height == 0) {
            throw new IllegalArgumentException("a PNG needs at least one pixel, image is " + height + "x" + width);
        }
        if (image.min() < 0 || image.max() > maxValue) {
            throw new IllegalArgumentException(firstOutOfRange(image, maxValue) + " does not fit the PNG (0.."
                    + maxValue + ")");
        }
        int bytesPerPixel = (colourType == RGB ? 3 : 1) * bitDepth / 8;
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream(13);
        DataOutputStream header = new DataOutputStream(ihdr);
        header.writeInt(width);
        header.writeInt(height);
        header.writeByte(bitDepth);
        header.writeByte(colourType);
        header.writeByte(0); // deflate
        header.writeByte(0); // adaptive filtering method; every row uses filter 0 (none)
        header.writeByte(0); // not interlaced

        // Masks are long runs: written from the runs they cost microseconds. A noisy image (short
        // runs on average) goes through zlib, whose matches across rows pack it better.
        byte[] data = (long) image.runCount() * RUNS_PER_DEFLATED_PIXEL <= (long) width * height
                ? RunDeflateStream.encode(image, bytesPerPixel)
                : deflated(image, bytesPerPixel);

        out.write(SIGNATURE);
        chunk(out, "IHDR", ihdr.toByteArray(), 0, 13);
        if (plte != null) {
            chunk(out, "PLTE", plte, 0, plte.length);
        }
        for (int off = 0; off < data.length; off += MAX_IDAT) { // a zlib stream is never empty
            chunk(out, "IDAT", data, off, Math.min(MAX_IDAT, data.length - off));
        }
        chunk(out, "IEND", new byte[0], 0, 0);
        out.flush();
    }

    /** The zlib stream of the rows by {@link Deflater}, at level 1 (as good as 6 on masks, at a fraction of the time). */
    private static byte[] deflated(RunImage image, int bytesPerPixel)
            throws IOException {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try (DeflaterOutputStream zip = new DeflaterOutputStream(compressed, deflater, 1 << 16)) {
            byte[] row = new byte[1 + image.width() * bytesPerPixel];
            byte[] pixel = new byte[bytesPerPixel];
            for (int y = 0; y < image.height(); y++) {
                int p = 1;
                for (int k = 0; k < image.runs(y); k++) {
                    for (int i = 0; i < bytesPerPixel; i++) { // most significant byte first
                        pixel[i] = (byte) (image.runValue(y, k) >>> 8 * (bytesPerPixel - 1 - i));
                    }
                    int end = 1 + image.runEnd(y, k) * bytesPerPixel;
                    if (bytesPerPixel == 1) {
                        Arrays.fill(row, p, end, pixel[0]);
                        p = end;
                    } else {
                        while (p < end) {
                            for (byte b : pixel) {
                                row[p++] = b;
                            }
                        }
                    }
                }
                zip.write(row);
            }
        } finally {
            deflater.end();
        }
        return compressed.toByteArray();
    }

    /** The first value outside {@code 0..maxValue} and where it is. */
    private static String firstOutOfRange(RunImage image, int maxValue) {
        for (int y = 0; y < image.height(); y++) {
            for (int k = 0; k < image.runs(y); k++) {
                int v = image.runValue(y, k);
                if (v < 0 || v > maxValue) {
                    return "value " + v + " at (" + image.runStart(y, k) + ", " + y + ")";
                }
            }
        }
        throw new IllegalStateException("no value out of range");
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

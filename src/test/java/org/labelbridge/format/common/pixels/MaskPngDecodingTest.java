package org.labelbridge.format.common.pixels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.junit.jupiter.api.Test;
import org.labelbridge.format.FormatException;
import org.labelbridge.model.Rgb;
import org.labelbridge.testing.PngSpecDecoder;

/**
 * Mask PNGs decode straight into runs ({@link PngRunDecoder} behind {@link MaskImages#read}) to
 * the samples ImageIO and the test's own decoder from the PNG specification read: PNGs of our
 * encoders, of ImageIO's writer (adaptive filters, palette of 1-8 bits, grey of 8 and 16 bits,
 * RGB, RGBA, interlaced), and of a filter-by-filter writer below (each of the five filter types,
 * every colour type and bit depth). Corrupt files give errors that name them.
 */
class MaskPngDecodingTest {

    private static final int SCENES = 500;

    @Test
    void ourEncodersPngsDecodeToTheirRuns() throws IOException {
        Random random = new Random(14);
        List<Rgb> palette = MaskRunsTest.spreadPalette();
        for (int scene = 0; scene < SCENES; scene++) {
            int height = 1 + random.nextInt(random.nextInt(8) == 0 ? 60 : 20);
            int width = 1 + random.nextInt(random.nextInt(8) == 0 ? 60 : 20);
            RunImage classes = MaskRunsTest.randomRuns(random, height, width, 255);
            String at = "scene " + scene + " (" + height + "x" + width + ")";
            boolean withImageIo = scene % 20 == 0;

            MaskImage indexed = decoded(png(out -> PngEncoder.writeIndexed(classes, palette, out)), withImageIo, at);
            assertEquals(MaskImage.Kind.INDEXED, indexed.kind(), at);
            assertEquals(classes, indexed.runs(), at + " palette");
            assertEquals(palette, indexed.palette(), at);
            RunImage ids = classes.map(v -> v * 257);
            MaskImage grey16 = decoded(png(out -> PngEncoder.writeGray(ids, 16, out)), withImageIo, at);
            assertEquals(ids, grey16.runs(), at + " 16-bit grey");
            assertEquals(16, grey16.bitDepth(), at);
            assertEquals(classes, decoded(png(out -> PngEncoder.writeGray(classes, 8, out)), withImageIo, at).runs(),
                    at + " 8-bit grey");
            RunImage colours = classes.map(v -> v * 0x010305 & 0xffffff);
            assertEquals(colours, decoded(png(out -> PngEncoder.writeRgb(colours, out)), withImageIo, at).runs(),
                    at + " RGB");
        }
    }

    @Test
    void imageIoPngsDecodeAsImageIoReadsThem() throws IOException {
        Random random = new Random(15);
        for (int scene = 0; scene < 60; scene++) {
            int height = 1 + random.nextInt(40), width = 1 + random.nextInt(40);
            String at = "scene " + scene + " (" + height + "x" + width + ")";
            for (BufferedImage image : List.of(palette(random, height, width, 1), palette(random, height, width, 2),
                    palette(random, height, width, 4), palette(random, height, width, 8),
                    filled(random, new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY), 255),
                    filled(random, new BufferedImage(width, height, BufferedImage.TYPE_USHORT_GRAY), 65535),
                    filled(random, new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR), 255),
                    filled(random, new BufferedImage(width, height, BufferedImage.TYPE_4BYTE_ABGR), 255))) {
                String what = at + " type " + image.getType() + " " + image.getColorModel().getPixelSize() + " bits";
                decoded(imageIoPng(image, false), true, what);
                decoded(imageIoPng(image, true), true, what + " interlaced");
            }
        }
    }

    @Test
    void everyFilterTypeColourTypeAndBitDepthDecodesAsTheSpecSays() throws IOException {
        Random random = new Random(16);
        int[][] types = {{0, 1}, {0, 2}, {0, 4}, {0, 8}, {0, 16}, {2, 8}, {2, 16}, {3, 1}, {3, 2}, {3, 4}, {3, 8},
            {4, 8}, {4, 16}, {6, 8}, {6, 16}};
        for (int scene = 0; scene < 100; scene++) {
            for (int[] type : types) {
                int height = 1 + random.nextInt(12), width = 1 + random.nextInt(30);
                int colourType = type[0], depth = type[1];
                byte[] png = FilteredPng.random(random, colourType, depth, height, width);
                String at = "scene " + scene + " colour type " + colourType + ", " + depth + " bits, "
                        + height + "x" + width;
                decoded(png, colourType != 4 || depth != 16, at); // ImageIO reads 16-bit grey+alpha as 8-bit
            }
        }
    }

    @Test
    void corruptPngsGiveErrorsNamingTheFile() throws IOException {
        byte[] png = FilteredPng.of(0, 8, 2, 3, new byte[][] {{1, 2, 3}, {4, 5, 6}}, new int[] {0, 1});
        int idat = indexOf(png, "IDAT");

        byte[] badCrc = png.clone();
        badCrc[idat + 5] ^= 1;
        assertTrue(error(badCrc).startsWith("mask.png: not a readable image (PNG: chunk IDAT at byte " + (idat - 4)
                + " fails its CRC check (stored "), error(badCrc));

        byte[] truncated = java.util.Arrays.copyOf(png, idat + 8);
        assertTrue(error(truncated).startsWith("mask.png: not a readable image (PNG: chunk IDAT at byte " + (idat - 4)
                + " is truncated"), error(truncated));

        byte[] badFilter = FilteredPng.of(0, 8, 2, 3, new byte[][] {{1, 2, 3}, {4, 5, 6}}, new int[] {0, 7});
        assertEquals("mask.png: not a readable image (PNG: row 1 has filter type 7, PNG has 0 to 4: the image data"
                + " is corrupt)", error(badFilter));

        byte[] shortData = FilteredPng.withData(0, 8, 3, 3, deflate(new byte[] {0, 1, 2, 3, 0, 4, 5, 6}), false);
        assertEquals("mask.png: not a readable image (PNG: image data is truncated: it ends in row 2 of 3)",
                error(shortData));

        byte[] notZlib = FilteredPng.withData(0, 8, 1, 1, new byte[] {1, 2, 3, 4}, false);
        assertTrue(error(notZlib).startsWith("mask.png: not a readable image (PNG: image data is not a valid zlib"
                + " stream"), error(notZlib));

        byte[] noPalette = FilteredPng.withData(3, 8, 1, 1, deflate(new byte[] {0, 0}), false);
        assertEquals("mask.png: not a readable image (PNG: palette PNG without a PLTE chunk)", error(noPalette));
    }

    private static String error(byte[] png) {
        return assertThrows(FormatException.class, () -> MaskImages.read(new ByteArrayInputStream(png), "mask.png"))
                .getMessage();
    }

    private static int indexOf(byte[] png, String type) {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i + 4 <= png.length; i++) {
            if (java.util.Arrays.equals(png, i, i + 4, t, 0, 4)) {
                return i;
            }
        }
        throw new AssertionError(type + " not found");
    }

    /**
     * Decodes through the production path, checking its samples against the spec decoder (not
     * interlaced) and, when asked, ImageIO; returns what the production path gave.
     */
    private static MaskImage decoded(byte[] png, boolean withImageIo, String at) throws IOException {
        MaskImage image = MaskImages.read(new ByteArrayInputStream(png), "test.png");
        int[] samples = image.samples().values();
        boolean interlaced = png[28] == 1;
        if (!interlaced) {
            PngSpecDecoder.Image spec = PngSpecDecoder.decode(png);
            assertArrayEquals(spec.samples(), samples, at + ": against the spec decoder");
        }
        if (withImageIo) {
            BufferedImage read = ImageIO.read(new ByteArrayInputStream(png));
            Raster raster = read.getRaster();
            int colourType = png[25];
            boolean colour = colourType == 2 || colourType == 6;
            int shift = Math.max(0, raster.getSampleModel().getSampleSize(0) - 8);
            int[] expected = new int[samples.length];
            for (int p = 0; p < expected.length; p++) {
                int x = p % image.width(), y = p / image.width();
                expected[p] = colour ? (raster.getSample(x, y, 0) >> shift) << 16 | (raster.getSample(x, y, 1) >> shift) << 8
                        | raster.getSample(x, y, 2) >> shift : raster.getSample(x, y, 0);
            }
            assertArrayEquals(expected, samples, at + ": against ImageIO");
            if (read.getColorModel() instanceof IndexColorModel model && colourType == 3) {
                for (int i = 0; i < image.palette().size(); i++) {
                    assertEquals(new Rgb(model.getRed(i), model.getGreen(i), model.getBlue(i)), image.palette().get(i), at);
                }
            }
        }
        return image;
    }

    private interface PngWrite {
        void write(ByteArrayOutputStream out) throws IOException;
    }

    private static byte[] png(PngWrite write) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write.write(out);
        return out.toByteArray();
    }

    private static BufferedImage palette(Random random, int height, int width, int bits) {
        int size = 1 << bits;
        byte[] r = new byte[size], g = new byte[size], b = new byte[size];
        random.nextBytes(r);
        random.nextBytes(g);
        random.nextBytes(b);
        IndexColorModel model = new IndexColorModel(bits, size, r, g, b);
        BufferedImage image = bits == 8 ? new BufferedImage(width, height, BufferedImage.TYPE_BYTE_INDEXED, model)
                : new BufferedImage(width, height, BufferedImage.TYPE_BYTE_BINARY, model);
        return filled(random, image, size - 1);
    }

    /** Mask-like content: runs of random values, rows often repeated. */
    private static BufferedImage filled(Random random, BufferedImage image, int max) {
        WritableRaster raster = image.getRaster();
        RunImage runs = MaskRunsTest.randomRuns(random, image.getHeight(), image.getWidth(), max);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int v = runs.get(x, y);
                for (int band = 0; band < raster.getNumBands(); band++) {
                    raster.setSample(x, y, band, band == 3 ? 255 - v : (v * (band + 1)) % (max + 1));
                }
            }
        }
        return image;
    }

    private static byte[] imageIoPng(BufferedImage image, boolean interlaced) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setProgressiveMode(interlaced ? ImageWriteParam.MODE_DEFAULT : ImageWriteParam.MODE_DISABLED);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater();
        deflater.setInput(data);
        deflater.finish();
        byte[] out = new byte[data.length * 2 + 64];
        int n = deflater.deflate(out);
        deflater.end();
        return java.util.Arrays.copyOf(out, n);
    }

    /** PNGs written filter type by filter type, as the specification defines the filters. */
    private static final class FilteredPng {

        static byte[] random(Random random, int colourType, int depth, int height, int width) throws IOException {
            int channels = switch (colourType) {
                case 2 -> 3;
                case 4 -> 2;
                case 6 -> 4;
                default -> 1;
            };
            int rowBytes = (width * channels * depth + 7) / 8;
            byte[][] rows = new byte[height][];
            int[] filters = new int[height];
            for (int y = 0; y < height; y++) {
                if (y > 0 && random.nextInt(3) == 0) {
                    rows[y] = rows[y - 1].clone();
                } else {
                    rows[y] = new byte[rowBytes];
                    int runValue = random.nextInt(256);
                    for (int i = 0; i < rowBytes; i++) {
                        if (random.nextInt(5) == 0) {
                            runValue = random.nextInt(256);
                        }
                        rows[y][i] = (byte) runValue;
                    }
                }
                filters[y] = random.nextInt(5);
            }
            return of(colourType, depth, height, width, rows, filters);
        }

        static byte[] of(int colourType, int depth, int height, int width, byte[][] rows, int[] filters)
                throws IOException {
            int channels = switch (colourType) {
                case 2 -> 3;
                case 4 -> 2;
                case 6 -> 4;
                default -> 1;
            };
            int bpp = Math.max(1, channels * depth / 8);
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            byte[] above = new byte[rows[0].length];
            for (int y = 0; y < height; y++) {
                byte[] row = rows[y];
                raw.write(filters[y]);
                for (int i = 0; i < row.length; i++) {
                    int a = i >= bpp ? row[i - bpp] & 0xff : 0, b = above[i] & 0xff;
                    int c = i >= bpp ? above[i - bpp] & 0xff : 0;
                    int predictor = switch (filters[y]) {
                        case 1 -> a;
                        case 2 -> b;
                        case 3 -> (a + b) / 2;
                        case 4 -> paeth(a, b, c);
                        default -> 0;
                    };
                    raw.write((row[i] - predictor) & 0xff);
                }
                above = row;
            }
            return withData(colourType, depth, height, width, deflate(raw.toByteArray()), colourType == 3);
        }

        static byte[] withData(int colourType, int depth, int height, int width, byte[] zlib, boolean palette)
                throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.write(new byte[] {(byte) 137, 80, 78, 71, 13, 10, 26, 10});
            ByteArrayOutputStream header = new ByteArrayOutputStream();
            DataOutputStream h = new DataOutputStream(header);
            h.writeInt(width);
            h.writeInt(height);
            h.write(new byte[] {(byte) depth, (byte) colourType, 0, 0, 0});
            chunk(out, "IHDR", header.toByteArray());
            if (palette) {
                byte[] plte = new byte[3 << depth];
                for (int i = 0; i < plte.length; i++) {
                    plte[i] = (byte) (i * 37);
                }
                chunk(out, "PLTE", plte);
            }
            // the data in two chunks, as large files have it
            int half = zlib.length / 2;
            chunk(out, "IDAT", java.util.Arrays.copyOf(zlib, half));
            chunk(out, "IDAT", java.util.Arrays.copyOfRange(zlib, half, zlib.length));
            chunk(out, "IEND", new byte[0]);
            return bytes.toByteArray();
        }

        private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
            out.writeInt(data.length);
            byte[] t = type.getBytes(StandardCharsets.US_ASCII);
            out.write(t);
            out.write(data);
            CRC32 crc = new CRC32();
            crc.update(t);
            crc.update(data);
            out.writeInt((int) crc.getValue());
        }

        private static int paeth(int a, int b, int c) {
            int p = a + b - c;
            int pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
            return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
        }
    }
}

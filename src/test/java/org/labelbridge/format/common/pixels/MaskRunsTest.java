package org.labelbridge.format.common.pixels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.labelbridge.model.Rgb;
import org.labelbridge.model.Rle;
import org.labelbridge.testing.PngSpecDecoder;

/**
 * Painting by runs and PNGs deflated from runs against the per-pixel path they replace: on
 * 10,000 random small scenes of polygons, RLE masks, boxes and ellipses, the composited maps,
 * the hidden and visible counts and every written PNG (decoded by an independent decoder
 * written from the PNG specification, and by ImageIO) are those of a pixel-by-pixel painter.
 */
class MaskRunsTest {

    private static final int SCENES = 10_000;

    @Test
    void runPaintingAndPngsMatchThePixelPainter() throws IOException {
        Random random = new Random(2026);
        List<Rgb> palette = spreadPalette();
        for (int scene = 0; scene < SCENES; scene++) {
            int height = 1 + random.nextInt(random.nextInt(8) == 0 ? 60 : 20);
            int width = 1 + random.nextInt(random.nextInt(8) == 0 ? 60 : 20);
            MaskCompositor compositor = new MaskCompositor(height, width);
            PixelPainter reference = new PixelPainter(height, width);
            int layers = 1 + random.nextInt(6);
            for (int i = 0; i < layers; i++) {
                Coverage coverage = randomShape(random, height, width);
                int classValue = random.nextInt(256), instance = 1 + random.nextInt(5), z = random.nextInt(3) - 1;
                compositor.add(coverage, classValue, instance, z);
                reference.add(coverage, classValue, instance, z);
            }
            MaskCompositor.Compiled compiled = compositor.compile();
            reference.compile();
            String at = "scene " + scene + " (" + height + "x" + width + ")";
            assertEquals(IndexImage.of(height, width, reference.classes), compiled.classes().toIndexImage(), at);
            assertEquals(IndexImage.of(height, width, reference.instances), compiled.instances().toIndexImage(), at);
            assertEquals(reference.hidden, compiled.hiddenPixels(), at);
            assertEquals(reference.visible, compiled.visiblePixels(), at);

            boolean withImageIo = scene % 50 == 0;
            checkPng(png(out -> PngEncoder.writeIndexed(compiled.classes(), palette, out)), reference.classes,
                    withImageIo, at + " palette");
            checkPng(png(out -> PngEncoder.writeGray(compiled.instances().map(v -> v * 9973), 16, out)),
                    times(reference.instances, 9973), withImageIo, at + " 16-bit grey");
            checkPng(png(out -> PngEncoder.writeGray(compiled.classes(), 8, out)), reference.classes, withImageIo,
                    at + " 8-bit grey");
            checkPng(png(out -> PngEncoder.writeRgb(compiled.classes().map(MaskRunsTest::colour), out)),
                    java.util.Arrays.stream(reference.classes).map(MaskRunsTest::colour).toArray(), withImageIo,
                    at + " RGB");
        }
    }

    @Test
    void runDeflateStreamInflatesToTheFilteredRows() {
        Random random = new Random(7);
        for (int round = 0; round < 2_000; round++) {
            int height = 1 + random.nextInt(12);
            int width = round == 0 ? 11_000 : 1 + random.nextInt(round % 10 == 0 ? 700 : 40); // rows beyond the window
            int bytesPerPixel = 1 + random.nextInt(3);
            RunImage image = randomRuns(random, height, width, bytesPerPixel == 3 ? 0xffffff : bytesPerPixel == 2
                    ? 0xffff : 0xff);
            byte[] zlib = RunDeflateStream.encode(image, bytesPerPixel);
            byte[] rows = PngSpecDecoder.inflate(zlib, height * (1 + width * bytesPerPixel));
            for (int y = 0; y < height; y++) {
                int at = y * (1 + width * bytesPerPixel);
                assertEquals(0, rows[at], "filter byte of row " + y);
                for (int x = 0; x < width; x++) {
                    int v = 0;
                    for (int i = 0; i < bytesPerPixel; i++) {
                        v = v << 8 | rows[at + 1 + x * bytesPerPixel + i] & 0xff;
                    }
                    assertEquals(image.get(x, y), v, "round " + round + " pixel (" + x + ", " + y + ")");
                }
            }
        }
    }

    /**
     * The shapes where the run encoder takes its other paths, each through every depth the
     * targets write (palette, 8- and 16-bit grey, RGB) and decoded by the spec decoder (CRCs
     * and Adler-32 checked): 1x1 and single rows and columns; blocks of repeated rows copied
     * at once (copies of 258 with 1 or 2 bytes left over); rows at the 32 KB window, one byte
     * within it and one beyond (then written row by row); runs and stacks of repeated rows
     * longer than the Adler-32 modulus.
     */
    @Test
    void runEncoderEdgeShapesDecodeToTheirPixels() throws IOException {
        Random random = new Random(41);
        List<Rgb> palette = new ArrayList<>();
        for (int i = 0; i < 256; i++) {
            palette.add(new Rgb(i, i / 2, 255 - i));
        }
        int[][] sizes = { // height, width
            {1, 1}, {1, 2}, {2, 1}, {1, 700}, {700, 1}, {3, 1}, {40, 85}, {40, 86}, {40, 172},
            {12, 32767}, {12, 32768}, {5, 10922}, {5, 10923}, {5, 16383}, {5, 16384},
            {3, 70_000}, {66_000, 2}, {200, 259}, {200, 260}, {300, 257}};
        for (int[] size : sizes) {
            int height = size[0], width = size[1];
            for (String style : List.of("blank", "blocks", "stripes")) {
                int[] pixels = new int[height * width];
                RunImage.Builder builder = new RunImage.Builder(height, width);
                int[] row = new int[width];
                for (int y = 0; y < height; y++) {
                    boolean newRow = y == 0 || style.equals("stripes")
                            || style.equals("blocks") && random.nextInt(Math.max(2, height / 8)) == 0;
                    if (newRow && !style.equals("blank")) {
                        int value = random.nextInt(256);
                        for (int x = 0; x < width; x++) {
                            if (random.nextInt(Math.max(1, width / 4)) == 0) {
                                value = random.nextInt(256);
                            }
                            row[x] = value;
                        }
                    }
                    for (int x = 0; x < width; x++) {
                        builder.run(x + 1, row[x]);
                        pixels[y * width + x] = row[x];
                    }
                    builder.endRow();
                }
                RunImage image = builder.build();
                String at = height + "x" + width + " " + style;
                boolean withImageIo = (long) height * width <= 100_000;
                // The run encoder itself, whatever PngEncoder picks for the image (narrow ones go to zlib).
                checkRunStream(image, 1, pixels, at);
                checkRunStream(image.map(v -> v * 257), 2, times(pixels, 257), at);
                checkRunStream(image.map(MaskRunsTest::colour), 3,
                        java.util.Arrays.stream(pixels).map(MaskRunsTest::colour).toArray(), at);
                checkPng(png(out -> PngEncoder.writeIndexed(image, palette, out)), pixels, withImageIo, at + " palette");
                checkPng(png(out -> PngEncoder.writeGray(image, 8, out)), pixels, withImageIo, at + " 8-bit grey");
                checkPng(png(out -> PngEncoder.writeGray(image.map(v -> v * 257), 16, out)), times(pixels, 257),
                        withImageIo, at + " 16-bit grey");
                checkPng(png(out -> PngEncoder.writeRgb(image.map(MaskRunsTest::colour), out)),
                        java.util.Arrays.stream(pixels).map(MaskRunsTest::colour).toArray(), withImageIo, at + " RGB");
            }
        }
    }

    @Test
    void rleRowsAreTheBitmapsRows() {
        Random random = new Random(11);
        for (int round = 0; round < 2_000; round++) {
            int height = 1 + random.nextInt(30), width = 1 + random.nextInt(30);
            byte[] bitmap = randomBitmap(random, height, width);
            byte[] painted = Rasterizer.bitmap(Rasterizer.mask(Rle.fromBitmap(bitmap, height, width)), height, width);
            assertArrayEquals(bitmap, painted, "round " + round);
        }
    }

    /** The run encoder's zlib stream inflates (Adler-32 checked) to filter 0 and the values' bytes. */
    private static void checkRunStream(RunImage image, int bytesPerPixel, int[] expected, String at) {
        int rowBytes = 1 + image.width() * bytesPerPixel;
        byte[] rows = PngSpecDecoder.inflate(RunDeflateStream.encode(image, bytesPerPixel), image.height() * rowBytes);
        for (int y = 0; y < image.height(); y++) {
            assertEquals(0, rows[y * rowBytes], at + ": filter byte of row " + y);
            for (int x = 0; x < image.width(); x++) {
                int v = 0;
                for (int i = 0; i < bytesPerPixel; i++) {
                    v = v << 8 | rows[y * rowBytes + 1 + x * bytesPerPixel + i] & 0xff;
                }
                if (v != expected[y * image.width() + x]) {
                    assertEquals(expected[y * image.width() + x], v, at + " " + bytesPerPixel
                            + " bytes a pixel: pixel (" + x + ", " + y + ")");
                }
            }
        }
    }

    private interface PngWrite {
        void write(ByteArrayOutputStream out) throws IOException;
    }

    private static byte[] png(PngWrite write) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write.write(out);
        return out.toByteArray();
    }

    private static void checkPng(byte[] png, int[] expected, boolean withImageIo, String at) throws IOException {
        PngSpecDecoder.Image decoded = PngSpecDecoder.decode(png);
        assertArrayEquals(expected, decoded.samples(), at);
        if (withImageIo) {
            Raster raster = ImageIO.read(new ByteArrayInputStream(png)).getRaster();
            for (int p = 0; p < expected.length; p++) {
                int x = p % decoded.width(), y = p / decoded.width();
                int v = raster.getNumBands() == 3 ? raster.getSample(x, y, 0) << 16 | raster.getSample(x, y, 1) << 8
                        | raster.getSample(x, y, 2) : raster.getSample(x, y, 0);
                assertEquals(expected[p], v, at + " ImageIO pixel " + p);
            }
        }
    }

    private static int[] times(int[] values, int factor) {
        int[] out = values.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] *= factor;
        }
        return out;
    }

    private static int colour(int v) {
        return (v * 7 % 256) << 16 | (255 - v) << 8 | v;
    }

    private static Coverage randomShape(Random random, int height, int width) {
        switch (random.nextInt(4)) {
            case 0: {
                double[] xy = new double[2 * (3 + random.nextInt(6))];
                for (int i = 0; i < xy.length; i += 2) {
                    xy[i] = random.nextDouble() * (width + 2) - 1;
                    xy[i + 1] = random.nextDouble() * (height + 2) - 1;
                }
                return Rasterizer.polygon(xy);
            }
            case 1:
                return Rasterizer.mask(Rle.fromBitmap(randomBitmap(random, height, width), height, width));
            case 2:
                return Rasterizer.box(random.nextInt(width + 1) - 0.5, random.nextInt(height + 1) - 0.3,
                        random.nextDouble() * width, random.nextDouble() * height, random.nextBoolean() ? 0 : 30);
            default:
                return Rasterizer.ellipse(random.nextDouble() * width, random.nextDouble() * height,
                        random.nextDouble() * width / 2, random.nextDouble() * height / 2, random.nextInt(90));
        }
    }

    /** Noise, blobs or nothing. */
    private static byte[] randomBitmap(Random random, int height, int width) {
        byte[] bitmap = new byte[height * width];
        int style = random.nextInt(3);
        if (style == 0) {
            for (int p = 0; p < bitmap.length; p++) {
                bitmap[p] = (byte) (random.nextInt(3) == 0 ? 1 : 0);
            }
        } else if (style == 1) {
            for (int blob = random.nextInt(4); blob >= 0; blob--) {
                int x0 = random.nextInt(width), y0 = random.nextInt(height);
                int x1 = x0 + random.nextInt(width - x0 + 1), y1 = y0 + random.nextInt(height - y0 + 1);
                for (int y = y0; y < y1; y++) {
                    for (int x = x0; x < x1; x++) {
                        bitmap[y * width + x] = 1;
                    }
                }
            }
        }
        return bitmap;
    }

    static RunImage randomRuns(Random random, int height, int width, int maxValue) {
        RunImage.Builder builder = new RunImage.Builder(height, width);
        int[] previous = null;
        for (int y = 0; y < height; y++) {
            int[] row = new int[width];
            if (previous != null && random.nextInt(3) == 0) {
                row = previous;
            } else {
                boolean noisy = random.nextInt(4) == 0;
                int value = random.nextInt(maxValue + 1);
                for (int x = 0; x < width; x++) {
                    if (noisy || random.nextInt(Math.max(1, width / 3)) == 0) {
                        value = random.nextInt(4) == 0 ? random.nextInt(maxValue + 1) : value;
                    }
                    row[x] = value;
                }
            }
            for (int x = 0; x < width; x++) {
                builder.run(x + 1, row[x]);
            }
            builder.endRow();
            previous = row;
        }
        return builder.build();
    }

    /** The painter runs replaced, pixel by pixel: the reference. */
    private static final class PixelPainter {
        private record Layer(Coverage coverage, int classValue, int instance, int z) {
        }

        final int height;
        final int width;
        final List<Layer> layers = new ArrayList<>();
        int[] classes;
        int[] instances;
        final Map<Integer, Long> hidden = new TreeMap<>();
        final Map<Integer, Long> visible = new TreeMap<>();

        PixelPainter(int height, int width) {
            this.height = height;
            this.width = width;
        }

        void add(Coverage coverage, int classValue, int instance, int z) {
            layers.add(new Layer(coverage, classValue, instance, z));
        }

        void compile() {
            classes = new int[height * width];
            instances = new int[height * width];
            List<Layer> ordered = new ArrayList<>(layers);
            ordered.sort(Comparator.comparingInt(Layer::z));
            for (Layer layer : ordered) {
                hidden.putIfAbsent(layer.instance(), 0L);
                byte[] covered = Rasterizer.bitmap(layer.coverage(), height, width);
                for (int p = 0; p < covered.length; p++) {
                    if (covered[p] == 0) {
                        continue;
                    }
                    if (instances[p] != 0 && instances[p] != layer.instance()) {
                        hidden.merge(instances[p], 1L, Long::sum);
                    }
                    instances[p] = layer.instance();
                    classes[p] = layer.classValue();
                }
            }
            hidden.keySet().forEach(id -> visible.put(id, 0L));
            for (int id : instances) {
                if (id != 0) {
                    visible.merge(id, 1L, Long::sum);
                }
            }
        }
    }

    /** 256 distinct colours, so that every index of a palette PNG decodes to its own colour. */
    static List<Rgb> spreadPalette() {
        List<Rgb> palette = new ArrayList<>();
        for (int i = 0; i < 256; i++) {
            palette.add(new Rgb(i, 255 - i, i * 7 % 256));
        }
        return palette;
    }
}

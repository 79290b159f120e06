package org.labelbridge.format.common.pixels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.labelbridge.format.FormatException;
import org.labelbridge.model.Rgb;
import org.labelbridge.testing.Corpus;

/** PNG and BMP masks in and out. */
class MaskFilesTest {

    private static final IndexImage SMALL = IndexImage.of(2, 3, 0, 1, 2, 2, 1, 0);

    private static MaskImage read(byte[] bytes) throws IOException {
        return MaskImages.read(new ByteArrayInputStream(bytes), "test.png");
    }

    private interface Encoding {
        void write(ByteArrayOutputStream out) throws IOException;
    }

    private static byte[] bytes(Encoding encoding) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        encoding.write(out);
        return out.toByteArray();
    }

    @Test
    void palettePngKeepsIndicesAndPalette() throws IOException {
        List<Rgb> palette = List.of(new Rgb(0, 0, 0), new Rgb(10, 20, 30), new Rgb(255, 0, 255));
        MaskImage image = read(bytes(out -> PngEncoder.writeIndexed(SMALL, palette, out)));
        assertEquals(MaskImage.Kind.INDEXED, image.kind());
        assertEquals(SMALL, image.samples());
        assertEquals(palette, image.palette());
        assertEquals(0x0a141e, image.colour(1, 0));
    }

    @Test
    void greyPngsOf8And16BitsKeepTheirValues() throws IOException {
        MaskImage grey = read(bytes(out -> PngEncoder.writeGray(SMALL, 8, out)));
        assertEquals(MaskImage.Kind.GRAY, grey.kind());
        assertEquals(8, grey.bitDepth());
        assertEquals(SMALL, grey.samples());
        assertEquals(0x020202, grey.colour(2, 0));

        IndexImage ids = IndexImage.of(1, 3, 0, 26001, 65535); // Cityscapes-style class * 1000 + instance
        MaskImage wide = read(bytes(out -> PngEncoder.writeGray(ids, 16, out)));
        assertEquals(MaskImage.Kind.GRAY, wide.kind());
        assertEquals(16, wide.bitDepth());
        assertEquals(ids, wide.samples());
    }

    @Test
    void rgbPngKeepsColours() throws IOException {
        IndexImage colours = IndexImage.of(1, 3, 0x000000, 0x008000, 0xe0e0c0);
        MaskImage image = read(bytes(out -> PngEncoder.writeRgb(colours, out)));
        assertEquals(MaskImage.Kind.RGB, image.kind());
        assertEquals(colours, image.samples());
    }

    @Test
    void theSameImageGivesTheSameBytes() throws IOException {
        IndexImage big = new IndexImage(300, 400);
        for (int y = 0; y < 300; y++) {
            for (int x = 0; x < 400; x++) {
                big.set(x, y, (x / 7 + y / 11) % 5);
            }
        }
        List<Rgb> palette = VocPalette.colours(5);
        byte[] first = bytes(out -> PngEncoder.writeIndexed(big, palette, out));
        byte[] second = bytes(out -> PngEncoder.writeIndexed(IndexImage.of(300, 400, big.values()), palette, out));
        assertArrayEquals(first, second);
        assertEquals(big, read(first).samples());
        assertTrue(first.length < 10_000, "masks compress: " + first.length + " bytes");
    }

    @Test
    void valuesThatDoNotFitAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> bytes(out -> PngEncoder.writeIndexed(SMALL, List.of(new Rgb(0, 0, 0), new Rgb(1, 1, 1)), out)));
        assertThrows(IllegalArgumentException.class, () -> bytes(out -> PngEncoder.writeGray(IndexImage.of(1, 1, 256), 8, out)));
    }

    @Test
    void readsFilesOtherToolsWrote() throws IOException {
        // A 4-bit palette PNG and a 1-bit grey PNG as ImageIO writes them; a BMP for ICDAR.
        byte[] r = {0, 1, 2, 3}, g = {0, 0, 0, 0}, b = {0, 0, 0, (byte) 200};
        BufferedImage fourBit = new BufferedImage(3, 2, BufferedImage.TYPE_BYTE_BINARY, new IndexColorModel(4, 4, r, g, b));
        fourBit.getRaster().setPixels(0, 0, 3, 2, new int[] {0, 1, 2, 3, 2, 1});
        MaskImage palette = read(encode(fourBit, "png"));
        assertEquals(MaskImage.Kind.INDEXED, palette.kind());
        assertEquals(IndexImage.of(2, 3, 0, 1, 2, 3, 2, 1), palette.samples());
        assertEquals(0x0300c8, palette.colour(0, 1));

        BufferedImage oneBit = new BufferedImage(3, 1, BufferedImage.TYPE_BYTE_BINARY); // written as 1-bit grey
        oneBit.getRaster().setPixels(0, 0, 3, 1, new int[] {0, 1, 0});
        MaskImage grey = read(encode(oneBit, "png"));
        assertEquals(MaskImage.Kind.GRAY, grey.kind());
        assertEquals(1, grey.bitDepth());
        assertEquals(IndexImage.of(1, 3, 0, 1, 0), grey.samples());
        assertEquals(0xffffff, grey.colour(1, 0));

        BufferedImage bgr = new BufferedImage(2, 1, BufferedImage.TYPE_3BYTE_BGR);
        bgr.setRGB(0, 0, 0xff0000);
        bgr.setRGB(1, 0, 0x00ff80);
        MaskImage bmp = read(encode(bgr, "bmp"));
        assertEquals(MaskImage.Kind.RGB, bmp.kind());
        assertEquals(IndexImage.of(1, 2, 0xff0000, 0x00ff80), bmp.samples());
    }

    private static byte[] encode(BufferedImage image, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(image, format, out));
        return out.toByteArray();
    }

    @Test
    void readsTheCorpusRgbMasks() throws IOException {
        Path sample = Corpus.path("segmentation_mask_1.1/voc_dataset1_segmentation");
        try (InputStream in = Files.newInputStream(sample.resolve("SegmentationClass/2007_000001.png"))) {
            MaskImage classes = MaskImages.read(in, "SegmentationClass/2007_000001.png");
            assertEquals(MaskImage.Kind.RGB, classes.kind());
            assertEquals(10, classes.height());
            assertEquals(20, classes.width());
            int[] all = new int[200];
            Arrays.fill(all, 0x008000); // bicycle, VOC colour 2, everywhere
            assertEquals(IndexImage.of(10, 20, all), classes.samples());
        }
        try (InputStream in = Files.newInputStream(sample.resolve("JPEGImages/2007_000002.jpg"))) {
            assertArrayEquals(new int[] {20, 10}, MaskImages.size(in));
        }
    }

    @Test
    void brokenFilesNameTheFile() throws IOException {
        FormatException notImage = assertThrows(FormatException.class, () -> read("not a png".getBytes()));
        assertEquals("test.png: not an image (expected a PNG or BMP mask)", notImage.getMessage());
        byte[] png = bytes(out -> PngEncoder.writeGray(new IndexImage(50, 50), 8, out));
        byte[] truncated = Arrays.copyOf(png, 40);
        FormatException cut = assertThrows(FormatException.class, () -> read(truncated));
        assertTrue(cut.getMessage().startsWith("test.png: not a readable image"), cut.getMessage());
        byte[] corrupt = png.clone();
        for (int i = 45; i < png.length - 12; i++) {
            corrupt[i] ^= 0x5a;
        }
        FormatException garbled = assertThrows(FormatException.class, () -> read(corrupt));
        assertTrue(garbled.getMessage().startsWith("test.png: not a readable image"), garbled.getMessage());
        assertEquals(null, MaskImages.size(new ByteArrayInputStream(new byte[] {1, 2, 3})));
    }
}

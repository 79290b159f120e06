package org.labelbridge.format.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Optional;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.junit.jupiter.api.Test;
import org.labelbridge.format.common.ImageHeaders;
import org.labelbridge.format.common.ImageHeaders.Size;
import org.labelbridge.testing.Corpus;

/**
 * Image sizes from headers: real PNG and JPEG files of the corpus, files written by the JDK's
 * encoders (used here only to make test bytes), and hand-made headers where the JDK has none.
 */
public class ImageHeadersTest {

    @Test
    void corpusJpeg() throws IOException {
        assertEquals(size(15, 10), read(Files.readAllBytes(Corpus.path("yolo_1.1/yolo/obj_train_data/1.jpg"))));
    }

    @Test
    void corpusPng() throws IOException {
        assertEquals(size(10, 5), read(Files.readAllBytes(Corpus.path("coco_1.0/coco/annotations/panoptic_train/a.png"))));
        assertEquals(size(5, 10), read(Files.readAllBytes(Corpus.path("coco_1.0/coco/annotations/panoptic_val/b.png"))));
    }

    @Test
    void encodedByTheJdk() throws IOException {
        BufferedImage image = new BufferedImage(7, 3, BufferedImage.TYPE_INT_RGB);
        for (String type : new String[] {"png", "jpeg", "bmp", "gif"}) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, type, out);
            assertEquals(size(7, 3), read(out.toByteArray()), type);
        }
    }

    @Test
    void progressiveJpeg() throws IOException {
        BufferedImage image = new BufferedImage(33, 17, BufferedImage.TYPE_INT_RGB);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, null), param);
        }
        writer.dispose();
        byte[] bytes = out.toByteArray();
        assertEquals(size(33, 17), read(bytes));
        assertEquals(0xC2, sofMarker(bytes), "the JDK wrote a progressive frame (SOF2)");
    }

    @Test
    void exifOrientationFiveToEightSwapsWidthAndHeight() throws IOException {
        byte[] jpeg = Files.readAllBytes(Corpus.path("yolo_1.1/yolo/obj_train_data/1.jpg"));
        for (int orientation = 1; orientation <= 8; orientation++) {
            Optional<Size> expected = orientation >= 5 ? size(10, 15) : size(15, 10);
            assertEquals(expected, read(withExifOrientation(jpeg, orientation, false)), "MM " + orientation);
            assertEquals(expected, read(withExifOrientation(jpeg, orientation, true)), "II " + orientation);
        }
    }

    @Test
    void jpegSizeAfterLargeSegments() throws IOException {
        byte[] jpeg = Files.readAllBytes(Corpus.path("yolo_1.1/yolo/obj_train_data/1.jpg"));
        byte[] app2 = new byte[60000];
        Arrays.fill(app2, (byte) 0xFF); // marker-like bytes inside a segment must be skipped, not parsed
        byte[] big = insertAfterSoi(jpeg, segment(0xE2, app2));
        big = insertAfterSoi(big, segment(0xE2, app2));
        assertEquals(size(15, 10), read(big));
    }

    @Test
    void bmpHeaders() throws IOException {
        assertEquals(size(640, 480), read(bmp(40, 640, 480)));
        assertEquals(size(640, 480), read(bmp(40, 640, -480)), "top-down rows: negative height");
        assertEquals(size(640, 480), read(bmp(124, 640, 480)), "BITMAPV5HEADER");
        byte[] core = new byte[26];
        core[0] = 'B';
        core[1] = 'M';
        ByteBuffer.wrap(core).order(ByteOrder.LITTLE_ENDIAN).putInt(14, 12).putShort(18, (short) 300)
                .putShort(20, (short) 200);
        assertEquals(size(300, 200), read(core), "OS/2 BITMAPCOREHEADER");
    }

    @Test
    void gifHeader() throws IOException {
        byte[] gif = {'G', 'I', 'F', '8', '9', 'a', (byte) 0x2C, 0x01, (byte) 0xC8, 0x00, 0, 0, 0};
        assertEquals(size(300, 200), read(gif));
    }

    @Test
    void webpHeaders() throws IOException {
        // Lossy: key frame tag, start code 9D 01 2A, 14-bit sizes (top 2 bits are scaling)
        byte[] lossy = webp("VP8 ", 0, 0, 0, 0x9D, 0x01, 0x2A, 0x20, 0x43, 0xF0, 0xC0);
        assertEquals(size(800, 240), read(lossy));
        // Lossless: signature 2F, then width-1 and height-1 in 14 bits each, little-endian
        int bits = (1023 - 1) | ((767 - 1) << 14);
        byte[] lossless = webp("VP8L", 0x2F, bits & 0xFF, (bits >> 8) & 0xFF, (bits >> 16) & 0xFF, (bits >>> 24) & 0xFF);
        assertEquals(size(1023, 767), read(lossless));
        // Extended: flags and 3 reserved bytes, then 24-bit canvas width-1 and height-1
        int w = 70000 - 1;
        int h = 5 - 1;
        byte[] extended = webp("VP8X", 0x10, 0, 0, 0, w & 0xFF, (w >> 8) & 0xFF, (w >> 16) & 0xFF, h, 0, 0);
        assertEquals(size(70000, 5), read(extended));
    }

    @Test
    void notImagesAndCutShortFilesHaveNoSize() throws IOException {
        assertEquals(Optional.empty(), ImageHeaders.read("plain text, long enough to fill a header".getBytes()));
        assertEquals(Optional.empty(), ImageHeaders.read(new byte[0]));
        byte[] jpeg = Files.readAllBytes(Corpus.path("yolo_1.1/yolo/obj_train_data/1.jpg"));
        assertEquals(Optional.empty(), ImageHeaders.read(Arrays.copyOf(jpeg, 100)), "cut before its SOF");
        byte[] png = Files.readAllBytes(Corpus.path("coco_1.0/coco/annotations/panoptic_train/a.png"));
        assertEquals(Optional.empty(), ImageHeaders.read(Arrays.copyOf(png, 20)));
    }

    @Test
    void readsOnlyTheHeader() throws IOException {
        byte[] jpeg = Files.readAllBytes(Corpus.path("yolo_1.1/yolo/obj_train_data/1.jpg"));
        int[] read = {0};
        InputStream counting = new java.io.FilterInputStream(new java.io.ByteArrayInputStream(jpeg)) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                read[0] += b < 0 ? 0 : 1;
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                read[0] += Math.max(n, 0);
                return n;
            }

            @Override
            public long skip(long n) throws IOException {
                long s = super.skip(n);
                read[0] += (int) s;
                return s;
            }
        };
        assertEquals(size(15, 10), ImageHeaders.read(counting));
        int sof = indexOfSof(jpeg);
        assertEquals(sof + 9, read[0], "stops right after the frame size");
    }

    private static Optional<Size> read(byte[] bytes) throws IOException {
        return ImageHeaders.read(bytes);
    }

    private static Optional<Size> size(int width, int height) {
        return Optional.of(new Size(width, height));
    }

    /** The JPEG with an EXIF APP1 segment holding only an orientation tag, right after SOI. */
    public static byte[] withExifOrientation(byte[] jpeg, int orientation, boolean littleEndian) {
        ByteBuffer tiff = ByteBuffer.allocate(26).order(littleEndian ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        tiff.put(littleEndian ? (byte) 'I' : (byte) 'M').put(littleEndian ? (byte) 'I' : (byte) 'M');
        tiff.putShort((short) 42).putInt(8); // IFD0 right after the header
        tiff.putShort((short) 1); // one entry
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        tiff.putInt(0); // no next IFD
        byte[] body = new byte[6 + tiff.capacity()];
        System.arraycopy("Exif\0\0".getBytes(), 0, body, 0, 6);
        System.arraycopy(tiff.array(), 0, body, 6, tiff.capacity());
        return insertAfterSoi(jpeg, segment(0xE1, body));
    }

    private static byte[] segment(int marker, byte[] body) {
        byte[] out = new byte[4 + body.length];
        out[0] = (byte) 0xFF;
        out[1] = (byte) marker;
        out[2] = (byte) ((body.length + 2) >> 8);
        out[3] = (byte) (body.length + 2);
        System.arraycopy(body, 0, out, 4, body.length);
        return out;
    }

    private static byte[] insertAfterSoi(byte[] jpeg, byte[] segment) {
        byte[] out = new byte[jpeg.length + segment.length];
        System.arraycopy(jpeg, 0, out, 0, 2);
        System.arraycopy(segment, 0, out, 2, segment.length);
        System.arraycopy(jpeg, 2, out, 2 + segment.length, jpeg.length - 2);
        return out;
    }

    private static byte[] bmp(int dibSize, int width, int height) {
        ByteBuffer b = ByteBuffer.allocate(14 + dibSize).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'B').put((byte) 'M').putInt(b.capacity()).putInt(0).putInt(14 + dibSize);
        b.putInt(dibSize).putInt(width).putInt(height).putShort((short) 1).putShort((short) 24);
        return b.array();
    }

    private static byte[] webp(String chunk, int... data) {
        byte[] out = new byte[20 + data.length];
        System.arraycopy("RIFF".getBytes(), 0, out, 0, 4);
        ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN).putInt(4, out.length - 8).putInt(16, data.length);
        System.arraycopy("WEBP".getBytes(), 0, out, 8, 4);
        System.arraycopy(chunk.getBytes(), 0, out, 12, 4);
        for (int i = 0; i < data.length; i++) {
            out[20 + i] = (byte) data[i];
        }
        return out;
    }

    private static int indexOfSof(byte[] jpeg) {
        for (int i = 2; i + 1 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xC0) {
                return i;
            }
        }
        throw new AssertionError("no SOF0");
    }

    private static int sofMarker(byte[] jpeg) {
        for (int i = 2; i + 1 < jpeg.length; i++) {
            int m = jpeg[i + 1] & 0xFF;
            if ((jpeg[i] & 0xFF) == 0xFF && m >= 0xC0 && m <= 0xC3) {
                return m;
            }
        }
        return -1;
    }
}

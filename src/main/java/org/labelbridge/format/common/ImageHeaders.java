package org.labelbridge.format.common;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Optional;
import java.util.Set;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.model.Media;

/**
 * Image width and height from the first bytes of PNG, JPEG, BMP, GIF and WebP files, never by
 * decoding pixels. Formats whose annotations are relative to the image (YOLO) need the size;
 * images pass through conversions undecoded, so this is the only way to learn it.
 *
 * <p>A JPEG's size is in its SOF segment, which follows the APPn segments; those are skipped
 * without being read, except an EXIF APP1 whose orientation 5 to 8 (a quarter turn) swaps
 * width and height, as viewers and Datumaro do.
 */
public final class ImageHeaders {

    /** An image size in pixels, after EXIF orientation. */
    public record Size(int width, int height) {
    }

    /** The extensions (lower case, with the dot) of the files whose size this class reads. */
    public static final Set<String> EXTENSIONS = Set.of(".jpg", ".jpeg", ".jpe", ".png", ".bmp", ".gif", ".webp");

    /** Enough for the fixed headers of PNG (24), GIF (10), BMP (26) and WebP (25 to 30). */
    private static final int FIXED_HEADER = 32;
    /** A JPEG whose SOF is further in than this is treated as unreadable, not scanned on. */
    private static final long JPEG_SCAN_LIMIT = 8L << 20;

    private ImageHeaders() {
    }

    /** The size of the image at {@code path}, or empty when its header is not readable. */
    public static Optional<Size> read(DatasetSource source, String path) throws IOException {
        try (InputStream in = source.open(path)) {
            return read(in);
        }
    }

    /**
     * The image as an item's media: its path, with its size when its header tells it;
     * {@link Media#NONE} when there is no path.
     */
    public static Media media(DatasetSource source, String path) throws IOException {
        if (path == null) {
            return Media.NONE;
        }
        return read(source, path).map(size -> new Media(path, size.width(), size.height()))
                .orElseGet(() -> new Media(path, null, null));
    }

    /**
     * The size of the image whose bytes start the stream, or empty when they are not a
     * recognised image header (or are cut short). Reads only as far as the size.
     */
    public static Optional<Size> read(InputStream in) throws IOException {
        byte[] head = in.readNBytes(FIXED_HEADER);
        try {
            if (head.length >= 3 && u8(head, 0) == 0xFF && u8(head, 1) == 0xD8 && u8(head, 2) == 0xFF) {
                return new JpegScan(head, in).size();
            }
            return fixedHeader(head);
        } catch (EOFException e) {
            return Optional.empty();
        }
    }

    /** The size from a header held in memory (the first bytes of the file). */
    public static Optional<Size> read(byte[] head) throws IOException {
        return read(new ByteArrayInputStream(head));
    }

    private static Optional<Size> fixedHeader(byte[] b) {
        if (startsWith(b, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return b.length >= 24 && startsWith(b, 12, 'I', 'H', 'D', 'R')
                    ? sized(be32(b, 16), be32(b, 20)) : Optional.empty();
        }
        if (startsWith(b, 0, 'G', 'I', 'F', '8') && b.length >= 10) {
            return sized(le16(b, 6), le16(b, 8));
        }
        if (startsWith(b, 0, 'B', 'M') && b.length >= 26) {
            return bmp(b);
        }
        if (startsWith(b, 0, 'R', 'I', 'F', 'F') && startsWith(b, 8, 'W', 'E', 'B', 'P') && b.length >= 25) {
            return webp(b);
        }
        return Optional.empty();
    }

    private static Optional<Size> bmp(byte[] b) {
        long dibSize = le32(b, 14);
        if (dibSize == 12) { // OS/2 BITMAPCOREHEADER: 16-bit unsigned sizes
            return sized(le16(b, 18), le16(b, 20));
        }
        // BITMAPINFOHEADER and later: signed 32-bit; a negative height means top-down rows
        return sized(Math.abs((long) (int) le32(b, 18)), Math.abs((long) (int) le32(b, 22)));
    }

    private static Optional<Size> webp(byte[] b) {
        if (startsWith(b, 12, 'V', 'P', '8', ' ')) { // lossy: key frame start code, then 14-bit sizes
            if (b.length < 30 || !startsWith(b, 23, 0x9D, 0x01, 0x2A)) {
                return Optional.empty();
            }
            return sized(le16(b, 26) & 0x3FFF, le16(b, 28) & 0x3FFF);
        }
        if (startsWith(b, 12, 'V', 'P', '8', 'L')) { // lossless: signature 0x2F, then 14-bit sizes minus one
            if (u8(b, 20) != 0x2F) {
                return Optional.empty();
            }
            long bits = le32(b, 21);
            return sized((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1);
        }
        if (startsWith(b, 12, 'V', 'P', '8', 'X') && b.length >= 30) { // extended: 24-bit canvas sizes minus one
            return sized(le24(b, 24) + 1, le24(b, 27) + 1);
        }
        return Optional.empty();
    }

    /** Walks JPEG markers from the start of the file to the first SOF. */
    private static final class JpegScan {
        private final InputStream in;
        private long consumed = 2; // SOI

        JpegScan(byte[] head, InputStream rest) {
            this.in = new SequenceInputStream(new ByteArrayInputStream(head, 2, head.length - 2), rest);
        }

        Optional<Size> size() throws IOException {
            int orientation = 1;
            while (consumed < JPEG_SCAN_LIMIT) {
                int marker = nextMarker();
                if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                    continue; // no length field
                }
                if (marker == 0xD9 || marker == 0xDA) {
                    return Optional.empty(); // end of image, or a scan with no frame header before it
                }
                int body = readU8() << 8 | readU8();
                body -= 2;
                if (body < 0) {
                    return Optional.empty();
                }
                if (isStartOfFrame(marker)) {
                    byte[] frame = readBytes(Math.min(body, 5)); // precision, height, width
                    if (frame.length < 5) {
                        return Optional.empty();
                    }
                    int height = be16(frame, 1);
                    int width = be16(frame, 3);
                    return orientation >= 5 ? sized(height, width) : sized(width, height);
                }
                if (marker == 0xE1 && orientation == 1) {
                    orientation = ExifOrientation.of(readBytes(body));
                } else {
                    in.skipNBytes(body);
                    consumed += body;
                }
            }
            return Optional.empty();
        }

        private static boolean isStartOfFrame(int marker) {
            // C0-CF except DHT (C4), JPG (C8) and DAC (CC)
            return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        }

        private int nextMarker() throws IOException {
            if (readU8() != 0xFF) {
                throw new EOFException("not at a marker"); // corrupt: the size is unknown
            }
            int b = readU8();
            while (b == 0xFF) { // fill bytes
                b = readU8();
            }
            return b;
        }

        private int readU8() throws IOException {
            int b = in.read();
            if (b < 0) {
                throw new EOFException();
            }
            consumed++;
            return b;
        }

        private byte[] readBytes(int n) throws IOException {
            byte[] out = in.readNBytes(n);
            if (out.length < n) {
                throw new EOFException();
            }
            consumed += n;
            return out;
        }
    }

    /** The orientation tag (0x0112) of an EXIF APP1 body; 1 (as stored) when absent. */
    private static final class ExifOrientation {
        private ExifOrientation() {
        }

        static int of(byte[] app1) {
            if (!startsWith(app1, 0, 'E', 'x', 'i', 'f', 0, 0) || app1.length < 14) {
                return 1;
            }
            int tiff = 6;
            boolean little;
            if (startsWith(app1, tiff, 'I', 'I')) {
                little = true;
            } else if (startsWith(app1, tiff, 'M', 'M')) {
                little = false;
            } else {
                return 1;
            }
            long ifd = tiff + u32(app1, tiff + 4, little);
            if (ifd + 2 > app1.length) {
                return 1;
            }
            int entries = u16(app1, (int) ifd, little);
            for (int i = 0; i < entries; i++) {
                int entry = (int) ifd + 2 + i * 12;
                if (entry + 12 > app1.length) {
                    return 1;
                }
                if (u16(app1, entry, little) == 0x0112) {
                    int value = u16(app1, entry + 8, little); // SHORT, stored left-justified
                    return value >= 1 && value <= 8 ? value : 1;
                }
            }
            return 1;
        }

        private static int u16(byte[] b, int at, boolean little) {
            return little ? le16(b, at) : be16(b, at);
        }

        private static long u32(byte[] b, int at, boolean little) {
            return little ? le32(b, at) : be32(b, at);
        }
    }

    private static Optional<Size> sized(long width, long height) {
        if (width <= 0 || height <= 0 || width > Integer.MAX_VALUE || height > Integer.MAX_VALUE) {
            return Optional.empty();
        }
        return Optional.of(new Size((int) width, (int) height));
    }

    private static boolean startsWith(byte[] b, int at, int... expected) {
        if (at + expected.length > b.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((b[at + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static int u8(byte[] b, int at) {
        return b[at] & 0xFF;
    }

    private static int be16(byte[] b, int at) {
        return (u8(b, at) << 8) | u8(b, at + 1);
    }

    private static int le16(byte[] b, int at) {
        return u8(b, at) | (u8(b, at + 1) << 8);
    }

    private static long le24(byte[] b, int at) {
        return u8(b, at) | (u8(b, at + 1) << 8) | ((long) u8(b, at + 2) << 16);
    }

    private static long be32(byte[] b, int at) {
        return ((long) u8(b, at) << 24) | (u8(b, at + 1) << 16) | (u8(b, at + 2) << 8) | u8(b, at + 3);
    }

    private static long le32(byte[] b, int at) {
        return u8(b, at) | (u8(b, at + 1) << 8) | (u8(b, at + 2) << 16) | ((long) u8(b, at + 3) << 24);
    }
}

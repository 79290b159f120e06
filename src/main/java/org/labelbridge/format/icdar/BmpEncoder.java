package org.labelbridge.format.icdar;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.labelbridge.format.common.pixels.IndexImage;

/**
 * Writes 24-bit uncompressed BMPs, the {@code _GT.bmp} of text segmentation: the same image
 * always gives the same bytes. Rows are stored bottom-up, blue-green-red, padded to 4 bytes.
 */
final class BmpEncoder {

    private static final int FILE_HEADER = 14;
    private static final int INFO_HEADER = 40;
    private static final int PIXELS_PER_METRE = 2835; // 72 dpi

    private BmpEncoder() {
    }

    /** Each value of {@code image} is a colour packed as {@code 0xRRGGBB}. */
    static void writeRgb(IndexImage image, OutputStream out) throws IOException {
        int width = image.width();
        int height = image.height();
        if (width == 0 || height == 0) {
            throw new IllegalArgumentException("a BMP needs at least one pixel, image is " + height + "x" + width);
        }
        int stride = (width * 3 + 3) & ~3;
        long pixelBytes = (long) stride * height;
        if (pixelBytes + FILE_HEADER + INFO_HEADER > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("image of " + width + "x" + height + " is too large for a BMP");
        }
        ByteBuffer header = ByteBuffer.allocate(FILE_HEADER + INFO_HEADER).order(ByteOrder.LITTLE_ENDIAN);
        header.put((byte) 'B').put((byte) 'M');
        header.putInt((int) (FILE_HEADER + INFO_HEADER + pixelBytes));
        header.putInt(0); // reserved
        header.putInt(FILE_HEADER + INFO_HEADER);
        header.putInt(INFO_HEADER);
        header.putInt(width);
        header.putInt(height); // positive: bottom-up rows
        header.putShort((short) 1); // planes
        header.putShort((short) 24);
        header.putInt(0); // BI_RGB
        header.putInt((int) pixelBytes);
        header.putInt(PIXELS_PER_METRE);
        header.putInt(PIXELS_PER_METRE);
        header.putInt(0); // colours in palette
        header.putInt(0); // important colours
        out.write(header.array());
        byte[] row = new byte[stride];
        for (int y = height - 1; y >= 0; y--) {
            for (int x = 0; x < width; x++) {
                int rgb = image.get(x, y);
                row[3 * x] = (byte) rgb;
                row[3 * x + 1] = (byte) (rgb >> 8);
                row[3 * x + 2] = (byte) (rgb >> 16);
            }
            out.write(row);
        }
    }
}

package org.labelbridge.testing;

import java.nio.ByteBuffer;

/** Image files for tests, as small as their readers allow. */
public final class ImageBytes {

    private ImageBytes() {
    }

    /** A whole PNG of one colour ({@code 0xRRGGBB}), decodable by any reader. */
    public static byte[] solidPng(int width, int height, int rgb) {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(width, height,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, rgb);
            }
        }
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(image, "png", png);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return png.toByteArray();
    }

    /** The first bytes of a PNG: signature and IHDR, enough for its header to give its size. */
    public static byte[] pngHeader(int width, int height) {
        ByteBuffer b = ByteBuffer.allocate(33);
        b.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a});
        b.putInt(13).put(new byte[] {'I', 'H', 'D', 'R'}).putInt(width).putInt(height);
        b.put(new byte[] {8, 2, 0, 0, 0}).putInt(0);
        return b.array();
    }
}

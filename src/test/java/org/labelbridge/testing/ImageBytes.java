package org.labelbridge.testing;

import java.nio.ByteBuffer;

/** Image files for tests, as small as their readers allow. */
public final class ImageBytes {

    private ImageBytes() {
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

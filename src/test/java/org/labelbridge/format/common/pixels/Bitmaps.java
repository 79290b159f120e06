package org.labelbridge.format.common.pixels;

import org.labelbridge.model.Rle;

/** Small bitmaps drawn as text rows: {@code '#'} set, {@code '.'} clear. */
final class Bitmaps {

    private Bitmaps() {
    }

    static byte[] parse(String... rows) {
        int width = rows[0].length();
        byte[] bitmap = new byte[rows.length * width];
        for (int y = 0; y < rows.length; y++) {
            for (int x = 0; x < width; x++) {
                bitmap[y * width + x] = (byte) (rows[y].charAt(x) == '#' ? 1 : 0);
            }
        }
        return bitmap;
    }

    static Rle rle(String... rows) {
        return Rle.fromBitmap(parse(rows), rows.length, rows[0].length());
    }

    static String show(byte[] bitmap, int height, int width) {
        StringBuilder out = new StringBuilder();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                out.append(bitmap[y * width + x] != 0 ? '#' : '.');
            }
            out.append('\n');
        }
        return out.toString();
    }

    static String show(Rle rle) {
        return show(rle.toBitmap(), rle.height(), rle.width());
    }

    static String rows(String... rows) {
        return String.join("\n", rows) + "\n";
    }

    static String raster(Coverage coverage, int height, int width) {
        return show(Rasterizer.bitmap(coverage, height, width), height, width);
    }
}

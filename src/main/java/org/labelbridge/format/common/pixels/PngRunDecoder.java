package org.labelbridge.format.common.pixels;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.labelbridge.format.FormatException;
import org.labelbridge.model.Rgb;

/**
 * Decodes a non-interlaced PNG straight into row runs: each row is inflated, unfiltered (all
 * five filter types) and cut into runs of equal samples as it arrives, so a mask costs one
 * row of bytes and its runs, never an array of the whole image. A row whose bytes equal the
 * row above takes that row's runs without looking at its pixels. Grey, palette, RGB, grey with
 * alpha and RGBA of every bit depth the PNG specification allows; alpha is ignored. Interlaced
 * (Adam7) files are left to ImageIO ({@link #decode} answers {@code null}).
 */
final class PngRunDecoder {

    private static final int SIGNATURE_LENGTH = 8;
    private static final int GREY = 0, RGB = 2, PALETTE = 3, GREY_ALPHA = 4, RGBA = 6;

    private final byte[] png;
    private final String file;
    private int width;
    private int height;
    private int depth;
    private int colourType;
    private int interlace = -1;
    private List<Rgb> palette;
    /** Offsets and lengths of the IDAT chunks' data, in file order. */
    private int[] idatAt = new int[4];
    private int[] idatLength = new int[4];
    private int idats;

    private PngRunDecoder(byte[] png, String file) {
        this.png = png;
        this.file = file;
    }

    /**
     * The mask the PNG holds, or {@code null} when it is interlaced.
     *
     * @param png  the whole file, starting with the PNG signature
     * @param file how to name the file in errors
     * @throws FormatException naming the file: a CRC mismatch, a truncated chunk or image data,
     *                         a bad filter type, a header the specification does not allow
     */
    static MaskImage decode(byte[] png, String file) throws FormatException {
        PngRunDecoder decoder = new PngRunDecoder(png, file);
        decoder.readChunks();
        return decoder.interlace != 0 ? null : decoder.decodeRows();
    }

    private void readChunks() throws FormatException {
        int p = SIGNATURE_LENGTH;
        CRC32 crc = new CRC32();
        while (p + 8 <= png.length) {
            long length = readInt(p) & 0xffffffffL;
            String type = new String(png, p + 4, 4, StandardCharsets.US_ASCII);
            if (length > png.length - p - 12L) {
                throw error("chunk " + type + " at byte " + p + " is truncated: it declares " + length
                        + " bytes of data, the file ends after " + Math.max(0, png.length - p - 8));
            }
            int data = p + 8, size = (int) length;
            crc.reset();
            crc.update(png, p + 4, 4 + size);
            int stored = readInt(data + size);
            if ((int) crc.getValue() != stored) {
                throw error("chunk " + type + " at byte " + p + " fails its CRC check (stored "
                        + hex(stored) + ", computed " + hex((int) crc.getValue()) + "): the file is corrupt");
            }
            switch (type) {
                case "IHDR" -> header(data, size);
                case "PLTE" -> palette(data, size);
                case "IDAT" -> addIdat(data, size);
                case "IEND" -> {
                    return;
                }
                default -> {
                    // ancillary chunks (gamma, transparency, text) do not change the samples
                }
            }
            if (interlace < 0) {
                throw error("the first chunk is " + type + ", not IHDR");
            }
            p = data + size + 4;
        }
        if (p != png.length) {
            throw error("truncated after byte " + p + " (a chunk needs at least 12 bytes)");
        }
    }

    private void header(int at, int size) throws FormatException {
        if (size != 13) {
            throw error("IHDR has " + size + " bytes, not 13");
        }
        width = readInt(at);
        height = readInt(at + 4);
        depth = png[at + 8] & 0xff;
        colourType = png[at + 9] & 0xff;
        interlace = png[at + 12] & 0xff;
        if (width <= 0 || height <= 0) {
            throw error("image of " + Integer.toUnsignedString(width) + "x" + Integer.toUnsignedString(height)
                    + " pixels (the width and height must be 1 to 2^31-1)");
        }
        if ((long) width * height > MaskImages.MAX_PIXELS) {
            throw FormatException.at(file, null, "image of " + width + "x" + height + " pixels is larger than the "
                    + MaskImages.MAX_PIXELS + " pixels a mask may have");
        }
        boolean allowed = switch (colourType) {
            case GREY -> depth == 1 || depth == 2 || depth == 4 || depth == 8 || depth == 16;
            case PALETTE -> depth == 1 || depth == 2 || depth == 4 || depth == 8;
            case RGB, GREY_ALPHA, RGBA -> depth == 8 || depth == 16;
            default -> false;
        };
        if (!allowed) {
            throw error("colour type " + colourType + " with bit depth " + depth + " is not a PNG image type");
        }
        if ((png[at + 10] | png[at + 11]) != 0 || interlace > 1) {
            throw error("unknown compression, filter or interlace method (" + png[at + 10] + ", " + png[at + 11]
                    + ", " + interlace + ")");
        }
    }

    private void palette(int at, int size) {
        // As ImageIO read it: at most 2^depth entries count.
        int entries = colourType == PALETTE ? Math.min(size / 3, 1 << depth) : size / 3;
        palette = new ArrayList<>(entries);
        for (int i = 0; i < entries; i++) {
            palette.add(new Rgb(png[at + 3 * i] & 0xff, png[at + 3 * i + 1] & 0xff, png[at + 3 * i + 2] & 0xff));
        }
    }

    private void addIdat(int at, int size) {
        if (idats == idatAt.length) {
            idatAt = Arrays.copyOf(idatAt, idats * 2);
            idatLength = Arrays.copyOf(idatLength, idats * 2);
        }
        idatAt[idats] = at;
        idatLength[idats++] = size;
    }

    private MaskImage decodeRows() throws FormatException {
        if (colourType == PALETTE && palette == null) {
            throw error("palette PNG without a PLTE chunk");
        }
        if (idats == 0) {
            throw error("no image data (IDAT chunk)");
        }
        int channels = switch (colourType) {
            case GREY, PALETTE -> 1;
            case GREY_ALPHA -> 2;
            case RGB -> 3;
            default -> 4;
        };
        int bitsPerPixel = channels * depth;
        int rowBytes = (int) (((long) width * bitsPerPixel + 7) / 8);
        int pixelBytes = Math.max(1, bitsPerPixel / 8);
        byte[] row = new byte[rowBytes + 1];
        byte[] above = new byte[rowBytes + 1];
        RowRuns runs = new RowRuns();
        RunImage.Builder image = new RunImage.Builder(height, width);
        Inflater inflater = new Inflater();
        try {
            int nextIdat = 0;
            for (int y = 0; y < height; y++) {
                int filled = 0;
                while (filled < row.length) {
                    int n = inflater.inflate(row, filled, row.length - filled);
                    filled += n;
                    if (n == 0 && filled < row.length) {
                        if (inflater.needsInput() && nextIdat < idats) {
                            inflater.setInput(png, idatAt[nextIdat], idatLength[nextIdat]);
                            nextIdat++;
                        } else if (inflater.needsDictionary()) {
                            throw error("image data asks for a preset zlib dictionary, which PNG does not allow");
                        } else {
                            throw error("image data is truncated: it ends in row " + y + " of " + height);
                        }
                    }
                }
                unfilter(row, above, pixelBytes, y);
                if (y > 0 && Arrays.equals(row, 1, row.length, above, 1, above.length)) {
                    runs.addTo(image); // the row above again
                } else {
                    runs.clear();
                    cut(row, pixelBytes, runs);
                    runs.addTo(image);
                }
                image.endRow();
                byte[] swap = above;
                above = row;
                row = swap;
            }
        } catch (DataFormatException e) {
            throw error("image data is not a valid zlib stream (" + e.getMessage() + ")");
        } finally {
            inflater.end();
        }
        MaskImage.Kind kind = switch (colourType) {
            case GREY, GREY_ALPHA -> MaskImage.Kind.GRAY;
            case PALETTE -> MaskImage.Kind.INDEXED;
            default -> MaskImage.Kind.RGB;
        };
        return new MaskImage(kind, height, width, kind == MaskImage.Kind.RGB ? Math.min(depth, 8) : depth,
                image.build(), kind == MaskImage.Kind.INDEXED ? palette : null);
    }

    /** Undoes the row's filter in place; {@code above} is the previous row unfiltered (zeros for the first). */
    private void unfilter(byte[] row, byte[] above, int bpp, int y) throws FormatException {
        int filter = row[0] & 0xff;
        int n = row.length;
        switch (filter) {
            case 0 -> {
            }
            case 1 -> {
                for (int i = 1 + bpp; i < n; i++) {
                    row[i] += row[i - bpp];
                }
            }
            case 2 -> {
                if (y > 0) {
                    for (int i = 1; i < n; i++) {
                        row[i] += above[i];
                    }
                }
            }
            case 3 -> {
                for (int i = 1; i < n; i++) {
                    int left = i > bpp ? row[i - bpp] & 0xff : 0;
                    int up = y > 0 ? above[i] & 0xff : 0;
                    row[i] += (byte) ((left + up) >>> 1);
                }
            }
            case 4 -> {
                for (int i = 1; i < n; i++) {
                    int a = i > bpp ? row[i - bpp] & 0xff : 0;
                    int b = y > 0 ? above[i] & 0xff : 0;
                    int c = i > bpp && y > 0 ? above[i - bpp] & 0xff : 0;
                    row[i] += (byte) paeth(a, b, c);
                }
            }
            default -> throw error("row " + y + " has filter type " + filter + ", PNG has 0 to 4: the image data is"
                    + " corrupt");
        }
    }

    private static int paeth(int a, int b, int c) {
        int p = a + b - c;
        int pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    /** The row's runs of equal samples: the grey value, palette index or colour {@code 0xRRGGBB}. */
    private void cut(byte[] row, int pixelBytes, RowRuns runs) {
        if (depth < 8) {
            int value = sample(row, 0);
            for (int x = 1; x < width; x++) {
                int v = sample(row, x);
                if (v != value) {
                    runs.add(x, value);
                    value = v;
                }
            }
            runs.add(width, value);
            return;
        }
        // Whole bytes per pixel: a run ends where a byte differs from the same byte of the next
        // pixel, found by comparing the row with itself one pixel on (a vectorised search).
        int end = 1 + width * pixelBytes;
        int x = 0;
        while (x < width) {
            int from = 1 + x * pixelBytes;
            int differs = Arrays.mismatch(row, from, end - pixelBytes, row, from + pixelBytes, end);
            int last = differs < 0 ? width - 1 : x + differs / pixelBytes; // the run's last pixel
            runs.add(last + 1, sample(row, x));
            x = last + 1;
        }
    }

    private int sample(byte[] row, int x) {
        switch (colourType) {
            case GREY, PALETTE:
                if (depth == 16) {
                    return (row[1 + 2 * x] & 0xff) << 8 | row[2 + 2 * x] & 0xff;
                }
                if (depth == 8) {
                    return row[1 + x] & 0xff;
                }
                int bit = x * depth;
                return (row[1 + (bit >> 3)] & 0xff) >> (8 - depth - (bit & 7)) & ((1 << depth) - 1);
            case GREY_ALPHA:
                return depth == 8 ? row[1 + 2 * x] & 0xff : (row[1 + 4 * x] & 0xff) << 8 | row[2 + 4 * x] & 0xff;
            default: // RGB, RGBA: 16-bit channels keep their high byte
                int step = (colourType == RGB ? 3 : 4) * (depth / 8);
                int at = 1 + x * step, channel = depth / 8;
                return (row[at] & 0xff) << 16 | (row[at + channel] & 0xff) << 8 | row[at + 2 * channel] & 0xff;
        }
    }

    private int readInt(int at) {
        return (png[at] & 0xff) << 24 | (png[at + 1] & 0xff) << 16 | (png[at + 2] & 0xff) << 8 | png[at + 3] & 0xff;
    }

    private static String hex(int v) {
        return String.format("%08x", v);
    }

    private FormatException error(String message) {
        return FormatException.at(file, null, "not a readable image (PNG: " + message + ")");
    }

    /** One row's runs, kept so that a repeated row can take them again. */
    private static final class RowRuns {
        private int[] ends = new int[16];
        private int[] values = new int[16];
        private int n;

        void clear() {
            n = 0;
        }

        void add(int end, int value) {
            if (n > 0 && values[n - 1] == value) { // the samples differ only in alpha
                ends[n - 1] = end;
                return;
            }
            if (n == ends.length) {
                ends = Arrays.copyOf(ends, n * 2);
                values = Arrays.copyOf(values, n * 2);
            }
            ends[n] = end;
            values[n++] = value;
        }

        void addTo(RunImage.Builder image) {
            for (int i = 0; i < n; i++) {
                image.run(ends[i], values[i]);
            }
        }
    }
}

package org.labelbridge.format.common.pixels;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.FormatException;
import org.labelbridge.model.Rgb;

/**
 * Reads mask files into a {@link MaskImage} of raw samples: palette indices stay indices,
 * 16-bit grey stays 16-bit, nothing is converted through a colour profile. PNGs are decoded
 * straight into row runs ({@link PngRunDecoder}); interlaced PNGs and other images (BMP;
 * whatever the JDK's ImageIO reads) go through ImageIO. Also reads an image's size from its
 * header alone.
 */
public final class MaskImages {

    /** Masks larger than this are refused before decoding (a decompression bomb guard). */
    public static final long MAX_PIXELS = 1L << 26;
    private static final byte[] PNG_SIGNATURE = {(byte) 137, 80, 78, 71, 13, 10, 26, 10};

    private MaskImages() {
    }

    /**
     * Decodes a mask.
     *
     * @param file how to name the file in errors ({@code source.describe(path)})
     * @throws FormatException when the bytes are not a readable image, naming the file
     */
    public static MaskImage read(InputStream in, String file) throws IOException {
        byte[] bytes = in.readAllBytes();
        if (isPng(bytes)) {
            MaskImage decoded = PngRunDecoder.decode(bytes, file);
            if (decoded != null) {
                return decoded;
            }
        }
        PngHeader png = PngHeader.of(bytes); // an interlaced PNG
        try (ImageInputStream stream = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            ImageReader reader = readerFor(stream, file);
            try {
                reader.setInput(stream, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if ((long) width * height > MAX_PIXELS) {
                    throw FormatException.at(file, null, "image of " + width + "x" + height
                            + " pixels is larger than the " + MAX_PIXELS + " pixels a mask may have");
                }
                return toMask(reader.read(0), png);
            } finally {
                reader.dispose();
            }
        } catch (FormatException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw FormatException.at(file, null, "not a readable image (" + describe(e) + ")");
        }
    }

    /** Decodes the mask at {@code path}; errors name it as the source describes it. */
    public static MaskImage read(DatasetSource source, String path) throws IOException {
        try (InputStream in = source.open(path)) {
            return read(in, source.describe(path));
        }
    }

    /**
     * Decodes a mask that must be a grey image of values, such as ids.
     *
     * @param values what the grey values are, for the error ({@code "ids"})
     */
    public static MaskImage readGrey(DatasetSource source, String path, String values) throws IOException {
        MaskImage image = read(source, path);
        if (image.kind() != MaskImage.Kind.GRAY) {
            throw FormatException.at(source.describe(path), null, "expected a grey PNG of " + values + ", got a "
                    + (image.kind() == MaskImage.Kind.RGB ? "colour" : "palette") + " PNG");
        }
        return image;
    }

    /** Whether the bytes start with the PNG signature: the mask formats' detectors' strong evidence. */
    public static boolean isPng(byte[] head) {
        return head.length >= PNG_SIGNATURE.length
                && Arrays.equals(head, 0, PNG_SIGNATURE.length, PNG_SIGNATURE, 0, PNG_SIGNATURE.length);
    }

    /** Whether the file starts with the PNG signature. */
    public static boolean isPng(DatasetSource source, String path) throws IOException {
        return isPng(source.head(path, PNG_SIGNATURE.length));
    }

    /** The image's {@code {width, height}} from its header, or {@code null} when it cannot be read. */
    public static int[] size(InputStream in) {
        try (ImageInputStream stream = new MemoryCacheImageInputStream(in)) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(stream);
            if (!readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(stream, true, true);
                return new int[] {reader.getWidth(0), reader.getHeight(0)};
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static ImageReader readerFor(ImageInputStream stream, String file) throws FormatException {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(stream);
        if (!readers.hasNext()) {
            throw FormatException.at(file, null, "not an image (expected a PNG or BMP mask)");
        }
        return readers.next();
    }

    /**
     * What ImageIO does not tell of an interlaced PNG: the PNG colour type (it gives 1-4 bit grey a palette) and
     * the true palette length (it pads palettes to 2, 4, 16 or 256 entries).
     */
    private record PngHeader(int colourType, int paletteSize) {

        static final PngHeader NONE = new PngHeader(-1, -1);

        static PngHeader of(byte[] bytes) {
            if (bytes.length < 33 || (bytes[0] & 0xff) != 137 || bytes[1] != 'P' || bytes[2] != 'N' || bytes[3] != 'G') {
                return NONE;
            }
            int colourType = bytes[25] & 0xff;
            int p = 8;
            while (p + 8 <= bytes.length) {
                long length = ByteBuffer.wrap(bytes, p, 4).getInt() & 0xffffffffL;
                String type = new String(bytes, p + 4, 4, StandardCharsets.US_ASCII);
                if (type.equals("PLTE")) {
                    return new PngHeader(colourType, (int) (length / 3));
                }
                if (type.equals("IDAT") || length > bytes.length) {
                    break;
                }
                p += 12 + (int) length;
            }
            return new PngHeader(colourType, -1);
        }

        boolean grey() {
            return colourType == 0 || colourType == 4;
        }
    }

    private static MaskImage toMask(BufferedImage image, PngHeader png) {
        int width = image.getWidth();
        int height = image.getHeight();
        Raster raster = image.getRaster();
        ColorModel model = image.getColorModel();
        int depth = raster.getSampleModel().getSampleSize(0);
        int[] band0 = raster.getSamples(0, 0, width, height, 0, new int[width * height]);
        boolean grey = png == PngHeader.NONE
                ? raster.getNumBands() <= 2 && !(model instanceof IndexColorModel)
                : png.grey();
        if (grey) {
            // ImageIO gives 1/2/4-bit grey PNGs a grey-ramp palette; its indices are the grey values.
            return new MaskImage(MaskImage.Kind.GRAY, height, width, depth, runs(height, width, band0), null);
        }
        if (model instanceof IndexColorModel palette) {
            int size = png.paletteSize() > 0 ? Math.min(png.paletteSize(), palette.getMapSize()) : palette.getMapSize();
            List<Rgb> colours = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                colours.add(new Rgb(palette.getRed(i), palette.getGreen(i), palette.getBlue(i)));
            }
            return new MaskImage(MaskImage.Kind.INDEXED, height, width, depth, runs(height, width, band0), colours);
        }
        if (raster.getNumBands() < 3) {
            throw new IllegalArgumentException("unsupported pixel layout (" + raster.getNumBands() + " channels)");
        }
        int[] green = raster.getSamples(0, 0, width, height, 1, new int[width * height]);
        int[] blue = raster.getSamples(0, 0, width, height, 2, new int[width * height]);
        int shift = Math.max(0, depth - 8); // 16-bit colour keeps its high byte
        for (int i = 0; i < band0.length; i++) {
            band0[i] = (band0[i] >> shift) << 16 | (green[i] >> shift) << 8 | blue[i] >> shift;
        }
        return new MaskImage(MaskImage.Kind.RGB, height, width, Math.min(depth, 8), runs(height, width, band0), null);
    }

    private static RunImage runs(int height, int width, int[] samples) {
        RunImage.Builder runs = new RunImage.Builder(height, width);
        for (int y = 0, i = 0; y < height; y++) {
            for (int x = 1; x <= width; x++, i++) {
                runs.run(x, samples[i]);
            }
            runs.endRow();
        }
        return runs.build();
    }

    private static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}

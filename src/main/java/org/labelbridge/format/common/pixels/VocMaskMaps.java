package org.labelbridge.format.common.pixels;

import java.io.IOException;
import java.io.InputStream;
import org.labelbridge.format.FormatException;

/**
 * Reads Pascal VOC's two segmentation PNGs as CVAT and Datumaro do: a class map
 * ({@code SegmentationClass/}) whose pixel colours are label colours, and an instance map
 * ({@code SegmentationObject/}) whose colours are VOC palette indices (instance ids). Grey
 * PNGs hold the label index or the instance id directly.
 */
public final class VocMaskMaps {

    private VocMaskMaps() {
    }

    /**
     * Decodes a mask file, refusing palette indices beyond its palette.
     *
     * @param file how to name the file in errors
     */
    public static MaskImage read(InputStream in, String file) throws IOException {
        MaskImage image = MaskImages.read(in, file);
        if (image.kind() == MaskImage.Kind.INDEXED) {
            int max = image.runs().max();
            if (max >= image.palette().size()) {
                throw FormatException.at(file, null, "palette index " + max + " is beyond the palette ("
                        + image.palette().size() + " colours)");
            }
        }
        return image;
    }

    /**
     * The label index of every pixel: a grey value is the index, a colour is looked up in
     * {@code colours}.
     *
     * @param labels       how many labels there are (grey values must be below)
     * @param file         how to name the file in errors
     * @param colourSource where the colours come from, for errors ({@code "labelmap.txt"})
     * @throws FormatException at the first pixel that is no label, naming file and pixel
     */
    public static RunImage classes(MaskImage image, ColorMap colours, int labels, String file, String colourSource)
            throws FormatException {
        return PixelValues.read(image, file, PixelValues.Reading.of(sample -> {
            int label = image.kind() == MaskImage.Kind.GRAY ? sample : colours.indexOf(image.colourOf(sample));
            return label < labels ? label : -1;
        }, sample -> unknownClass(image, sample, labels, colourSource)));
    }

    private static String unknownClass(MaskImage image, int sample, int labels, String colourSource) {
        if (image.kind() == MaskImage.Kind.GRAY) {
            return "grey value " + sample + " is not a label index (there are " + labels + " labels, 0.."
                    + (labels - 1) + ")";
        }
        return "colour " + MaskImage.describe(image.colourOf(sample))
                + (image.kind() == MaskImage.Kind.INDEXED ? " (palette index " + sample + ")" : "")
                + " is not a label colour in " + colourSource;
    }

    /** The instance id of every pixel (0 = none): grey values are ids, colours VOC palette indices. */
    public static RunImage instances(MaskImage image) {
        if (image.kind() == MaskImage.Kind.GRAY) {
            return image.runs();
        }
        if (image.kind() == MaskImage.Kind.INDEXED) { // each palette entry looked up once
            int[] ids = new int[image.palette().size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = VocPalette.index(image.colourOf(i));
            }
            return image.runs().map(sample -> ids[sample]);
        }
        return image.runs().map(sample -> VocPalette.index(image.colourOf(sample)));
    }
}

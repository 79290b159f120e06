package org.labelbridge.format.common.pixels;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
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
            int max = image.samples().max();
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
    public static IndexImage classes(MaskImage image, ColorMap colours, int labels, String file, String colourSource)
            throws FormatException {
        IndexImage out = new IndexImage(image.height(), image.width());
        Map<Integer, Integer> bySample = new HashMap<>();
        int lastSample = -1;
        int lastLabel = -1;
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                int sample = image.sample(x, y);
                if (sample != lastSample) { // masks are long runs of one value
                    Integer label = bySample.get(sample);
                    if (label == null) {
                        label = image.kind() == MaskImage.Kind.GRAY ? sample : colours.indexOf(image.colourOf(sample));
                        if (label < 0 || label >= labels) {
                            throw FormatException.at(file, "pixel (" + x + ", " + y + ")",
                                    unknownClass(image, sample, labels, colourSource));
                        }
                        bySample.put(sample, label);
                    }
                    lastSample = sample;
                    lastLabel = label;
                }
                out.set(x, y, lastLabel);
            }
        }
        return out;
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
    public static IndexImage instances(MaskImage image) {
        if (image.kind() == MaskImage.Kind.GRAY) {
            return image.samples();
        }
        IndexImage out = new IndexImage(image.height(), image.width());
        int lastSample = -1;
        int lastId = 0;
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                int sample = image.sample(x, y);
                if (sample != lastSample) {
                    lastSample = sample;
                    lastId = VocPalette.index(image.colourOf(sample));
                }
                out.set(x, y, lastId);
            }
        }
        return out;
    }
}

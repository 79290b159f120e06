package org.labelbridge.format.common.pixels;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;
import org.labelbridge.format.FormatException;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.AnnotationInfo;
import org.labelbridge.model.Mask;
import org.labelbridge.model.Rle;

/**
 * The one way the mask readers (CamVid, Segmentation mask, Cityscapes, KITTI, MOTS) turn the
 * pixels of a mask file into annotations: each sample is read as the value it stands for (a
 * label index, a coded class and instance), once per distinct sample; the map of values is then
 * split into one {@link Mask} per value, with the annotation the format gives that value.
 */
public final class PixelValues {

    /** How a format reads a sample of its mask file. */
    public interface Reading {

        /** The value (0 or more) the sample stands for, or a negative number when it stands for nothing. */
        int valueOf(int sample);

        /** Why the sample stands for nothing, for the error that names the file and the pixel. */
        String rejected(int sample);

        static Reading of(IntUnaryOperator valueOf, IntFunction<String> rejected) {
            return new Reading() {
                @Override
                public int valueOf(int sample) {
                    return valueOf.applyAsInt(sample);
                }

                @Override
                public String rejected(int sample) {
                    return rejected.apply(sample);
                }
            };
        }
    }

    /** How a format reads a value of its map: the annotation it stands for, or {@code null} for none. */
    @FunctionalInterface
    public interface Meaning {
        AnnotationInfo infoOf(int value) throws FormatException;
    }

    private PixelValues() {
    }

    /**
     * The image's samples, each replaced by its value, run by run; throws at the first pixel
     * (in row order) whose sample stands for nothing.
     *
     * @param file how to name the file in errors ({@code source.describe(path)})
     */
    public static RunImage read(MaskImage image, String file, Reading reading) throws FormatException {
        RunImage samples = image.runs();
        RunImage.Builder values = new RunImage.Builder(samples.height(), samples.width());
        Map<Integer, Integer> known = new HashMap<>();
        int lastSample = -1, lastValue = -1; // the previous run's: a mask has few distinct samples
        for (int y = 0; y < samples.height(); y++) {
            for (int k = 0; k < samples.runs(y); k++) {
                int sample = samples.runValue(y, k);
                if (sample == lastSample) {
                    values.run(samples.runEnd(y, k), lastValue);
                    continue;
                }
                Integer value = known.get(sample);
                if (value == null) {
                    value = reading.valueOf(sample);
                    if (value < 0) {
                        throw FormatException.at(file, "pixel (" + samples.runStart(y, k) + ", " + y + ")",
                                reading.rejected(sample));
                    }
                    known.put(sample, value);
                }
                values.run(samples.runEnd(y, k), value);
                lastSample = sample;
                lastValue = value;
            }
            values.endRow();
        }
        return values.build();
    }

    /** One mask per value of the map, by ascending value, labelled as the format reads the value. */
    public static List<Annotation> masks(RunImage map, Meaning meaning) throws FormatException {
        List<Annotation> masks = new ArrayList<>();
        for (Map.Entry<Integer, Rle> value : MaskSplitter.masks(map).entrySet()) {
            AnnotationInfo info = meaning.infoOf(value.getKey());
            if (info != null) {
                masks.add(new Mask(info, value.getValue()));
            }
        }
        return masks;
    }
}

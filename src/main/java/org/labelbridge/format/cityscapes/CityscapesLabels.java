package org.labelbridge.format.cityscapes;

import static org.labelbridge.format.common.pixels.LabelColors.entry;

import java.util.List;
import org.labelbridge.format.common.pixels.LabelColors;

/**
 * The label tables a Cityscapes dataset without a label_colors.txt has: the 35 labels by
 * Cityscapes id ({@link LabelColors#cityscapes()}), or, for labelTrainIds masks, the 19
 * training classes by train id with {@code background} as 19, as CVAT reads them.
 */
final class CityscapesLabels {

    static final List<LabelColors.Entry> TRAIN = List.of(
            entry("road", 128, 64, 128), entry("sidewalk", 244, 35, 232), entry("building", 70, 70, 70),
            entry("wall", 102, 102, 156), entry("fence", 190, 153, 153), entry("pole", 153, 153, 153),
            entry("trafficlight", 250, 170, 30), entry("trafficsign", 220, 220, 0), entry("vegetation", 107, 142, 35),
            entry("terrain", 152, 251, 152), entry("sky", 70, 130, 180), entry("person", 220, 20, 60),
            entry("rider", 255, 0, 0), entry("car", 0, 0, 142), entry("truck", 0, 0, 70), entry("bus", 0, 60, 100),
            entry("train", 0, 80, 100), entry("motorcycle", 0, 0, 230), entry("bicycle", 119, 11, 32),
            entry("background", 0, 0, 0));

    /** The train id of background in {@link #TRAIN}. */
    static final int TRAIN_BACKGROUND = 19;

    /** Cityscapes' labelTrainIds value for pixels no training class covers. */
    static final int TRAIN_IGNORE = 255;

    private CityscapesLabels() {
    }
}

package org.labelbridge.format.cityscapes;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.labelbridge.format.DatasetReader;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.FormatException;
import org.labelbridge.format.Problems;
import org.labelbridge.format.common.ImageHeaders;
import org.labelbridge.format.common.pixels.LabelColors;
import org.labelbridge.format.common.pixels.MaskImage;
import org.labelbridge.format.common.pixels.MaskImages;
import org.labelbridge.format.common.pixels.PixelValues;
import org.labelbridge.format.common.pixels.RunImage;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.AnnotationInfo;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;
import org.labelbridge.model.Media;

/**
 * Indexes the files by name first, then decodes one id map per item when it is reached: a
 * value {@code v >= 1000} is instance {@code v % 1000} of label {@code v / 1000}, a smaller
 * value is label {@code v} as a crowd (no instance id).
 */
final class CityscapesReader implements DatasetReader {

    /** Label tables CVAT (label_colors.txt) and CVAT's documentation (label_color.txt) name. */
    static final List<String> LABEL_FILES = List.of(LabelColors.FILE_NAME, "label_color.txt");

    private record Entry(String subset, String id, CityscapesFiles.Paths paths) {
    }

    private final DatasetSource source;
    private final Problems problems;
    private final Categories categories;
    private final boolean trainIds;
    private final boolean ignoreIsBackground;
    private final List<Entry> entries = new ArrayList<>();
    private boolean ignoreReported;
    private int next;

    CityscapesReader(DatasetSource source, Problems problems) throws IOException {
        this.source = source;
        this.problems = problems;
        CityscapesFiles files = CityscapesFiles.scan(source);
        if (files.items.isEmpty()) {
            throw new FormatException(source.describe(CityscapesFiles.GT_FINE) + ": no *" + CityscapesFiles.INSTANCE_IDS
                    + " masks or " + CityscapesFiles.IMAGES + " images: not a Cityscapes dataset");
        }
        this.trainIds = files.trainIds();
        String labelFile = LABEL_FILES.stream().filter(source::exists).findFirst().orElse(null);
        if (labelFile != null) {
            try (InputStream in = source.open(labelFile)) {
                categories = LabelColors.categories(LabelColors.parse(in, source.describe(labelFile)));
            }
        } else {
            categories = LabelColors.categories(trainIds ? CityscapesLabels.TRAIN : LabelColors.cityscapes());
        }
        this.ignoreIsBackground = trainIds && labelFile == null;
        if (trainIds && files.instanceIdsFiles > 0) {
            problems.dataset(files.instanceIdsFiles + " *" + CityscapesFiles.INSTANCE_IDS + " mask(s) not read: the dataset has *"
                    + CityscapesFiles.LABEL_TRAIN_IDS + " masks, which are read instead (as CVAT does), as crowd masks of"
                    + (labelFile == null ? " the 19 training classes and background" : " the labels of " + labelFile));
        }
        for (Map.Entry<String, Map<String, CityscapesFiles.Paths>> subset : files.items.entrySet()) {
            subset.getValue().forEach((id, paths) -> entries.add(new Entry(subset.getKey(), id, paths)));
        }
    }

    @Override
    public Categories categories() {
        return categories;
    }

    @Override
    public Item next() throws IOException {
        if (next >= entries.size()) {
            return null;
        }
        Entry entry = entries.get(next++);
        CityscapesFiles.Paths paths = entry.paths();
        String masks = trainIds ? paths.labelTrainIds : paths.instanceIds != null ? paths.instanceIds : paths.labelIds;
        if (masks == null) {
            if (!trainIds && paths.color != null) {
                problems.item(entry.id(), paths.color + " not read: only the id masks (instanceIds, labelIds) tell"
                        + " labels apart; the item has none");
            }
            return new Item(entry.id(), entry.subset(), media(paths.image), List.of());
        }
        RunImage ids = idMap(masks);
        List<Annotation> annotations = PixelValues.masks(ids, value -> {
            boolean crowd = value < 1000;
            return new AnnotationInfo(crowd ? value : value / 1000, crowd ? 0 : value % 1000, 0, 0,
                    Map.of("is_crowd", crowd), null);
        });
        return new Item(entry.id(), entry.subset(), new Media(paths.image, ids.width(), ids.height()), annotations);
    }

    private Media media(String image) throws IOException {
        return ImageHeaders.media(source, image);
    }

    /** The id per pixel, each checked to name a label. */
    private RunImage idMap(String path) throws IOException {
        MaskImage image = MaskImages.readGrey(source, path, "ids");
        int labels = categories.labels().size();
        return PixelValues.read(image, source.describe(path), PixelValues.Reading.of(value -> {
            if (ignoreIsBackground && value == CityscapesLabels.TRAIN_IGNORE) {
                reportIgnore();
                return CityscapesLabels.TRAIN_BACKGROUND;
            }
            return labelOf(value) < labels ? value : -1;
        }, value -> "id " + value + " names label " + labelOf(value) + ", but there are " + labels + " labels (0.."
                + (labels - 1) + ")"));
    }

    private static int labelOf(int id) {
        return id < 1000 ? id : id / 1000;
    }

    private void reportIgnore() {
        if (!ignoreReported) {
            ignoreReported = true;
            problems.dataset("labelTrainIds value " + CityscapesLabels.TRAIN_IGNORE + " (Cityscapes' 'ignore') read as '"
                    + CityscapesLabels.TRAIN.get(CityscapesLabels.TRAIN_BACKGROUND).name() + "'");
        }
    }
}

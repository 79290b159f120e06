package org.labelbridge.format.coco;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.labelbridge.format.FormatException;
import org.labelbridge.format.Problems;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.Item;
import org.labelbridge.model.Mask;
import org.labelbridge.model.Media;

/**
 * Everything read from the task files, compact, until items are yielded: one entry per image
 * (merged across task files by subset and file name), and per annotation only its item, its
 * label and the address of its encoded record. COCO lists annotations apart from images, so
 * they are put in item order by a counting sort once all files are read.
 */
final class CocoIndex {

    /** One image: what the item is made of, before its annotations. */
    private record Image(String id, String subset, Media media, long imageId) {
    }

    private final List<Image> images = new ArrayList<>();
    private final Map<String, Integer> imagesByKey = new HashMap<>();

    private final RecordPool pool = new RecordPool();
    private final AnnotationCodec codec = new AnnotationCodec();
    private final RecordBuffer buffer = new RecordBuffer();
    private final CocoLabels labels = new CocoLabels();
    private int[] itemOf = new int[1024];
    private int[] labelOf = new int[1024];
    private long[] addresses = new long[1024];
    private int annotations;

    /** Annotation numbers sorted by item, and where each item's run starts. */
    private int[] order;
    private int[] starts;

    CocoLabels labels() {
        return labels;
    }

    AnnotationCodec codec() {
        return codec;
    }

    RecordBuffer buffer() {
        return buffer;
    }

    /**
     * The item for an image; an image already seen (same subset and item id, from another task
     * file) is the same item, and gains a size it lacked.
     *
     * @return the item number, and whether it is new ({@code -1 - number} when it was known)
     */
    int addImage(String itemId, String subset, Media media, long imageId) {
        String key = subset + '\u0000' + itemId;
        Integer known = imagesByKey.get(key);
        if (known != null) {
            Image image = images.get(known);
            if (!image.media().hasSize() && media.hasSize()) {
                images.set(known, new Image(itemId, subset,
                        image.media().withSize(media.width(), media.height()), image.imageId()));
            }
            return -1 - known;
        }
        images.add(new Image(itemId, subset, media, imageId));
        imagesByKey.put(key, images.size() - 1);
        return images.size() - 1;
    }

    /** Stores the record in {@link #buffer()}; returns the annotation's number. */
    int addAnnotation() {
        if (annotations == addresses.length) {
            int size = annotations + (annotations >> 1);
            itemOf = Arrays.copyOf(itemOf, size);
            labelOf = Arrays.copyOf(labelOf, size);
            addresses = Arrays.copyOf(addresses, size);
        }
        addresses[annotations] = pool.add(buffer);
        return annotations++;
    }

    /** Ties an annotation to its item and label ({@code -1} for none), once its file is read. */
    void resolve(int annotation, int item, int label) {
        itemOf[annotation] = item;
        labelOf[annotation] = label;
    }

    /** The id an annotation's record holds. */
    long annotationId(int annotation) {
        return AnnotationCodec.id(pool.open(addresses[annotation]));
    }

    int itemCount() {
        return images.size();
    }

    /**
     * Makes the labels of one name one label ({@link CocoLabels#settle}); call once, after the last
     * file, before {@link #sortByItem}.
     */
    void settleLabels(Problems problems) throws FormatException {
        BitSet used = new BitSet();
        for (int a = 0; a < annotations; a++) {
            if (labelOf[a] >= 0) {
                used.set(labelOf[a]);
            }
        }
        int[] remap = labels.settle(used, problems);
        if (remap != null) {
            for (int a = 0; a < annotations; a++) {
                if (labelOf[a] >= 0) {
                    labelOf[a] = remap[labelOf[a]];
                }
            }
        }
    }

    /** Puts the annotations in item order; call once, after the last file. */
    void sortByItem() {
        starts = new int[images.size() + 1];
        for (int a = 0; a < annotations; a++) {
            starts[itemOf[a] + 1]++;
        }
        for (int i = 0; i < images.size(); i++) {
            starts[i + 1] += starts[i];
        }
        order = new int[annotations];
        int[] next = Arrays.copyOf(starts, images.size());
        for (int a = 0; a < annotations; a++) {
            order[next[itemOf[a]]++] = a;
        }
        itemOf = null;
    }

    /**
     * The item with its annotations, in file order. An annotation equal to one a previous task
     * file gave the same item (person_keypoints repeats the instances' segmentation) is given once.
     */
    Item item(int number, Problems problems) {
        Image image = images.get(number);
        List<Annotation> result = new ArrayList<>(starts[number + 1] - starts[number]);
        ItemGroups groups = new ItemGroups();
        int currentFile = -1;
        int earlierFiles = 0;
        List<Annotation> decoded = new ArrayList<>(2);
        for (int k = starts[number]; k < starts[number + 1]; k++) {
            int a = order[k];
            decoded.clear();
            int label = labelOf[a];
            int file = codec.decode(pool.open(addresses[a]), label < 0 ? null : label, labels, groups, decoded);
            if (file != currentFile) {
                currentFile = file;
                earlierFiles = result.size();
            }
            for (Annotation annotation : decoded) {
                if (earlierFiles == 0 || !result.subList(0, earlierFiles).contains(annotation)) {
                    result.add(annotation);
                }
                checkMaskSize(annotation, image, problems);
            }
        }
        return new Item(image.id(), image.subset(), image.media(), result, Map.of("id", image.imageId()));
    }

    private static void checkMaskSize(Annotation annotation, Image image, Problems problems) {
        if (annotation instanceof Mask mask && image.media().hasSize()
                && (mask.rle().width() != image.media().width() || mask.rle().height() != image.media().height())) {
            problems.item(image.id(), "mask of annotation " + mask.info().id() + " is "
                    + mask.rle().width() + "x" + mask.rle().height() + ", the image "
                    + image.media().width() + "x" + image.media().height());
        }
    }

    /**
     * Group numbers of one item: the annotation id (so all tasks' annotations of one object
     * share it), or, for an id beyond {@code int} (COCO's crowd ids reach 9e11), a number counted
     * down from {@link Integer#MAX_VALUE}.
     */
    private static final class ItemGroups implements java.util.function.LongToIntFunction {
        private Map<Long, Integer> large;

        @Override
        public int applyAsInt(long id) {
            if (id > 0 && id <= Integer.MAX_VALUE) {
                return (int) id;
            }
            if (large == null) {
                large = new HashMap<>();
            }
            return large.computeIfAbsent(id, k -> Integer.MAX_VALUE - large.size());
        }
    }
}

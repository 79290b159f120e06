package org.labelbridge.insight;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.AnnotationKind;
import org.labelbridge.model.Bbox;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;
import org.labelbridge.model.Mask;
import org.labelbridge.model.Media;

/**
 * The numbers of a dataset, counted one item at a time: per subset and per label the
 * annotations of each kind, items without annotations, box sizes and aspect ratios and mask
 * area fractions as fixed-bucket histograms, attribute values (capped), tracks and their
 * lengths, image sizes. Its memory is fixed by the labels, subsets and caps, not by the items.
 */
public final class DatasetStatistics {

    /** Subsets counted one by one; beyond, their items count under {@link #OTHER}. */
    static final int MAX_SUBSETS = 64;
    /** Attribute names whose values are counted. */
    static final int MAX_ATTRIBUTES = 32;
    /** Distinct values counted per attribute, and distinct image sizes. */
    static final int MAX_VALUES = 20;
    static final String OTHER = "(other)";
    static final String UNLABELLED = "(no label)";

    private static final AnnotationKind[] KINDS = AnnotationKind.values();

    private Categories categories = Categories.EMPTY;
    private final Map<String, SubsetCounts> subsets = new TreeMap<>();
    /** Annotations per label (index + 1; 0 is unlabelled) and kind. */
    private long[][] perLabel = new long[1][KINDS.length];
    /** Items with the label, and the last item counted for it. */
    private long[] itemsWithLabel = new long[1];
    private long[] lastItemOfLabel = new long[1];
    private long items;
    private long itemsWithoutAnnotations;
    private long itemsWithoutSize;
    private final Histogram annotationsPerItem = new Histogram(1, 2, 3, 5, 10, 20, 50, 100);
    private final Histogram boxWidth = Histogram.geometric(1, 2, 4096);
    private final Histogram boxHeight = Histogram.geometric(1, 2, 4096);
    private final Histogram boxArea = Histogram.geometric(1, 4, 16_777_216);
    private final Histogram boxAspect = Histogram.geometric(0.125, 2, 8);
    private final Histogram maskAreaFraction = new Histogram(0.001, 0.01, 0.05, 0.1, 0.25, 0.5);
    private final Histogram imageWidth = Histogram.geometric(32, 2, 8192);
    private final Histogram imageHeight = Histogram.geometric(32, 2, 8192);
    private final CappedCounts imageSizes = new CappedCounts(MAX_VALUES);
    private final Map<String, CappedCounts> attributes = new LinkedHashMap<>();
    private long attributesNotCounted;
    private final TrackSpans tracks;

    DatasetStatistics(TrackSpans tracks) {
        this.tracks = tracks;
    }

    /** Counts per subset. */
    private static final class SubsetCounts {
        long items;
        long withoutAnnotations;
        final long[] kinds = new long[KINDS.length];
    }

    void begin(Categories newCategories) {
        this.categories = newCategories;
        int n = newCategories.labels().size() + 1;
        perLabel = new long[n][KINDS.length];
        itemsWithLabel = new long[n];
        lastItemOfLabel = new long[n];
        java.util.Arrays.fill(lastItemOfLabel, -1);
    }

    void accept(Item item) {
        long ordinal = items++;
        SubsetCounts subset = subsets.get(item.subset());
        if (subset == null) {
            String name = subsets.size() < MAX_SUBSETS ? item.subset() : OTHER;
            subset = subsets.computeIfAbsent(name, n -> new SubsetCounts());
        }
        subset.items++;
        List<Annotation> annotations = item.annotations();
        annotationsPerItem.add(annotations.size());
        if (annotations.isEmpty()) {
            itemsWithoutAnnotations++;
            subset.withoutAnnotations++;
        }
        Media media = item.media();
        if (media.hasSize()) {
            imageWidth.add(media.width());
            imageHeight.add(media.height());
            imageSizes.add(media.width() + "x" + media.height());
        } else {
            itemsWithoutSize++;
        }
        for (Annotation a : annotations) {
            int kind = a.kind().ordinal();
            subset.kinds[kind]++;
            int label = labelSlot(a.label());
            perLabel[label][kind]++;
            if (lastItemOfLabel[label] != ordinal) {
                lastItemOfLabel[label] = ordinal;
                itemsWithLabel[label]++;
            }
            if (a instanceof Bbox box) {
                boxWidth.add(box.w());
                boxHeight.add(box.h());
                boxArea.add(box.w() * box.h());
                if (box.h() > 0) {
                    boxAspect.add(box.w() / box.h());
                }
            } else if (a instanceof Mask mask) {
                long pixels = (long) mask.rle().width() * mask.rle().height();
                if (pixels > 0) {
                    maskAreaFraction.add((double) mask.rle().area() / pixels);
                }
            }
            if (!a.attributes().isEmpty()) {
                countAttributes(a.attributes());
            }
        }
    }

    private int labelSlot(Integer label) {
        return label == null || label < 0 || label + 1 >= perLabel.length ? 0 : label + 1;
    }

    private void countAttributes(Map<String, Object> values) {
        for (Map.Entry<String, Object> e : values.entrySet()) {
            CappedCounts counts = attributes.get(e.getKey());
            if (counts == null) {
                if (attributes.size() >= MAX_ATTRIBUTES) {
                    attributesNotCounted++;
                    continue;
                }
                counts = new CappedCounts(MAX_VALUES);
                attributes.put(e.getKey(), counts);
            }
            counts.add(valueText(e.getValue()));
        }
    }

    private static String valueText(Object value) {
        if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString(d.longValue());
        }
        return String.valueOf(value);
    }

    public long items() {
        return items;
    }

    public long itemsWithoutAnnotations() {
        return itemsWithoutAnnotations;
    }

    /** Annotations of a label (by name, top-level or any parent) and kind; 0 when none. */
    public long annotations(String label, AnnotationKind kind) {
        for (int i = 0; i < categories.labels().size(); i++) {
            if (categories.label(i).name().equals(label)) {
                return perLabel[i + 1][kind.ordinal()];
            }
        }
        return 0;
    }

    /** Annotations per label index + 1 (0 unlabelled), all kinds together. */
    long[] annotationsPerLabelSlot() {
        long[] totals = new long[perLabel.length];
        for (int i = 0; i < perLabel.length; i++) {
            for (long n : perLabel[i]) {
                totals[i] += n;
            }
        }
        return totals;
    }

    /** The statistics as a JSON-ready map, in a stable order. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("items", items);
        map.put("items_without_annotations", itemsWithoutAnnotations);
        Map<String, Object> bySubset = new LinkedHashMap<>();
        subsets.forEach((name, counts) -> {
            Map<String, Object> subset = new LinkedHashMap<>();
            subset.put("items", counts.items);
            subset.put("items_without_annotations", counts.withoutAnnotations);
            subset.put("annotations", kinds(counts.kinds));
            bySubset.put(name, subset);
        });
        map.put("subsets", bySubset);
        Map<String, Object> byLabel = new LinkedHashMap<>();
        for (int slot = 0; slot < perLabel.length; slot++) {
            Map<String, Long> kinds = kinds(perLabel[slot]);
            if (slot == 0 && kinds.isEmpty()) {
                continue;
            }
            Map<String, Object> label = new LinkedHashMap<>();
            label.put("items", itemsWithLabel[slot]);
            label.put("annotations", kinds);
            byLabel.put(slot == 0 ? UNLABELLED : labelName(slot - 1), label);
        }
        map.put("labels", byLabel);
        map.put("annotations_per_item", annotationsPerItem.toMap());
        Map<String, Object> boxes = new LinkedHashMap<>();
        boxes.put("width", boxWidth.toMap());
        boxes.put("height", boxHeight.toMap());
        boxes.put("area", boxArea.toMap());
        boxes.put("aspect_ratio", boxAspect.toMap());
        map.put("boxes", boxes);
        if (maskAreaFraction.count() > 0) {
            map.put("mask_area_fraction", maskAreaFraction.toMap());
        }
        Map<String, Object> images = new LinkedHashMap<>();
        images.put("without_size", itemsWithoutSize);
        images.put("width", imageWidth.toMap());
        images.put("height", imageHeight.toMap());
        images.put("sizes", withOther(imageSizes));
        map.put("images", images);
        Map<String, Object> attributeValues = new LinkedHashMap<>();
        attributes.forEach((name, counts) -> attributeValues.put(name, withOther(counts)));
        if (attributesNotCounted > 0) {
            attributeValues.put(OTHER, attributesNotCounted);
        }
        map.put("attributes", attributeValues);
        map.put("tracks", trackMap());
        return map;
    }

    private Map<String, Object> trackMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        Histogram lengths = new Histogram(2, 5, 10, 25, 50, 100, 250, 1000);
        Histogram spans = new Histogram(2, 5, 10, 25, 50, 100, 250, 1000);
        for (TrackSpans.Span span : tracks.spans().values()) {
            lengths.add(span.visible);
            spans.add(span.last - span.first + 1);
        }
        map.put("count", (long) tracks.spans().size());
        map.put("visible_frames", lengths.toMap());
        map.put("frames_first_to_last", spans.toMap());
        return map;
    }

    /** A label's name, with its parent where a name alone is ambiguous (skeleton nodes). */
    String labelName(int index) {
        var label = categories.label(index);
        return label.hasParent() ? label.parent() + "." + label.name() : label.name();
    }

    private static Map<String, Object> withOther(CappedCounts counts) {
        Map<String, Object> map = counts.toMap();
        if (counts.other() > 0) {
            map.put(OTHER, counts.other());
        }
        return map;
    }

    private static Map<String, Long> kinds(long[] counts) {
        Map<String, Long> map = new LinkedHashMap<>();
        for (AnnotationKind kind : KINDS) {
            if (counts[kind.ordinal()] > 0) {
                map.put(kind.id(), counts[kind.ordinal()]);
            }
        }
        return map;
    }

    Categories categories() {
        return categories;
    }
}

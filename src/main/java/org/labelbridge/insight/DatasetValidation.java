package org.labelbridge.insight;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.Bbox;
import org.labelbridge.model.Caption;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Cuboid2d;
import org.labelbridge.model.Cuboid3d;
import org.labelbridge.model.Ellipse;
import org.labelbridge.model.Item;
import org.labelbridge.model.Label;
import org.labelbridge.model.Mask;
import org.labelbridge.model.Media;
import org.labelbridge.model.Points;
import org.labelbridge.model.Polygon;
import org.labelbridge.model.Polyline;
import org.labelbridge.model.Skeleton;
import org.labelbridge.model.SkeletonDef;

/**
 * The {@link Check}s, run one item at a time as the dataset streams; the label checks, which
 * need every item, run at the end from the statistics' counts. Each check keeps its count and
 * its first {@value #EXAMPLES} places, and the items of those places for the preview.
 */
public final class DatasetValidation {

    static final int EXAMPLES = 5;

    private final CheckThresholds thresholds;
    private final ImageFingerprints images;
    private final Map<Check, long[]> counts = new EnumMap<>(Check.class);
    private final Map<Check, List<String>> examples = new EnumMap<>(Check.class);
    private final Set<String> flaggedItems = new LinkedHashSet<>();
    private final Map<Check, String> notChecked = new EnumMap<>(Check.class);
    private Categories categories = Categories.EMPTY;
    private long boxesWithoutImageSize;
    private List<Finding> findings;

    DatasetValidation(CheckThresholds thresholds, DatasetSource media) {
        this.thresholds = thresholds;
        this.images = new ImageFingerprints(media);
    }

    void begin(Categories newCategories) {
        this.categories = newCategories;
    }

    /** The gaps {@link TrackSpans} finds come here. */
    void trackGap(long track, long from, long to, String itemId, String subset) {
        found(Check.TRACK_GAP, itemId, subset, "track " + track + " has no shape in frame"
                + (from == to ? " " + from : "s " + from + "-" + to));
    }

    void accept(Item item) {
        List<Annotation> annotations = item.annotations();
        if (annotations.isEmpty()) {
            found(Check.IMAGE_WITHOUT_ANNOTATIONS, item.id(), item.subset(), "no annotations");
        }
        images.accept(item.id(), item.subset(), item.media().path());
        for (Annotation a : annotations) {
            if (a instanceof Bbox box) {
                checkInside(item, box);
            }
            double area = area(a);
            if (area == 0) {
                found(Check.ZERO_AREA, item.id(), item.subset(), a.kind().id() + label(a) + " has no area");
            } else if (area > 0 && area < thresholds.nearZeroArea()) {
                found(Check.NEAR_ZERO_AREA, item.id(), item.subset(), a.kind().id() + label(a) + " covers "
                        + Histogram.round(area) + " px²");
            }
            if (a instanceof Skeleton skeleton) {
                checkNodes(item, skeleton);
            }
        }
        if (annotations.size() > 1) {
            checkDuplicates(item);
        }
    }

    private void checkInside(Item item, Bbox box) {
        Media media = item.media();
        if (!media.hasSize()) {
            boxesWithoutImageSize++;
            return;
        }
        double[] e = extent(box);
        int width = media.width();
        int height = media.height();
        if (e[2] <= 0 || e[3] <= 0 || e[0] >= width || e[1] >= height) {
            found(Check.BOX_OUTSIDE_IMAGE, item.id(), item.subset(), "box" + label(box) + " " + corners(e)
                    + " lies outside the " + width + "x" + height + " image");
        } else {
            double tolerance = thresholds.outsideTolerance();
            if (e[0] < -tolerance || e[1] < -tolerance || e[2] > width + tolerance || e[3] > height + tolerance) {
                found(Check.BOX_PARTLY_OUTSIDE_IMAGE, item.id(), item.subset(), "box" + label(box) + " " + corners(e)
                        + " reaches beyond the " + width + "x" + height + " image");
            }
        }
    }

    /** {@code x1, y1, x2, y2} of the box, rotated boxes by their corners. */
    private static double[] extent(Bbox box) {
        if (box.rotation() == 0) {
            return new double[] {box.x(), box.y(), box.x2(), box.y2()};
        }
        double cx = box.x() + box.w() / 2;
        double cy = box.y() + box.h() / 2;
        double cos = Math.abs(Math.cos(Math.toRadians(box.rotation())));
        double sin = Math.abs(Math.sin(Math.toRadians(box.rotation())));
        double hw = (box.w() * cos + box.h() * sin) / 2;
        double hh = (box.w() * sin + box.h() * cos) / 2;
        return new double[] {cx - hw, cy - hh, cx + hw, cy + hh};
    }

    private static String corners(double[] e) {
        return "(" + Histogram.round(e[0]) + ", " + Histogram.round(e[1]) + ")-(" + Histogram.round(e[2]) + ", "
                + Histogram.round(e[3]) + ")";
    }

    /** Square pixels a shape covers, or -1 for kinds without an area (points, lines, tags, 3D). */
    static double area(Annotation a) {
        if (a instanceof Bbox box) {
            return Math.max(0, box.w()) * Math.max(0, box.h());
        } else if (a instanceof Polygon polygon) {
            return polygonArea(polygon.points());
        } else if (a instanceof Ellipse ellipse) {
            return Math.PI * Math.abs(ellipse.rx()) * Math.abs(ellipse.ry());
        } else if (a instanceof Mask mask) {
            return mask.rle().area();
        }
        return -1;
    }

    private static double polygonArea(double[] p) {
        double twice = 0;
        int n = p.length / 2;
        for (int i = 0; i < n; i++) {
            int j = (i + 1) % n;
            twice += p[2 * i] * p[2 * j + 1] - p[2 * j] * p[2 * i + 1];
        }
        return Math.abs(twice) / 2;
    }

    private void checkNodes(Item item, Skeleton skeleton) {
        SkeletonDef def = skeleton.label() == null ? null : categories.skeletons().get(skeleton.label());
        int declared = def == null ? skeleton.nodes().size() : def.nodeLabels().size();
        int present = 0;
        for (Points node : skeleton.nodes()) {
            boolean any = false;
            for (int i = 0; i < node.size(); i++) {
                any |= node.visibility(i) != Points.ABSENT;
            }
            present += any ? 1 : 0;
        }
        if (present < declared) {
            found(Check.SKELETON_MISSING_NODES, item.id(), item.subset(), "skeleton" + label(skeleton) + " has "
                    + present + " of its " + declared + " nodes");
        }
    }

    private void checkDuplicates(Item item) {
        Set<ShapeKey> seen = new HashSet<>();
        for (Annotation a : item.annotations()) {
            ShapeKey key = ShapeKey.of(a);
            if (key != null && !seen.add(key)) {
                found(Check.DUPLICATE_ANNOTATION, item.id(), item.subset(), a.kind().id() + label(a)
                        + " repeats another of the item");
            }
        }
    }

    /** What makes two annotations the same: kind, label and coordinates (not id, group or attributes). */
    private record ShapeKey(Object kind, Integer label, double[] coordinates, Object other) {

        static ShapeKey of(Annotation a) {
            if (a instanceof Bbox b) {
                return key(a, new double[] {b.x(), b.y(), b.w(), b.h(), b.rotation()}, null);
            } else if (a instanceof Polygon p) {
                return key(a, p.points(), null);
            } else if (a instanceof Polyline p) {
                return key(a, p.points(), null);
            } else if (a instanceof Points p) {
                return key(a, p.points(), null);
            } else if (a instanceof Cuboid2d c) {
                return key(a, c.points(), null);
            } else if (a instanceof Ellipse e) {
                return key(a, new double[] {e.cx(), e.cy(), e.rx(), e.ry(), e.rotation()}, null);
            } else if (a instanceof Mask m) {
                return key(a, null, m.rle());
            } else if (a instanceof Skeleton s) {
                return key(a, null, s.nodes().stream().map(n -> Arrays.toString(n.points())).toList());
            } else if (a instanceof Caption c) {
                return key(a, null, c.text());
            } else if (a instanceof Cuboid3d c) {
                return key(a, null, List.of(c.position(), c.rotation(), c.scale()));
            }
            return key(a, null, null); // a tag: kind and label
        }

        private static ShapeKey key(Annotation a, double[] coordinates, Object other) {
            return new ShapeKey(a.kind(), a.label(), coordinates, other);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ShapeKey k && kind == k.kind && java.util.Objects.equals(label, k.label)
                    && Arrays.equals(coordinates, k.coordinates) && java.util.Objects.equals(other, k.other);
        }

        @Override
        public int hashCode() {
            return ((kind.hashCode() * 31 + java.util.Objects.hashCode(label)) * 31 + Arrays.hashCode(coordinates)) * 31
                    + java.util.Objects.hashCode(other);
        }
    }

    private String label(Annotation a) {
        Integer label = a.label();
        return label == null || label < 0 || label >= categories.labels().size() ? ""
                : " '" + categories.label(label).name() + "'";
    }

    private void found(Check check, String itemId, String subset, String detail) {
        long[] count = counts.computeIfAbsent(check, c -> new long[1]);
        count[0]++;
        List<String> places = examples.computeIfAbsent(check, c -> new ArrayList<>());
        if (places.size() < EXAMPLES) {
            places.add(place(itemId, subset) + ": " + detail);
            if (itemId != null) {
                flaggedItems.add(itemId);
            }
        }
    }

    private static String place(String itemId, String subset) {
        return Item.DEFAULT_SUBSET.equals(subset) ? itemId : subset + "/" + itemId;
    }

    /** Runs the checks that need the whole stream, from the annotations counted per label. */
    void finish(long[] annotationsPerLabelSlot) throws IOException {
        List<ImageFingerprints.Duplicate> duplicates;
        try {
            duplicates = images.finish();
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
        for (ImageFingerprints.Duplicate d : duplicates) {
            found(Check.DUPLICATE_IMAGE, d.itemId(), d.subset(), "image " + d.path() + " has the bytes of "
                    + d.firstPath());
        }
        if (images.images() == 0) {
            notChecked.put(Check.DUPLICATE_IMAGE, "the input holds none of the items' images");
        } else if (images.cost() != null) {
            notChecked.put(Check.DUPLICATE_IMAGE, "checked; " + images.cost());
        }
        if (boxesWithoutImageSize > 0) {
            notChecked.put(Check.BOX_OUTSIDE_IMAGE, boxesWithoutImageSize + " boxes on items without an image size");
        }
        Set<Integer> skeletonLabels = categories.skeletons().keySet();
        for (int i = 0; i < categories.labels().size(); i++) {
            Label label = categories.label(i);
            if (label.hasParent() && skeletonLabels.contains(categories.indexOf(label.parent()))) {
                continue; // a skeleton's node: used inside its skeletons, counted with them
            }
            long used = i + 1 < annotationsPerLabelSlot.length ? annotationsPerLabelSlot[i + 1] : 0;
            if (used == 0) {
                foundLabel(Check.LABEL_UNUSED, label.name() + ": declared, no annotations");
            } else if (used < thresholds.rareLabel()) {
                foundLabel(Check.LABEL_RARE, label.name() + ": " + used + " annotation" + (used == 1 ? "" : "s"));
            }
        }
        List<Finding> all = new ArrayList<>();
        for (Check check : Check.values()) {
            long[] count = counts.get(check);
            if (count != null) {
                all.add(new Finding(check, count[0], examples.get(check)));
            }
        }
        all.sort(java.util.Comparator.comparing(Finding::severity));
        findings = List.copyOf(all);
    }

    private void foundLabel(Check check, String detail) {
        counts.computeIfAbsent(check, c -> new long[1])[0]++;
        List<String> places = examples.computeIfAbsent(check, c -> new ArrayList<>());
        if (places.size() < EXAMPLES) {
            places.add(detail);
        }
    }

    /** The findings, errors first; only checks that found something. */
    public List<Finding> findings() {
        if (findings == null) {
            throw new IllegalStateException("validation not finished");
        }
        return findings;
    }

    public boolean hasErrors() {
        return findings().stream().anyMatch(f -> f.severity() == Severity.ERROR);
    }

    /** Items named in the findings' examples, in the order found: the preview shows them. */
    public Set<String> flaggedItems() {
        return java.util.Collections.unmodifiableSet(flaggedItems);
    }

    public CheckThresholds thresholds() {
        return thresholds;
    }

    /** {@code thresholds}, {@code findings} and, where a check could not run everywhere, why. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("thresholds", thresholds.toMap());
        map.put("errors", findings().stream().filter(f -> f.severity() == Severity.ERROR).count());
        map.put("warnings", findings().stream().filter(f -> f.severity() == Severity.WARNING).count());
        map.put("findings", findings().stream().map(Finding::toMap).toList());
        if (!notChecked.isEmpty()) {
            Map<String, Object> notes = new LinkedHashMap<>();
            notChecked.forEach((check, why) -> notes.put(check.id(), why));
            map.put("notes", notes);
        }
        return map;
    }
}

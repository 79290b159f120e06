package org.labelbridge.format.ultralytics;

import java.io.IOException;
import org.labelbridge.format.common.ImagesMeta;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.labelbridge.format.DatasetOutput;
import org.labelbridge.format.DatasetWriter;
import org.labelbridge.format.Problems;
import org.labelbridge.format.common.ImageHeaders;
import org.labelbridge.format.common.pixels.MaskContours;
import org.labelbridge.format.common.pixels.MaskRegion;
import org.labelbridge.format.common.FileNames;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.AnnotationKind;
import org.labelbridge.model.Bbox;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;
import org.labelbridge.model.Mask;
import org.labelbridge.model.Media;
import org.labelbridge.model.Points;
import org.labelbridge.model.Polygon;
import org.labelbridge.model.Skeleton;

/**
 * Writes CVAT's Ultralytics layout: per item its image as {@code images/<subset>/<id>.<ext>}
 * and {@code labels/<subset>/<id>.txt} (empty when it has no objects); per subset the list
 * {@code <subset>.txt} (deferred: it grows while items stream); data.yaml last, once every
 * subset is known. Sizes of images not written along go to images.meta, so that the
 * fractions can be read back.
 */
final class UltralyticsWriter implements DatasetWriter {

    private final DatasetOutput output;
    private final Problems problems;
    private final UltralyticsTask task;
    private final SplitOfSubset splits;
    private WrittenClasses classes;
    private Categories categories;
    private final Map<String, Writer> lists = new LinkedHashMap<>();
    private final Set<String> written = new HashSet<>();
    private final Map<String, ImageHeaders.Size> metaSizes = new HashMap<>();
    private Writer imagesMeta;

    UltralyticsWriter(DatasetOutput output, Problems problems, UltralyticsTask task) {
        this.output = output;
        this.problems = problems;
        this.task = task;
        this.splits = new SplitOfSubset(problems);
    }

    @Override
    public void begin(Categories categories) {
        this.categories = categories;
        this.classes = task == UltralyticsTask.POSE ? WrittenClasses.skeletons(categories, problems)
                : WrittenClasses.flat(categories, problems);
    }

    @Override
    public void write(Item item) throws IOException {
        String subset = splits.of(item);
        String id = uniqueId(item, subset);
        String extension = item.media().extension().isEmpty()
                ? UltralyticsLayout.DEFAULT_IMAGE_EXTENSION : item.media().extension();
        String imagePath = UltralyticsLayout.IMAGES + "/" + subset + "/" + id + extension;
        boolean copied = output.copyMedia(item.media(), imagePath);
        // Empty when it has no objects: CVAT's importer opens the label file of every listed image.
        output.text(UltralyticsLayout.LABELS + "/" + subset + "/" + id + UltralyticsLayout.TEXT_EXTENSION,
                labelLines(item));
        list(subset).write(imagePath + "\n");
        if (item.media().hasSize()
                && (!copied || !ImageHeaders.EXTENSIONS.contains(extension.toLowerCase(Locale.ROOT)))) {
            writeSize(item, id);
        }
    }

    /**
     * The item's id as a file path, unique in its split: two subsets merged into one split (or
     * two ids that differ only in what a path cannot hold) may share one, and the later item is
     * written with its subset's name and, if need be, a number after it.
     */
    private String uniqueId(Item item, String split) {
        String id = FileNames.path(item.id());
        String why = "the id is a file path in Ultralytics YOLO";
        if (written.contains(split + "/" + id)) {
            String base = id + "_" + FileNames.segment(item.subset());
            id = base;
            for (int n = 2; written.contains(split + "/" + id); n++) {
                id = base + "_" + n;
            }
            why = "another item written to split '" + split + "' has its id";
        }
        written.add(split + "/" + id);
        if (!id.equals(item.id())) {
            problems.item(item.id(), "written as '" + id + "': " + why);
        }
        return id;
    }

    @Override
    public void finish() throws IOException {
        int[] kptShape = task == UltralyticsTask.POSE ? new int[] {classes.points(), 3} : null;
        try (Writer out = writer(output.entry(UltralyticsLayout.CONFIG))) {
            out.write(DataYamlText.of(new ArrayList<>(lists.keySet()), kptShape, classes.names()));
        }
        for (Writer list : lists.values()) {
            list.close();
        }
        if (imagesMeta != null) {
            imagesMeta.close();
        }
    }

    private String labelLines(Item item) {
        if (item.annotations().isEmpty()) {
            return "";
        }
        Media media = item.media();
        if (!media.hasSize()) {
            for (Annotation annotation : item.annotations()) {
                problems.dropped(item.id(), annotation.kind(),
                        "the image size is unknown, and Ultralytics coordinates are fractions of it");
            }
            return "";
        }
        StringBuilder lines = new StringBuilder();
        for (Annotation annotation : item.annotations()) {
            int classId = annotation.label() == null ? -1 : classes.classOf(annotation.label());
            if (annotation.label() == null) {
                problems.dropped(item.id(), annotation.kind(), task.displayName() + " needs a class on every line");
            } else if (classId < 0) {
                problems.dropped(item.id(), annotation.kind(), "its label '" + categories.nameOf(annotation.label())
                        + "' is not a class of " + task.displayName());
            } else {
                for (String line : lines(annotation, classId, item.id(), media.width(), media.height())) {
                    lines.append(line).append('\n');
                }
            }
        }
        return lines.toString();
    }

    /** The annotation's lines; none, reported, when the task cannot hold it. */
    private List<String> lines(Annotation annotation, int classId, String itemId, int width, int height) {
        String line;
        if (task.detection() && annotation instanceof Bbox box) {
            if (box.rotation() != 0) {
                return dropped(itemId, annotation, "its boxes are axis-aligned (Ultralytics YOLO Oriented Bounding"
                        + " Boxes 1.0 holds rotation)");
            }
            line = DetectionLine.write(classId, box, width, height);
            if (line != null && task == UltralyticsTask.DETECTION_TRACK && box.info().track() != null) {
                line += " " + box.info().track().id(); // CVAT's exporter: only a shape of a track has one
            }
        } else if (task == UltralyticsTask.ORIENTED_BOXES && annotation instanceof Bbox box) {
            line = ObbLine.write(classId, box, width, height);
        } else if (task == UltralyticsTask.SEGMENTATION && annotation instanceof Polygon polygon) {
            if (polygon.size() < 3) {
                return dropped(itemId, annotation, "a polygon needs at least 3 points");
            }
            line = SegmentationLine.write(classId, polygon.points(), width, height);
        } else if (task == UltralyticsTask.SEGMENTATION && annotation instanceof Mask mask) {
            return maskLines(mask, classId, itemId, width, height);
        } else if (task == UltralyticsTask.POSE && annotation instanceof Skeleton skeleton) {
            line = PoseLine.write(classId, keypoints(skeleton, itemId), classes.points(), width, height);
        } else {
            return dropped(itemId, annotation, "it holds only " + task.holds());
        }
        return line == null ? dropped(itemId, annotation, "its coordinates are not finite numbers") : List.of(line);
    }

    private List<String> dropped(String itemId, Annotation annotation, String reason) {
        problems.dropped(itemId, annotation.kind(), task.displayName() + ": " + reason);
        return List.of();
    }

    /** A mask as the outline of each of its parts; holes are filled, and said to be. */
    private List<String> maskLines(Mask mask, int classId, String itemId, int width, int height) {
        List<MaskRegion> regions = MaskContours.regions(mask.rle());
        if (regions.isEmpty()) {
            return dropped(itemId, mask, "the mask is empty");
        }
        List<String> lines = new ArrayList<>(regions.size());
        int holes = 0;
        for (MaskRegion region : regions) {
            holes += region.holes().size();
            lines.add(SegmentationLine.write(classId, region.outer(), width, height));
        }
        problems.converted(itemId, AnnotationKind.MASK, 1, AnnotationKind.POLYGON, regions.size(), "a mask is"
                + " written as the outline polygon of each of its separate parts" + (holes == 0 ? ""
                : ", its holes filled (a polygon has none)"));
        return lines;
    }

    /** The skeleton's points in keypoint order: by their point label, else by position; null where missing. */
    private List<Points> keypoints(Skeleton skeleton, String itemId) {
        List<Integer> order = classes.nodes(skeleton.label());
        Points[] ordered = new Points[classes.points()];
        List<Points> unplaced = new ArrayList<>();
        for (Points node : skeleton.nodes()) {
            int at = node.label() == null ? -1 : order.indexOf(node.label());
            if (at >= 0 && ordered[at] == null) {
                ordered[at] = node;
            } else {
                unplaced.add(node);
            }
        }
        int free = 0;
        for (Points node : unplaced) {
            while (free < order.size() && ordered[free] != null) {
                free++;
            }
            if (free < order.size()) {
                ordered[free] = node;
                problems.changed(itemId, AnnotationKind.SKELETON, "a point without its skeleton's point label is"
                        + " written as keypoint " + (free + 1));
            } else {
                problems.changed(itemId, AnnotationKind.SKELETON, "a point beyond the skeleton's " + order.size()
                        + " points is not written");
            }
        }
        boolean attributes = false;
        for (Points node : ordered) {
            if (node != null && node.size() != 1) {
                problems.changed(itemId, AnnotationKind.SKELETON, "a skeleton point of " + node.size()
                        + " points is written as its first");
            }
            attributes |= node != null && !node.attributes().isEmpty();
        }
        if (attributes) {
            // The pipeline strips the skeleton's own attributes; its points' are for the writer to report.
            problems.changed(itemId, AnnotationKind.SKELETON, "attributes of skeleton points are not kept: "
                    + task.displayName() + " has no attributes");
        }
        return Arrays.asList(ordered);
    }

    private Writer list(String subset) throws IOException {
        Writer list = lists.get(subset);
        if (list == null) {
            list = writer(output.deferred(subset + UltralyticsLayout.TEXT_EXTENSION));
            lists.put(subset, list);
        }
        return list;
    }

    private void writeSize(Item item, String id) throws IOException {
        ImageHeaders.Size size = new ImageHeaders.Size(item.media().width(), item.media().height());
        ImageHeaders.Size before = metaSizes.putIfAbsent(id, size);
        if (before != null) {
            if (!before.equals(size)) {
                problems.item(item.id(), UltralyticsLayout.IMAGES_META + " already gives id '" + id + "' the size "
                        + before.width() + "x" + before.height() + " (it is keyed by id alone); the fractions of this"
                        + " item will read back scaled to that size unless its image is written");
            }
            return;
        }
        if (imagesMeta == null) {
            imagesMeta = writer(output.deferred(UltralyticsLayout.IMAGES_META));
        }
        imagesMeta.write(ImagesMeta.line(id, size.width(), size.height()));
    }

    private static Writer writer(OutputStream out) {
        return new OutputStreamWriter(out, StandardCharsets.UTF_8);
    }
}

package org.labelbridge.format.mots;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.labelbridge.format.DatasetOutput;
import org.labelbridge.format.DatasetWriter;
import org.labelbridge.format.Problems;
import org.labelbridge.format.common.FileNames;
import org.labelbridge.format.common.pixels.Coverage;
import org.labelbridge.format.common.pixels.MaskCompositor;
import org.labelbridge.format.common.pixels.PngEncoder;
import org.labelbridge.format.common.pixels.Rasterizer;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.AnnotationKind;
import org.labelbridge.model.Bbox;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Ellipse;
import org.labelbridge.model.Item;
import org.labelbridge.model.Label;
import org.labelbridge.model.Mask;
import org.labelbridge.model.Polygon;
import org.labelbridge.model.Track;

/**
 * Writes each subset's labels.txt when the subset first appears, then per item its instance
 * PNG (its tracked shapes painted by z-order, one pixel value per track and label) and image.
 */
final class MotsWriter implements DatasetWriter {

    private final DatasetOutput output;
    private final Problems problems;
    private final Set<String> subsets = new HashSet<>();
    private Categories categories;
    private byte[] labelsFile;
    private boolean zOrderReported;

    /** A shape that goes into the PNG, and the pixel value it paints. */
    private record Painted(Annotation shape, int value) {
    }

    MotsWriter(DatasetOutput output, Problems problems) {
        this.output = output;
        this.problems = problems;
    }

    @Override
    public void begin(Categories categories) {
        this.categories = categories;
        List<String> names = new ArrayList<>();
        for (Label label : categories.labels()) {
            String name = label.name().strip().replaceAll("[\\r\\n]+", " ");
            if (!name.equals(label.name()) || name.isEmpty()) {
                problems.dataset("label '" + label.name() + "' is written as '" + name + "': a line of "
                        + MotsLayout.LABELS_FILE + " holds one name, stripped, and blank lines are skipped");
            }
            if (!label.attributes().isEmpty() || label.hasParent()) {
                problems.dataset("label '" + label.name() + "' loses its attribute declarations and parent: "
                        + MotsLayout.LABELS_FILE + " holds label names only");
            }
            names.add(name);
        }
        labelsFile = String.join("\n", names).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void write(Item given) throws IOException {
        Item item = FileNames.withPathId(given, problems, "MOTS");
        String folder = item.subset().replaceAll("[/\\\\]", "_");
        String base = folder + "/";
        if (subsets.add(item.subset())) {
            if (!folder.equals(item.subset())) {
                problems.dataset("subset '" + item.subset() + "' written as '" + folder + "': a subset is one folder");
            }
            try (OutputStream out = output.entry(base + MotsLayout.INSTANCES_DIR + "/" + MotsLayout.LABELS_FILE)) {
                out.write(labelsFile);
            }
        }
        List<Painted> painted = new ArrayList<>();
        for (Annotation annotation : item.annotations()) {
            int value = valueOf(item.id(), annotation);
            if (value > 0) {
                painted.add(new Painted(annotation, value));
            }
        }
        int[] size = imageSize(item);
        if (size == null) {
            for (Painted shape : painted) {
                problems.dropped(item.id(), shape.shape().kind(), "the image size is unknown, so the "
                        + shape.shape().kind().id() + " cannot be painted into the instance PNG");
            }
            problems.droppedItem(item.id(), "no instance PNG: the image size is unknown, and MOTS reads items from"
                    + " their PNGs");
        } else {
            MaskCompositor.Compiled compiled = paint(item.id(), painted, size[0], size[1]);
            writePng(item, base, compiled);
            long instances = compiled.visiblePixels().values().stream().filter(pixels -> pixels > 0).count();
            problems.wroteAs(item.id(), Map.of(AnnotationKind.MASK, (int) instances), "painted into the instance PNG,"
                    + " which reads back as one mask per track and label");
        }
        if (output.keepsMedia() && item.media().hasPath()) {
            String extension = item.media().extension();
            String target = base + MotsLayout.IMAGES_DIR + "/" + item.id()
                    + (extension.isEmpty() ? MotsLayout.DEFAULT_IMAGE_EXT : extension);
            if (!output.copyMedia(item.media(), target)) {
                problems.item(item.id(), "image " + item.media().path() + " is not in the source; not copied");
            }
        }
    }

    /**
     * The pixel value of a shape ({@code class_id * 1000 + track id}), or 0 when it is not written
     * (reported). The pipeline gives only labelled masks, polygons, boxes and ellipses.
     */
    private int valueOf(String itemId, Annotation annotation) {
        AnnotationKind kind = annotation.kind();
        Track track = annotation.info().track();
        if (track == null) {
            problems.dropped(itemId, kind, "not part of a track: MOTS holds tracked objects only, as CVAT exports "
                    + "only tracks to it");
            return 0;
        }
        if (track.id() < 0 || track.id() >= MotsLayout.MAX_INSTANCES) {
            problems.dropped(itemId, kind, "track id " + track.id() + " is not a MOTS instance id (0 to "
                    + (MotsLayout.MAX_INSTANCES - 1) + ")");
            return 0;
        }
        long value = (long) MotsLayout.MAX_INSTANCES * (annotation.label() + 1) + track.id();
        if (value > MotsLayout.MAX_VALUE) {
            problems.dropped(itemId, kind, "label '" + categories.nameOf(annotation.label()) + "' is class "
                    + (annotation.label() + 1) + ": its pixel value " + value + " does not fit a 16-bit PNG");
            return 0;
        }
        if (!track.keyframe()) {
            problems.changed(itemId, kind, "keyframe=false is not kept: every MOTS mask reads back as a keyframe");
        }
        if (annotation.info().zOrder() != 0 && !zOrderReported) {
            zOrderReported = true;
            problems.dataset("z-order decides which shape is on top where shapes overlap; MOTS does not store it");
        }
        return (int) value;
    }

    /** Height and width: the item's, else the first mask's. */
    private static int[] imageSize(Item item) {
        if (item.media().hasSize()) {
            return new int[] {item.media().height(), item.media().width()};
        }
        for (Annotation annotation : item.annotations()) {
            if (annotation instanceof Mask mask) {
                return new int[] {mask.rle().height(), mask.rle().width()};
            }
        }
        return null;
    }

    private MaskCompositor.Compiled paint(String itemId, List<Painted> painted, int height, int width) {
        MaskCompositor compositor = new MaskCompositor(height, width);
        Map<Integer, Annotation> firstOfValue = new HashMap<>();
        for (Painted shape : painted) {
            Annotation annotation = shape.shape();
            Coverage coverage = coverage(itemId, annotation, height, width);
            if (coverage == null) {
                continue;
            }
            Annotation first = firstOfValue.putIfAbsent(shape.value(), annotation);
            if (first != null) {
                problems.changed(itemId, annotation.kind(), "merged with the other '"
                        + categories.nameOf(annotation.label()) + "' shape of track " + annotation.info().track().id()
                        + " on this frame: MOTS has one instance per track and label");
            }
            compositor.add(coverage, annotation.label(), shape.value(), annotation.info().zOrder());
        }
        MaskCompositor.Compiled compiled = compositor.compile();
        compiled.visiblePixels().forEach((value, visible) -> {
            long hidden = compiled.hiddenPixels().get(value);
            AnnotationKind kind = firstOfValue.get(value).kind();
            if (visible == 0 && hidden == 0) {
                problems.dropped(itemId, kind, "covers no pixel of the " + width + "x" + height + " image");
            } else if (visible == 0) {
                problems.dropped(itemId, kind, "hidden entirely under shapes above it (z-order)");
            } else if (hidden > 0) {
                problems.changed(itemId, kind, "partly hidden under shapes above it (z-order)");
            }
        });
        return compiled;
    }

    private Coverage coverage(String itemId, Annotation annotation, int height, int width) {
        if (annotation instanceof Mask mask) {
            if (mask.rle().height() != height || mask.rle().width() != width) {
                problems.dropped(itemId, annotation.kind(), "mask is " + mask.rle().width() + "x" + mask.rle().height()
                        + " but the image is " + width + "x" + height);
                return null;
            }
            return Rasterizer.mask(mask.rle());
        }
        problems.changed(itemId, annotation.kind(), annotation.kind().id() + " painted into the instance mask");
        if (annotation instanceof Polygon polygon) {
            return Rasterizer.polygon(polygon.points());
        }
        if (annotation instanceof Bbox box) {
            return Rasterizer.box(box.x(), box.y(), box.w(), box.h(), box.rotation());
        }
        Ellipse ellipse = (Ellipse) annotation;
        return Rasterizer.ellipse(ellipse.cx(), ellipse.cy(), ellipse.rx(), ellipse.ry(), ellipse.rotation());
    }

    private void writePng(Item item, String base, MaskCompositor.Compiled compiled) throws IOException {
        output.entry(base + MotsLayout.INSTANCES_DIR + "/" + item.id() + MotsLayout.MASK_EXT,
                out -> PngEncoder.writeGray(compiled.instances(), 16, out));
    }

    @Override
    public void finish() {
        // every file is complete when its item is written
    }
}

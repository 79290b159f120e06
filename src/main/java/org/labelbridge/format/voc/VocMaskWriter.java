package org.labelbridge.format.voc;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.labelbridge.format.DatasetOutput;
import org.labelbridge.format.Problems;
import org.labelbridge.format.common.pixels.Coverage;
import org.labelbridge.format.common.pixels.IndexImage;
import org.labelbridge.format.common.pixels.InstanceIds;
import org.labelbridge.format.common.pixels.MaskCompositor;
import org.labelbridge.format.common.pixels.MaskPngs;
import org.labelbridge.format.common.pixels.MasksReadBack;
import org.labelbridge.format.common.pixels.Rasterizer;
import org.labelbridge.format.common.pixels.RunImage;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.AnnotationKind;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;
import org.labelbridge.model.Mask;
import org.labelbridge.model.Polygon;
import org.labelbridge.model.Rgb;

/**
 * Paints an item's masks and polygons, by z-order, into {@code SegmentationClass/<id>.png}
 * (label colours) and {@code SegmentationObject/<id>.png} (instance i in VOC palette colour i).
 * The reader gives a mask the group of its instance id and a box the group of its object
 * index, so a shape grouped with a box is painted as the instance numbered like that box's
 * object; other groups keep their number where it is free, the rest take the next free ids.
 */
final class VocMaskWriter {

    /** Instance ids the 256-colour VOC palette can hold besides 0 (no instance). */
    private static final int PALETTE_IDS = MaskPngs.PALETTE_IDS;

    private final DatasetOutput output;
    private final Problems problems;
    private final Categories categories;
    private final VocLabelColours colours;

    VocMaskWriter(DatasetOutput output, Problems problems, Categories categories, VocLabelColours colours) {
        this.output = output;
        this.problems = problems;
        this.categories = categories;
        this.colours = colours;
    }

    /**
     * What was painted: whether the PNGs were written, and how many masks they give back (one
     * per instance that shows a pixel).
     */
    record Painted(boolean segmented, int masks) {
        static final Painted NONE = new Painted(false, 0);
    }

    /**
     * Writes the item's two PNGs when any shape can be painted.
     *
     * @param shapes  the item's labelled masks and polygons
     * @param objects the item's boxes as they are written to its XML
     */
    Painted write(Item item, List<Annotation> shapes, List<VocObject> objects) throws IOException {
        if (shapes.isEmpty()) {
            return Painted.NONE;
        }
        String id = item.id();
        int[] size = imageSize(item, shapes);
        if (size == null) {
            shapes.forEach(a -> problems.dropped(id, a.kind(), "the image size is unknown, so the " + a.kind().id()
                    + " cannot be painted into SegmentationClass/SegmentationObject PNGs"));
            return Painted.NONE;
        }
        int height = size[0];
        int width = size[1];
        int[] instanceIds = instanceIds(id, shapes, objects);
        MaskCompositor compositor = new MaskCompositor(height, width);
        Map<Integer, Integer> slotOfLabel = new LinkedHashMap<>(); // class PNG value per label; 0 = background
        List<Rgb> palette = new ArrayList<>(List.of(colours.background()));
        Map<Integer, AnnotationKind> kindOfInstance = new HashMap<>();
        for (int i = 0; i < shapes.size(); i++) {
            Annotation a = shapes.get(i);
            Coverage coverage = coverage(id, a, height, width);
            if (coverage == null) {
                continue;
            }
            int slot = slotOfLabel.computeIfAbsent(a.label(), label -> {
                palette.add(colours.paint(label));
                return palette.size() - 1;
            });
            kindOfInstance.putIfAbsent(instanceIds[i], a.kind());
            compositor.add(coverage, slot, instanceIds[i], a.info().zOrder());
        }
        if (compositor.isEmpty()) {
            return Painted.NONE;
        }
        MaskCompositor.Compiled compiled = compositor.compile();
        compiled.visiblePixels().forEach((instance, visible) -> {
            long hidden = compiled.hiddenPixels().get(instance);
            AnnotationKind kind = kindOfInstance.get(instance);
            if (visible == 0 && hidden == 0) {
                problems.dropped(id, kind, "covers no pixel of the " + width + "x" + height + " image");
            } else if (visible == 0) {
                problems.dropped(id, kind, "hidden entirely under shapes above it (z-order) in SegmentationObject");
            } else if (hidden > 0) {
                problems.changed(id, kind, "partly hidden under shapes above it (z-order) in SegmentationObject");
            }
        });
        writeClasses(id, compiled.classes(), palette);
        writeInstances(id, compiled.instances(), compiled.maxInstance());
        return new Painted(true, MasksReadBack.perInstance(compiled));
    }

    /** Height and width: the item's, else the first mask's. */
    private static int[] imageSize(Item item, List<Annotation> shapes) {
        if (item.media().hasSize()) {
            return new int[] {item.media().height(), item.media().width()};
        }
        for (Annotation a : shapes) {
            if (a instanceof Mask m) {
                return new int[] {m.rle().height(), m.rle().width()};
            }
        }
        return null;
    }

    private Coverage coverage(String itemId, Annotation a, int height, int width) {
        String lost = a.attributes().isEmpty() ? ""
                : "; attributes not kept, VOC masks have none: " + String.join(", ", a.attributes().keySet());
        if (a instanceof Mask m) {
            if (m.rle().height() != height || m.rle().width() != width) {
                problems.dropped(itemId, a.kind(), "mask is " + m.rle().width() + "x" + m.rle().height()
                        + " but the image is " + width + "x" + height);
                return null;
            }
            if (!lost.isEmpty()) {
                problems.changed(itemId, a.kind(), lost.substring(2));
            }
            return Rasterizer.mask(m.rle());
        }
        problems.changed(itemId, a.kind(), "polygon painted into the SegmentationClass and SegmentationObject PNGs"
                + " (read back as a mask)" + lost);
        return Rasterizer.polygon(((Polygon) a).points());
    }

    /**
     * The instance id of each shape. One instance per group and label: shapes of one group
     * and label merge; a second label in a group is an instance of its own (the reader cannot
     * put it in the group). Object indices are reserved for the shapes grouped with them.
     */
    private int[] instanceIds(String itemId, List<Annotation> shapes, List<VocObject> objects) {
        Map<Integer, Integer> objectOfGroup = new HashMap<>();
        Set<Integer> taken = new HashSet<>();
        for (VocObject object : objects) {
            taken.add(object.index());
            int group = object.box().info().group();
            if (group != 0) {
                objectOfGroup.putIfAbsent(group, object.index());
            }
        }
        int[] ids = new int[shapes.size()];
        Map<String, Integer> firstOfKey = new HashMap<>();
        Map<Integer, Integer> labelOfGroup = new HashMap<>();
        for (int i = 0; i < shapes.size(); i++) {
            Annotation a = shapes.get(i);
            int group = a.info().group();
            if (group == 0) {
                continue;
            }
            Integer first = firstOfKey.putIfAbsent(group + ":" + a.label(), i);
            if (first != null) {
                ids[i] = -1 - first; // resolved below to the first shape's id
                problems.changed(itemId, a.kind(), "merged with the other '" + categories.nameOf(a.label())
                        + "' shapes of group " + group + " into one instance in SegmentationObject/" + itemId
                        + VocLayout.MASK_EXT);
                continue;
            }
            Integer groupLabel = labelOfGroup.putIfAbsent(group, a.label());
            if (groupLabel != null) {
                problems.changed(itemId, a.kind(), "group " + group + " also has '" + categories.nameOf(groupLabel)
                        + "' shapes, and a VOC instance has one label: '" + categories.nameOf(a.label())
                        + "' is written as an instance of its own and leaves the group");
                continue;
            }
            Integer object = objectOfGroup.get(group);
            if (object != null) {
                ids[i] = object;
            } else if (group > 0 && group <= PALETTE_IDS && taken.add(group)) {
                ids[i] = group;
            }
        }
        InstanceIds.complete(ids, taken);
        return ids;
    }

    // The PNGs are encoded by the output (on the zip's thread): the images are this item's own.

    private void writeClasses(String itemId, RunImage slots, List<Rgb> palette) throws IOException {
        List<Rgb> colours = List.copyOf(palette);
        output.entry(VocLayout.CLASS_MASKS + itemId + VocLayout.MASK_EXT,
                out -> MaskPngs.writeClassMap(slots, colours, out));
    }

    private void writeInstances(String itemId, RunImage instances, int max) throws IOException {
        if (max > PALETTE_IDS) {
            problems.item(itemId, "instance ids up to " + max + ": ids above " + PALETTE_IDS
                    + " take colours beyond the VOC palette, which CVAT cannot read back");
        }
        output.entry(VocLayout.INSTANCE_MASKS + itemId + VocLayout.MASK_EXT,
                out -> MaskPngs.writeInstanceMap(instances, max, out));
    }
}

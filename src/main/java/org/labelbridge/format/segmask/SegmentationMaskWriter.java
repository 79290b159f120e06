package org.labelbridge.format.segmask;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.labelbridge.format.DatasetOutput;
import org.labelbridge.format.DatasetWriter;
import org.labelbridge.format.FormatException;
import org.labelbridge.format.Problems;
import org.labelbridge.format.common.FlatFolderIds;
import org.labelbridge.format.common.pixels.Coverage;
import org.labelbridge.format.common.pixels.IndexImage;
import org.labelbridge.format.common.pixels.InstanceIds;
import org.labelbridge.format.common.pixels.MaskCompositor;
import org.labelbridge.format.common.pixels.MaskImages;
import org.labelbridge.format.common.pixels.MaskPngs;
import org.labelbridge.format.common.pixels.MasksReadBack;
import org.labelbridge.format.common.pixels.Rasterizer;
import org.labelbridge.format.common.pixels.RunImage;
import org.labelbridge.format.common.pixels.VocLabelMap;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.AnnotationKind;
import org.labelbridge.model.Bbox;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Ellipse;
import org.labelbridge.model.Item;
import org.labelbridge.model.Mask;
import org.labelbridge.model.Polygon;
import org.labelbridge.model.Rgb;
import static org.labelbridge.format.segmask.SegmentationMaskFormat.CLASS_DIR;
import static org.labelbridge.format.segmask.SegmentationMaskFormat.IMAGES_DIR;
import static org.labelbridge.format.segmask.SegmentationMaskFormat.LISTS_DIR;
import static org.labelbridge.format.segmask.SegmentationMaskFormat.MASK_EXT;
import static org.labelbridge.format.segmask.SegmentationMaskFormat.OBJECT_DIR;

/** Writes labelmap.txt first, then per item its image and two PNGs; subset lists at the end. */
final class SegmentationMaskWriter implements DatasetWriter {

    /** Instance ids that the VOC palette, and so CVAT, can hold. */
    private static final int PALETTE_IDS = MaskPngs.PALETTE_IDS;

    private final DatasetOutput output;
    private final Problems problems;
    private final Map<String, Writer> subsetLists = new LinkedHashMap<>();
    private final FlatFolderIds ids;
    private OutputLabelMap labelMap;
    private Categories categories;

    SegmentationMaskWriter(DatasetOutput output, Problems problems) {
        this.output = output;
        this.problems = problems;
        this.ids = new FlatFolderIds(problems, "Segmentation mask");
    }

    @Override
    public void begin(Categories categories) throws IOException {
        this.categories = categories;
        this.labelMap = new OutputLabelMap(categories, problems);
        try (OutputStream out = output.entry(VocLabelMap.FILE_NAME)) {
            VocLabelMap.write(labelMap.entries(), out);
        }
    }

    @Override
    public void write(Item item) throws IOException {
        item = ids.place(item);
        if (item == null) {
            return;
        }
        Writer list = subsetLists.get(item.subset());
        if (list == null) {
            String name = item.subset().replaceAll("[/\\\\]", "_");
            if (!name.equals(item.subset())) {
                problems.dataset("subset '" + item.subset() + "' written as '" + name + "': a subset list is one file");
            }
            list = new OutputStreamWriter(output.deferred(LISTS_DIR + "/" + name + ".txt"), StandardCharsets.UTF_8);
            subsetLists.put(item.subset(), list);
        }
        list.write(item.id() + "\n");
        if (item.media().hasPath()) {
            String ext = item.media().extension().isEmpty() ? ".jpg" : item.media().extension();
            output.copyMedia(item.media(), IMAGES_DIR + "/" + item.id() + ext);
        }
        writeMasks(item);
    }

    private void writeMasks(Item item) throws IOException {
        List<Annotation> shapes = new ArrayList<>();
        for (Annotation a : item.annotations()) {
            if (!(a instanceof Mask || a instanceof Polygon || a instanceof Bbox || a instanceof Ellipse)) {
                problems.dropped(item.id(), a.kind(), "Segmentation mask 1.1 holds only masks and shapes it can rasterise");
            } else if (a.label() == null) {
                problems.dropped(item.id(), a.kind(), "a mask pixel needs a label: unlabelled " + a.kind().id() + " not written");
            } else {
                shapes.add(a);
            }
        }
        if (shapes.isEmpty()) {
            return;
        }
        int[] size = imageSize(item, shapes);
        if (size == null) {
            shapes.forEach(a -> problems.dropped(item.id(), a.kind(),
                    "the image size is unknown, so the " + a.kind().id() + " cannot be rasterised"));
            return;
        }
        int height = size[0], width = size[1];
        if ((long) height * width > MaskImages.MAX_PIXELS) {
            // A few bytes of JSON can declare an image of gigapixels: refuse before allocating it.
            throw new FormatException("item '" + item.id() + "': a " + width + "x" + height + " mask is larger than the "
                    + MaskImages.MAX_PIXELS + " pixels a mask may have");
        }
        MaskCompositor compositor = new MaskCompositor(height, width);
        int[] instanceIds = instanceIds(item, shapes);
        Map<Integer, AnnotationKind> kindOfInstance = new HashMap<>();
        for (int i = 0; i < shapes.size(); i++) {
            Annotation a = shapes.get(i);
            Coverage coverage = coverage(item.id(), a, height, width);
            if (coverage == null) {
                continue;
            }
            int instance = instanceIds[i];
            kindOfInstance.putIfAbsent(instance, a.kind());
            compositor.add(coverage, labelMap.classOf(a.label()), instance, a.info().zOrder());
        }
        if (compositor.isEmpty()) {
            return;
        }
        MaskCompositor.Compiled compiled = compositor.compile();
        compiled.visiblePixels().forEach((instance, visible) -> {
            long hidden = compiled.hiddenPixels().get(instance);
            AnnotationKind kind = kindOfInstance.get(instance);
            if (visible == 0 && hidden == 0) {
                problems.dropped(item.id(), kind, "covers no pixel of the " + width + "x" + height + " image");
            } else if (visible == 0) {
                problems.dropped(item.id(), kind, "hidden entirely under shapes above it (z-order) when masks were merged");
            } else if (hidden > 0) {
                problems.changed(item.id(), kind, "partly hidden under shapes above it (z-order) when masks were merged");
            }
        });
        MasksReadBack.report(problems, item.id(), MasksReadBack.perInstance(compiled), Map.of(),
                "painted into class and instance masks, read back as one mask per instance");
        writeClassMap(item.id(), compiled.classes());
        writeInstanceMap(item.id(), compiled.instances(), compiled.maxInstance());
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
        if (a instanceof Mask m) {
            if (m.rle().height() != height || m.rle().width() != width) {
                problems.dropped(itemId, a.kind(), "mask is " + m.rle().width() + "x" + m.rle().height()
                        + " but the image is " + width + "x" + height);
                return null;
            }
            return Rasterizer.mask(m.rle());
        }
        problems.changed(itemId, a.kind(), a.kind().id() + " rasterised to class and instance masks");
        if (a instanceof Polygon p) {
            return Rasterizer.polygon(p.points());
        }
        if (a instanceof Bbox b) {
            return Rasterizer.box(b.x(), b.y(), b.w(), b.h(), b.rotation());
        }
        Ellipse e = (Ellipse) a;
        return Rasterizer.ellipse(e.cx(), e.cy(), e.rx(), e.ry(), e.rotation());
    }

    /**
     * The instance id of each shape: one instance per group and label (per shape when
     * ungrouped). A group keeps its number as id where it fits the VOC palette; the others
     * take the smallest free ids.
     */
    private int[] instanceIds(Item item, List<Annotation> shapes) {
        int[] ids = new int[shapes.size()];
        Map<String, Integer> shapeOfKey = new HashMap<>(); // group:label -> first shape
        Map<Integer, Integer> labelOfGroup = new HashMap<>();
        Set<Integer> taken = new HashSet<>();
        for (int i = 0; i < shapes.size(); i++) {
            Annotation a = shapes.get(i);
            int group = a.info().group();
            if (group == 0) {
                continue;
            }
            Integer first = shapeOfKey.putIfAbsent(group + ":" + a.label(), i);
            if (first != null) {
                ids[i] = -1 - first; // resolved below to the first shape's id
                problems.changed(item.id(), a.kind(), "merged with the other '" + categories.nameOf(a.label())
                        + "' shapes of group " + group + " into one instance mask");
                continue;
            }
            Integer groupLabel = labelOfGroup.putIfAbsent(group, a.label());
            if (groupLabel != null) {
                problems.changed(item.id(), a.kind(), "group " + group + " has labels '" + categories.nameOf(groupLabel)
                        + "' and '" + categories.nameOf(a.label()) + "': each label is written as its own instance");
            }
            if (group <= PALETTE_IDS && group > 0 && taken.add(group)) {
                ids[i] = group;
            }
        }
        InstanceIds.complete(ids, taken);
        return ids;
    }

    // The PNGs are encoded by the output (on the zip's thread): the images are this item's own.

    private void writeClassMap(String itemId, RunImage classes) throws IOException {
        List<Rgb> colours = List.copyOf(labelMap.colours());
        output.entry(CLASS_DIR + "/" + itemId + MASK_EXT, out -> MaskPngs.writeClassMap(classes, colours, out));
    }

    private void writeInstanceMap(String itemId, RunImage instances, int max) throws IOException {
        if (max > PALETTE_IDS) {
            problems.item(itemId, max + " instances: ids above " + PALETTE_IDS
                    + " take colours beyond the VOC palette, which CVAT cannot read back");
        }
        output.entry(OBJECT_DIR + "/" + itemId + MASK_EXT, out -> MaskPngs.writeInstanceMap(instances, max, out));
    }

    @Override
    public void finish() throws IOException {
        for (Writer list : subsetLists.values()) {
            list.close();
        }
    }
}

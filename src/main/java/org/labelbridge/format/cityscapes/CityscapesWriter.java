package org.labelbridge.format.cityscapes;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.labelbridge.format.DatasetOutput;
import org.labelbridge.format.DatasetWriter;
import org.labelbridge.format.FormatException;
import org.labelbridge.format.Problems;
import org.labelbridge.format.common.FileNames;
import org.labelbridge.format.common.pixels.BackgroundFirstLabels;
import org.labelbridge.format.common.pixels.CodedInstances;
import org.labelbridge.format.common.pixels.IndexImage;
import org.labelbridge.format.common.pixels.LabelColors;
import org.labelbridge.format.common.pixels.MaskCompositor;
import org.labelbridge.format.common.pixels.MaskImage;
import org.labelbridge.format.common.pixels.PngEncoder;
import org.labelbridge.format.common.pixels.ShapeCanvas;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.AnnotationKind;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;

/** Writes label_colors.txt first, then per item its image and three masks (colour, labelIds, instanceIds). */
final class CityscapesWriter implements DatasetWriter {

    static final String FORMAT = "Cityscapes 1.0";
    /** Instance ids are written as 16-bit grey values. */
    private static final int MAX_ID = 0xffff;

    private final DatasetOutput output;
    private final Problems problems;
    private final Map<String, String> folders = new HashMap<>();
    private BackgroundFirstLabels labels;
    private Categories categories;
    private int[] packedColours;
    private int itemsWritten;

    CityscapesWriter(DatasetOutput output, Problems problems) {
        this.output = output;
        this.problems = problems;
    }

    @Override
    public void begin(Categories categories) throws IOException {
        this.categories = categories;
        this.labels = new BackgroundFirstLabels(categories, false, FORMAT, problems);
        this.packedColours = labels.colours().stream().mapToInt(MaskImage::pack).toArray();
        try (OutputStream out = output.entry(LabelColors.FILE_NAME)) {
            LabelColors.write(labels.entries(), out);
        }
    }

    @Override
    public void write(Item given) throws IOException {
        Item item = FileNames.withPathId(given, problems, "Cityscapes");
        String subset = folder(item.subset());
        String extension = item.media().extension().isEmpty() ? ".png" : item.media().extension();
        boolean copied = item.media().hasPath() && output.copyMedia(item.media(),
                CityscapesFiles.IMAGES + "/" + subset + "/" + item.id() + CityscapesFiles.IMAGE_SUFFIX + extension);
        List<Annotation> candidates = new ArrayList<>();
        for (Annotation a : item.annotations()) {
            if (a.label() != null && labels.classOf(a.label()) >= 1000) {
                problems.dropped(item.id(), a.kind(), "label '" + categories.nameOf(a.label())
                        + "' has class index 1000 or more, which instanceIds cannot tell from an instance id");
            } else {
                candidates.add(a);
            }
        }
        ShapeCanvas canvas = ShapeCanvas.of(item, candidates, FORMAT, "class and instance masks", problems);
        if (canvas.isEmpty()) {
            if (!copied) {
                problems.droppedItem(item.id(), "it has no masks and its image is not copied, and Cityscapes knows"
                        + " items only by these files");
                return;
            }
            itemsWritten++;
            return;
        }
        writeMasks(item, canvas, CityscapesFiles.GT_FINE + "/" + subset + "/" + item.id());
        itemsWritten++;
    }

    private String folder(String subset) {
        return folders.computeIfAbsent(subset, s -> {
            String name = s.replaceAll("[/\\\\]", "_");
            if (!name.equals(s)) {
                problems.dataset("subset '" + s + "' written as '" + name + "': a Cityscapes subset is one folder");
            }
            return name;
        });
    }

    private void writeMasks(Item item, ShapeCanvas canvas, String prefix) throws IOException {
        List<Annotation> shapes = canvas.shapes();
        int[] classes = new int[shapes.size()];
        for (int i = 0; i < shapes.size(); i++) {
            classes[i] = labels.classOf(shapes.get(i).label());
            reportAttributes(item, shapes.get(i));
        }
        // Instance n of class 0 would be stored as n, which reads as a crowd of class n: class 0 (the
        // background) has no instances, so its shapes are coded beyond the map and written as crowds.
        CodedInstances.Layout layout = CodedInstances.lay(item.id(), shapes, classes, 999, MAX_ID,
                (c, n) -> n == 0 ? c : c == 0 ? MAX_ID + 1L : c * 1000L + n, "Cityscapes", categories, problems);
        MaskCompositor.Compiled compiled = canvas.paint(classes, layout.regions());
        // Recoloured on the encoder threads, beside the conversion.
        int[] colours = packedColours;
        int[] values = layout.values();
        output.entry(prefix + CityscapesFiles.COLOR,
                out -> PngEncoder.writeRgb(compiled.classes().map(v -> colours[v]), out));
        int depth = labels.size() <= 256 ? 8 : 16;
        output.entry(prefix + CityscapesFiles.LABEL_IDS, out -> PngEncoder.writeGray(compiled.classes(), depth, out));
        output.entry(prefix + CityscapesFiles.INSTANCE_IDS,
                out -> PngEncoder.writeGray(compiled.instances().map(v -> values[v]), 16, out));
        problems.wroteAs(item.id(), Map.of(AnnotationKind.MASK, layout.valuesShown(compiled)), "painted into the"
                + " instanceIds mask, which reads back as one mask per id, the unpainted background (label 0) included");
    }

    private void reportAttributes(Item item, Annotation a) {
        List<String> lost = a.attributes().keySet().stream().filter(k -> !k.equals(CodedInstances.IS_CROWD)).toList();
        if (!lost.isEmpty()) {
            problems.changed(item.id(), a.kind(), "attributes " + lost + " not kept: Cityscapes keeps only is_crowd");
        }
    }

    /** An output without one item reads as no Cityscapes dataset, in CVAT as here: refused instead. */
    @Override
    public void finish() throws FormatException {
        if (itemsWritten == 0) {
            throw new FormatException("no item has a mask or an image in the source: Cityscapes keeps items only as"
                    + " gtFine/<subset>/*_gtFine_instanceIds.png masks and imgsFine/leftImg8bit/ images, the files its"
                    + " importer looks for, and label_colors.txt alone is no dataset");
        }
    }
}

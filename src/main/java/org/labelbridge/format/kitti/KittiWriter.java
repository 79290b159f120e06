package org.labelbridge.format.kitti;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.labelbridge.format.DatasetOutput;
import org.labelbridge.format.DatasetWriter;
import org.labelbridge.format.Problems;
import org.labelbridge.format.common.FileNames;
import org.labelbridge.format.common.pixels.BackgroundFirstLabels;
import org.labelbridge.format.common.pixels.CodedInstances;
import org.labelbridge.format.common.pixels.DatasetMetaFile;
import org.labelbridge.format.common.pixels.IndexImage;
import org.labelbridge.format.common.pixels.LabelColors;
import org.labelbridge.format.common.pixels.MaskCompositor;
import org.labelbridge.format.common.pixels.MaskImage;
import org.labelbridge.format.common.pixels.PngEncoder;
import org.labelbridge.format.common.pixels.ShapeCanvas;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.AnnotationKind;
import org.labelbridge.model.Bbox;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;

/**
 * Writes label_colors.txt and labels.txt first, then per item its image, its boxes as a
 * label_2 file and its other shapes as instance, semantic and semantic_rgb masks.
 */
final class KittiWriter implements DatasetWriter {

    static final String FORMAT = "KITTI 1.0";
    private static final Set<String> BOX_ATTRIBUTES = Set.of("truncated", "occluded", "alpha", "dimensions", "location",
            "rotation_y", "score");
    /** Instance masks are 16-bit: label in the high byte, instance in the low byte. */
    private static final int MAX_LABEL = 255;
    private static final int MAX_INSTANCE = 255;

    private final DatasetOutput output;
    private final Problems problems;
    private final Map<String, String> folders = new HashMap<>();
    private BackgroundFirstLabels labels;
    private Categories categories;
    private int[] packedColours;

    KittiWriter(DatasetOutput output, Problems problems) {
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
        // Datumaro builds the labels of each subset's label_2 files from the types it meets there, and CVAT
        // then fails on subsets that disagree; with dataset_meta.json every part takes the same list.
        try (OutputStream out = output.entry(DatasetMetaFile.FILE_NAME)) {
            DatasetMetaFile.write(labels.entries(), out);
        }
        try (Writer out = new OutputStreamWriter(output.entry(KittiFiles.LABEL_LIST), StandardCharsets.UTF_8)) {
            for (int i = 0; i < categories.labels().size(); i++) {
                out.write(labels.nameOf(i) + "\n");
            }
        }
    }

    @Override
    public void write(Item given) throws IOException {
        Item item = FileNames.withPathId(given, problems, "KITTI");
        String folder = folder(item.subset()) + "/";
        if (item.media().hasPath()) {
            String extension = item.media().extension().isEmpty() ? ".png" : item.media().extension();
            output.copyMedia(item.media(), folder + KittiFiles.IMAGES + "/" + item.id() + extension);
        }
        List<Bbox> boxes = new ArrayList<>();
        List<Annotation> shapes = new ArrayList<>();
        for (Annotation a : item.annotations()) {
            if (a instanceof Bbox b && b.rotation() == 0) {
                boxes.add(b); // labelled: the pipeline drops unlabelled shapes for KITTI
            } else if (a.label() != null && labels.classOf(a.label()) > MAX_LABEL) {
                problems.dropped(item.id(), a.kind(), "label '" + categories.nameOf(a.label()) + "' has class index above "
                        + MAX_LABEL + ", which a 16-bit instance mask cannot hold");
            } else {
                shapes.add(a);
            }
        }
        ShapeCanvas canvas = ShapeCanvas.of(item, shapes, FORMAT, "class and instance masks", problems);
        if (!canvas.isEmpty()) {
            Map<AnnotationKind, Integer> written = new EnumMap<>(AnnotationKind.class);
            written.put(AnnotationKind.BBOX, boxes.size());
            written.put(AnnotationKind.MASK, writeMasks(item, canvas, folder));
            problems.wroteAs(item.id(), written,
                    "shapes painted into the instance mask, which reads back as one mask per id, the unpainted"
                            + " background (label 0) included");
        }
        if (!boxes.isEmpty() || canvas.isEmpty()) { // an empty label file keeps an item without annotations
            writeBoxes(item, boxes, folder + KittiFiles.LABELS + "/" + item.id() + ".txt");
        }
    }

    private String folder(String subset) {
        return folders.computeIfAbsent(subset, s -> {
            String name = s.replaceAll("[/\\\\]", "_");
            if (!name.equals(s)) {
                problems.dataset("subset '" + s + "' written as '" + name + "': a KITTI subset is one folder");
            }
            return name;
        });
    }

    private void writeBoxes(Item item, List<Bbox> boxes, String path) throws IOException {
        try (Writer out = new OutputStreamWriter(output.entry(path), StandardCharsets.UTF_8)) {
            for (Bbox box : boxes) {
                out.write(line(item, box).format() + "\n");
            }
        }
    }

    private KittiLine line(Item item, Bbox box) {
        Map<String, Object> a = box.attributes();
        List<String> lost = new ArrayList<>(a.keySet().stream().filter(k -> !BOX_ATTRIBUTES.contains(k)).toList());
        double truncated = flagOrNumber(a.get("truncated"), "truncated", lost);
        double occluded = flagOrNumber(a.get("occluded"), "occluded", lost);
        double alpha = number(a.get("alpha"), "alpha", lost);
        List<Double> dimensions = triple(a.get("dimensions"), "dimensions", lost);
        List<Double> location = triple(a.get("location"), "location", lost);
        double rotationY = number(a.get("rotation_y"), "rotation_y", lost);
        Double score = a.get("score") instanceof Number n ? n.doubleValue() : null;
        if (a.containsKey("score") && score == null) {
            lost.add("score");
        }
        if (!lost.isEmpty()) {
            problems.changed(item.id(), box.kind(), "attributes " + lost + " not kept: a KITTI object line holds"
                    + " truncated, occluded, alpha, dimensions, location, rotation_y and score (as numbers)");
        }
        return new KittiLine(labels.nameOf(box.label()), truncated, occluded, alpha, box.x(), box.y(), box.x2(), box.y2(),
                dimensions, location, rotationY, score);
    }

    private static double flagOrNumber(Object value, String name, List<String> lost) {
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (value instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return s.equalsIgnoreCase("true") ? 1 : 0;
        }
        return value == null ? 0 : number(value, name, lost, 0);
    }

    private static double number(Object value, String name, List<String> lost) {
        return number(value, name, lost, KittiLine.UNSET);
    }

    private static double number(Object value, String name, List<String> lost, double unset) {
        if (value instanceof Number n && Double.isFinite(n.doubleValue())) {
            return n.doubleValue();
        }
        if (value != null) {
            lost.add(name);
        }
        return unset;
    }

    private static List<Double> triple(Object value, String name, List<String> lost) {
        if (value instanceof List<?> list && list.size() == 3 && list.stream().allMatch(v -> v instanceof Number)) {
            return list.stream().map(v -> ((Number) v).doubleValue()).toList();
        }
        if (value != null) {
            lost.add(name);
        }
        return List.of(KittiLine.UNSET, KittiLine.UNSET, KittiLine.UNSET);
    }

    /** Writes the masks; returns how many masks the instance mask reads back as. */
    private int writeMasks(Item item, ShapeCanvas canvas, String folder) throws IOException {
        List<Annotation> shapes = canvas.shapes();
        int[] classes = new int[shapes.size()];
        for (int i = 0; i < shapes.size(); i++) {
            Annotation a = shapes.get(i);
            classes[i] = labels.classOf(a.label());
            List<String> lost = a.attributes().keySet().stream().filter(k -> !k.equals(CodedInstances.IS_CROWD)).toList();
            if (!lost.isEmpty()) {
                problems.changed(item.id(), a.kind(), "attributes " + lost + " not kept: KITTI masks keep only is_crowd");
            }
        }
        CodedInstances.Layout layout = CodedInstances.lay(item.id(), shapes, classes, MAX_INSTANCE, 0xffff,
                (c, n) -> (long) c << 8 | n, "KITTI", categories, problems);
        MaskCompositor.Compiled compiled = canvas.paint(classes, layout.regions());
        // Recoloured on the encoder threads, beside the conversion.
        int[] colours = packedColours;
        int[] values = layout.values();
        String name = "/" + item.id() + ".png";
        output.entry(folder + KittiFiles.INSTANCES + name,
                out -> PngEncoder.writeGray(compiled.instances().map(v -> values[v]), 16, out));
        output.entry(folder + KittiFiles.SEMANTIC + name, out -> PngEncoder.writeGray(compiled.classes(), 8, out));
        output.entry(folder + KittiFiles.SEMANTIC_RGB + name,
                out -> PngEncoder.writeRgb(compiled.classes().map(v -> colours[v]), out));
        return layout.valuesShown(compiled);
    }

    @Override
    public void finish() {
    }
}

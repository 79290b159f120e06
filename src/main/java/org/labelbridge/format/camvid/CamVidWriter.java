package org.labelbridge.format.camvid;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.labelbridge.format.DatasetOutput;
import org.labelbridge.format.DatasetWriter;
import org.labelbridge.format.Problems;
import org.labelbridge.format.common.FileNames;
import org.labelbridge.format.common.pixels.BackgroundFirstLabels;
import org.labelbridge.format.common.pixels.IndexImage;
import org.labelbridge.format.common.pixels.LabelColors;
import org.labelbridge.format.common.pixels.MaskCompositor;
import org.labelbridge.format.common.pixels.MaskImage;
import org.labelbridge.format.common.pixels.MasksReadBack;
import org.labelbridge.format.common.pixels.PngEncoder;
import org.labelbridge.format.common.pixels.ShapeCanvas;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;

/** Writes label_colors.txt first, then per item its image and colour mask; the subset lists at the end. */
final class CamVidWriter implements DatasetWriter {

    private static final String FORMAT = "CamVid 1.0";

    private final DatasetOutput output;
    private final Problems problems;
    private final Map<String, Writer> lists = new LinkedHashMap<>();
    private final Map<String, String> folders = new HashMap<>();
    private BackgroundFirstLabels labels;
    private Categories categories;
    private int[] packedColours;

    CamVidWriter(DatasetOutput output, Problems problems) {
        this.output = output;
        this.problems = problems;
    }

    @Override
    public void begin(Categories categories) throws IOException {
        this.categories = categories;
        this.labels = new BackgroundFirstLabels(categories, true, FORMAT, problems);
        this.packedColours = labels.colours().stream().mapToInt(MaskImage::pack).toArray();
        // An added background is left out, as CVAT writes it: readers add it back as label 0.
        List<LabelColors.Entry> entries = labels.entries();
        try (OutputStream out = output.entry(LabelColors.FILE_NAME)) {
            LabelColors.write(labels.backgroundAdded() ? entries.subList(1, entries.size()) : entries, out);
        }
    }

    @Override
    public void write(Item given) throws IOException {
        Item item = FileNames.withPathId(given, problems, "CamVid");
        String folder = folder(item.subset());
        Writer list = lists.get(folder);
        if (list == null) {
            list = new OutputStreamWriter(output.deferred(folder + ".txt"), StandardCharsets.UTF_8);
            lists.put(folder, list);
        }
        String extension = item.media().extension().isEmpty() ? ".png" : item.media().extension();
        String image = folder + "/" + item.id() + extension;
        if (item.media().hasPath()) {
            output.copyMedia(item.media(), image);
        }
        String mask = writeMask(item, folder);
        list.write(new ListLine(image, mask).format() + "\n");
    }

    /** The folder (and list name) of a subset: one path segment, and not the label table's name. */
    private String folder(String subset) {
        return folders.computeIfAbsent(subset, s -> {
            String name = s.replaceAll("[/\\\\]", "_");
            if (name.equals("label_colors")) {
                name = "label_colors_subset";
            }
            if (!name.equals(s)) {
                problems.dataset("subset '" + s + "' written as '" + name + "': a CamVid subset is one folder and one"
                        + " list file beside " + LabelColors.FILE_NAME);
            }
            return name;
        });
    }

    /** Paints the item's shapes into one class mask; returns its path, or null when there is none. */
    private String writeMask(Item item, String folder) throws IOException {
        ShapeCanvas canvas = ShapeCanvas.of(item, item.annotations(), FORMAT, "class masks", problems);
        if (canvas.isEmpty()) {
            return null;
        }
        List<Annotation> shapes = canvas.shapes();
        int[] classes = new int[shapes.size()];
        int[] regions = new int[shapes.size()];
        Map<Integer, Integer> shapesOfClass = new HashMap<>();
        for (int i = 0; i < shapes.size(); i++) {
            Annotation a = shapes.get(i);
            classes[i] = labels.classOf(a.label());
            regions[i] = classes[i] + 1; // one region per class: CamVid masks have no instances
            if (shapesOfClass.merge(classes[i], 1, Integer::sum) > 1) {
                problems.changed(item.id(), a.kind(), "merged with the other '" + categories.nameOf(a.label())
                        + "' shapes into one class mask: CamVid masks have no instances");
            }
        }
        MaskCompositor.Compiled compiled = canvas.paint(classes, regions);
        MasksReadBack.report(problems, item.id(), MasksReadBack.perClass(compiled, !labels.backgroundAdded()), Map.of(),
                "painted into one class mask, read back as one mask per label: CamVid masks have no instances");
        int[] colours = packedColours;
        String path = folder + "annot/" + item.id() + ".png";
        // Recoloured on an encoder thread, beside the conversion.
        output.entry(path, out -> PngEncoder.writeRgb(compiled.classes().map(v -> colours[v]), out));
        return path;
    }

    @Override
    public void finish() throws IOException {
        for (Writer list : lists.values()) {
            list.close();
        }
    }
}

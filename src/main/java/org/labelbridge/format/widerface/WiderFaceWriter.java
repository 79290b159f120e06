package org.labelbridge.format.widerface;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.labelbridge.format.DatasetOutput;
import org.labelbridge.format.DatasetWriter;
import org.labelbridge.format.Problems;
import org.labelbridge.format.common.FileNames;
import org.labelbridge.format.common.LabelFileNames;
import org.labelbridge.format.common.NumberText;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.AnnotationKind;
import org.labelbridge.model.Bbox;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;
import org.labelbridge.model.Label;
import org.labelbridge.model.Tag;

/**
 * Writes {@code labels.txt}, one {@code wider_face_<subset>_bbx_gt.txt} per subset (spooled as
 * items stream) and the images under {@code WIDER_<subset>/images/<index>--<label>/}.
 */
final class WiderFaceWriter implements DatasetWriter {

    private final DatasetOutput output;
    private final Problems problems;
    private Categories categories;
    private LabelFileNames folderNames;
    private final Map<String, Writer> subsets = new HashMap<>();

    WiderFaceWriter(DatasetOutput output, Problems problems) {
        this.output = output;
        this.problems = problems;
    }

    @Override
    public void begin(Categories categories) throws IOException {
        this.categories = categories;
        this.folderNames = new LabelFileNames(categories, problems, WiderFaceFiles.LABELS_FILE + " and the box lines"
                + " keep the real name (Datumaro reads the tag under the folder's name)");
        try (Writer out = new OutputStreamWriter(output.entry(WiderFaceFiles.LABELS_FILE), StandardCharsets.UTF_8)) {
            for (Label label : categories.labels()) {
                out.write(label.name());
                out.write('\n');
            }
        }
    }

    @Override
    public void write(Item given) throws IOException {
        Item item = FileNames.withPathId(given, problems, "WIDER Face");
        String path = folder(item) + "/" + item.id() + extension(item);
        if (path.indexOf('\n') >= 0 || path.indexOf('\r') >= 0) {
            problems.item(item.id(), "not written: a WIDER Face image path cannot hold a line break");
            return;
        }
        List<String> boxes = new ArrayList<>();
        for (Annotation a : item.annotations()) {
            if (a instanceof Bbox box) {
                String line = boxLine(item.id(), box);
                if (line != null) {
                    boxes.add(line);
                }
            }
        }
        StringBuilder block = new StringBuilder(path).append('\n').append(boxes.size()).append('\n');
        for (String box : boxes) {
            block.append(box).append('\n');
        }
        if (boxes.isEmpty()) {
            block.append("0 0 0 0 0 0 0 0 0 0\n");
        }
        subsetFile(item.subset()).write(block.toString());
        output.copyMedia(item.media(), WiderFaceFiles.imagesDir(item.subset()) + "/" + path);
    }

    /** {@code <index>--<label>} of the item's first tag, else {@code no_label}. */
    private String folder(Item item) {
        String folder = null;
        for (Annotation a : item.annotations()) {
            if (a instanceof Tag && a.label() != null) {
                String name = categories.nameOf(a.label());
                if (folder != null) {
                    problems.dropped(item.id(), AnnotationKind.TAG, "tag '" + name + "' not kept: a WIDER Face image"
                            + " is in one event folder, " + folder);
                } else {
                    folder = a.label() + "--" + folderNames.of(a.label());
                }
            }
        }
        return folder == null ? WiderFaceFiles.NO_LABEL : folder;
    }

    /** {@code x y w h [6 flags] [label]}, or null (reported) when the line cannot hold the box. */
    private String boxLine(String itemId, Bbox box) {
        StringBuilder line = new StringBuilder();
        line.append(NumberText.of(box.x())).append(' ').append(NumberText.of(box.y())).append(' ')
                .append(NumberText.of(box.w())).append(' ').append(NumberText.of(box.h()));
        List<String> lost = new ArrayList<>();
        for (String name : box.attributes().keySet()) {
            if (!WiderFaceFiles.ATTRIBUTES.contains(name)) {
                lost.add(name);
            }
        }
        if (!lost.isEmpty()) {
            problems.changed(itemId, AnnotationKind.BBOX, "attributes " + lost + " not kept: a WIDER Face box holds"
                    + " only " + String.join(", ", WiderFaceFiles.ATTRIBUTES));
        }
        if (WiderFaceFiles.ATTRIBUTES.stream().anyMatch(box.attributes()::containsKey)) {
            for (String name : WiderFaceFiles.ATTRIBUTES) {
                line.append(' ').append(flag(itemId, name, box.attributes().get(name)));
            }
        }
        String label = box.label() == null ? WiderFaceFiles.DEFAULT_LABEL : categories.nameOf(box.label());
        if (!label.equals(WiderFaceFiles.DEFAULT_LABEL)) {
            if (label.isEmpty() || label.chars().anyMatch(Character::isWhitespace)) {
                problems.dropped(itemId, AnnotationKind.BBOX, "label '" + label + "' cannot be written in a WIDER"
                        + " Face box line, whose fields are separated by spaces");
                return null;
            }
            line.append(' ').append(label);
        }
        if (WiderFaceFiles.readAsImagePath(line.toString())) {
            problems.dropped(itemId, AnnotationKind.BBOX, "label '" + label + "' cannot be written in this WIDER Face"
                    + " box line: CVAT's importer takes a line with '/' (or '\\') and '.' for an image path");
            return null;
        }
        return line.toString();
    }

    /** A flag as its column holds it: {@code -} when absent; booleans as {@code True}/{@code False}. */
    private String flag(String itemId, String name, Object value) {
        if (value == null) {
            return "-";
        }
        String text = value instanceof Boolean b ? (b ? "True" : "False")
                : value instanceof Double d ? NumberText.of(d) : value.toString();
        if (text.isEmpty() || text.equals("-") || text.chars().anyMatch(Character::isWhitespace)) {
            problems.changed(itemId, AnnotationKind.BBOX, "attribute " + name + "='" + text + "' not kept: a WIDER"
                    + " Face flag is one word");
            return "-";
        }
        return text;
    }

    private static String extension(Item item) {
        String ext = item.media().extension();
        return ext.isEmpty() ? WiderFaceFiles.DEFAULT_IMAGE_EXT : ext;
    }

    private Writer subsetFile(String subset) throws IOException {
        Writer out = subsets.get(subset);
        if (out == null) {
            out = new OutputStreamWriter(output.deferred(WiderFaceFiles.annotationFile(subset)), StandardCharsets.UTF_8);
            subsets.put(subset, out);
        }
        return out;
    }

    @Override
    public void finish() throws IOException {
        for (Writer out : subsets.values()) {
            out.close();
        }
    }
}

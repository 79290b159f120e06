package org.labelbridge.format.imagenet;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.labelbridge.format.DatasetOutput;
import org.labelbridge.format.DatasetWriter;
import org.labelbridge.format.Problems;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;
import org.labelbridge.model.Label;

/**
 * Writes the text layout (CVAT's ImageNet export without images): {@code synsets.txt} and one
 * {@code <subset>.txt} per subset, a line {@code <image file> <label index>...} per item.
 */
final class ImageNetTxtWriter implements DatasetWriter {

    private final DatasetOutput output;
    private final Problems problems;
    private final Map<String, Writer> subsets = new LinkedHashMap<>();

    ImageNetTxtWriter(DatasetOutput output, Problems problems) {
        this.output = output;
        this.problems = problems;
    }

    @Override
    public void begin(Categories categories) throws IOException {
        try (Writer out = new OutputStreamWriter(output.entry(ImageNetFiles.LABELS_FILE), StandardCharsets.UTF_8)) {
            for (Label label : categories.labels()) {
                out.write(label.name());
                out.write('\n');
            }
        }
    }

    @Override
    public void write(Item item) throws IOException {
        if (item.id().indexOf('"') >= 0 || item.id().indexOf('\n') >= 0) {
            problems.item(item.id(), "not written: an ImageNet line cannot hold an image name with '\"' or a line break");
            return;
        }
        StringBuilder line = new StringBuilder(ImageNetLine.imageToken(item.id(),
                item.media().extension().isEmpty() ? ImageNetFiles.DEFAULT_IMAGE_EXT : item.media().extension()));
        Set<Integer> labels = new LinkedHashSet<>();
        for (Annotation a : item.annotations()) {
            if (a.label() != null) {
                labels.add(a.label());
            }
        }
        for (int label : labels) {
            line.append(' ').append(label);
        }
        line.append('\n');
        subsetFile(item.subset()).write(line.toString());
    }

    private Writer subsetFile(String subset) throws IOException {
        Writer out = subsets.get(subset);
        if (out == null) {
            String name = subset;
            if (ImageNetFiles.isLabelsFile(subset + ".txt") || subset.indexOf('/') >= 0) {
                name = "subset_" + subset.replace('/', '_');
                problems.dataset("subset '" + subset + "' written as '" + name + "': its file name would be"
                        + " taken for the labels file or a folder");
            }
            out = new OutputStreamWriter(output.deferred(name + ".txt"), StandardCharsets.UTF_8);
            subsets.put(subset, out);
        }
        return out;
    }

    @Override
    public void finish() throws IOException {
        if (subsets.isEmpty()) {
            subsetFile(Item.DEFAULT_SUBSET); // an empty dataset is still one its importer finds
        }
        for (Writer out : subsets.values()) {
            out.close();
        }
    }
}

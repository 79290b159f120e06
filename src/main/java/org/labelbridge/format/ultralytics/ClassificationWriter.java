package org.labelbridge.format.ultralytics;

import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.labelbridge.format.DatasetOutput;
import org.labelbridge.format.DatasetWriter;
import org.labelbridge.format.Problems;
import org.labelbridge.format.common.FileNames;
import org.labelbridge.format.common.LabelFileNames;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.AnnotationKind;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;

/**
 * Writes CVAT's classification layout: each image copied into {@code <subset>/<label>/} of its
 * first label ({@code no_label/} when it has none), and per subset a labels.json (deferred)
 * with every item's id, labels and image path, which keeps what the folders cannot: the id,
 * further labels, items without an image.
 */
final class ClassificationWriter implements DatasetWriter {

    private final DatasetOutput output;
    private final Problems problems;
    private final SubsetNames subsetNames;
    private Categories categories;
    private LabelFileNames folderNames;
    private final Map<String, LabelsJson.Out> labelsFiles = new LinkedHashMap<>();
    private final Set<String> written = new HashSet<>();
    private final Map<Integer, String> folders = new HashMap<>();
    private final BitSet used = new BitSet();

    ClassificationWriter(DatasetOutput output, Problems problems) {
        this.output = output;
        this.problems = problems;
        this.subsetNames = new SubsetNames(Set.of(), problems);
    }

    @Override
    public void begin(Categories categories) {
        this.categories = categories;
        this.folderNames = new LabelFileNames(categories, problems, LabelsJson.FILE + " keeps its name");
    }

    @Override
    public void write(Item item) throws IOException {
        String subset = subsetNames.of(item);
        List<Integer> labels = new ArrayList<>();
        for (Annotation annotation : item.annotations()) {
            if (annotation.kind() != AnnotationKind.TAG) {
                problems.dropped(item.id(), annotation.kind(), "Ultralytics YOLO Classification 1.0 holds only "
                        + UltralyticsTask.CLASSIFICATION.holds());
            } else if (annotation.label() == null) {
                problems.dropped(item.id(), annotation.kind(), "a tag without a label says nothing here");
            } else if (!labels.contains(annotation.label())) {
                labels.add(annotation.label());
                used.set(annotation.label());
            }
        }
        String folder = labels.isEmpty() ? ClassificationReader.NO_LABEL : folder(labels.get(0));
        if (labels.size() > 1) {
            problems.item(item.id(), "has " + labels.size() + " labels: its image is filed under '" + folder
                    + "' only; the others are kept in " + LabelsJson.FILE + ", which Ultralytics does not read");
        }
        String id = item.id();
        if (!ids(subset).add(id)) {
            problems.item(id, "not written: another item of subset '" + subset + "' has the same id");
            for (Annotation annotation : item.annotations()) {
                problems.dropped(id, annotation.kind(), "its item is not written (its id is taken)");
            }
            return;
        }
        String name = FileNames.path(id.startsWith(folder + "/") ? id.substring(folder.length() + 1) : id);
        String extension = item.media().extension().isEmpty()
                ? UltralyticsLayout.DEFAULT_IMAGE_EXTENSION : item.media().extension();
        String relative = folder + "/" + name + extension;
        for (int n = 2; !written.add(subset + "/" + relative); n++) {
            relative = folder + "/" + name + "_" + n + extension;
        }
        if (!relative.equals(folder + "/" + name + extension)) {
            problems.item(item.id(), "its image is written as " + subset + "/" + relative + ": the name was taken");
        }
        LabelsJson.Out labelsFile = labelsFile(subset);
        if (!output.copyMedia(item.media(), subset + "/" + relative) && output.keepsMedia()) {
            problems.item(id, "its image is not in the source: the item is kept only in " + subset + "/"
                    + LabelsJson.FILE + ", which Ultralytics does not read");
        }
        labelsFile.write(id, labels.stream().map(categories::nameOf).toList(), relative);
    }

    @Override
    public void finish() throws IOException {
        for (LabelsJson.Out out : labelsFiles.values()) {
            out.close();
        }
        List<String> unused = new ArrayList<>();
        for (int i = 0; i < categories.labels().size(); i++) {
            if (!used.get(i)) {
                unused.add(categories.nameOf(i));
            }
        }
        if (!unused.isEmpty()) {
            problems.dataset("label(s) " + unused + " tag no image and are not kept: the classification layout"
                    + " declares labels only by their folders");
        }
    }

    private final Map<String, Set<String>> idsBySubset = new HashMap<>();

    private Set<String> ids(String subset) {
        return idsBySubset.computeIfAbsent(subset, s -> new HashSet<>());
    }

    private LabelsJson.Out labelsFile(String subset) throws IOException {
        LabelsJson.Out out = labelsFiles.get(subset);
        if (out == null) {
            out = new LabelsJson.Out(output.deferred(subset + "/" + LabelsJson.FILE));
            labelsFiles.put(subset, out);
        }
        return out;
    }

    /** The label's folder name: one path segment, not the folder of untagged images. */
    private String folder(int label) {
        return folders.computeIfAbsent(label, l -> {
            String safe = folderNames.of(l);
            if (safe.equals(ClassificationReader.NO_LABEL)) {
                problems.dataset("label '" + categories.nameOf(l) + "' has the name of the folder for images without"
                        + " a label; it reads back as no label");
            }
            return safe;
        });
    }
}

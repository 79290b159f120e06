package org.labelbridge.format.imagenet;

import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.labelbridge.format.DatasetOutput;
import org.labelbridge.format.DatasetWriter;
import org.labelbridge.format.Problems;
import org.labelbridge.format.common.FileNames;
import org.labelbridge.format.common.FlatFolderIds;
import org.labelbridge.format.common.LabelFileNames;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.AnnotationKind;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;

/**
 * Writes the folder layout (CVAT's ImageNet export with images): each image copied into the
 * folder of each label it is tagged with, unlabelled images into {@code no_label/}. Label
 * folders are the labels' file names ({@link LabelFileNames}); an id taken in a folder by an
 * item of another subset is written as {@code <subset>_<id>} ({@link FlatFolderIds}). The layout
 * has no annotation file, so everything it cannot hold is reported: subsets, items without an
 * image, several labels on one image, ids nested deeper than one folder.
 */
final class ImageNetFolderWriter implements DatasetWriter {

    private final DatasetOutput output;
    private final Problems problems;
    private Categories categories;
    private LabelFileNames folderNames;
    private final Map<String, FlatFolderIds> idsByFolder = new HashMap<>();
    private final Set<String> reportedSubsets = new HashSet<>();
    private final BitSet usedLabels = new BitSet();

    ImageNetFolderWriter(DatasetOutput output, Problems problems) {
        this.output = output;
        this.problems = problems;
    }

    @Override
    public void begin(Categories categories) {
        this.categories = categories;
        this.folderNames = new LabelFileNames(categories, problems, "the ImageNet folder layout has no other place"
                + " for it, so it reads back under that name");
    }

    @Override
    public void write(Item item) throws IOException {
        if (!writeIfImage(item)) {
            problems.droppedItem(item.id(), "the ImageNet folder layout stores an item only as its image, and the image "
                    + (item.media().hasPath() ? item.media().path() + " " : "") + "is not in the source");
        }
    }

    /**
     * Writes the item's image into its label folders and reports what the layout loses; returns
     * false, with nothing written, taken or reported, when the source has not the item's image.
     */
    boolean writeIfImage(Item item) throws IOException {
        if (!item.media().hasPath() || !output.keepsMedia()) {
            return false;
        }
        List<Integer> labels = new ArrayList<>();
        for (Annotation a : item.annotations()) {
            if (a.label() != null && !labels.contains(a.label())) {
                labels.add(a.label());
            }
        }
        List<String> folders = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Boolean> nested = new ArrayList<>();
        if (labels.isEmpty()) {
            folders.add(ImageNetFiles.NO_LABEL);
            names.add(fileName(item, ImageNetFiles.NO_LABEL, ImageNetFiles.NO_LABEL));
            nested.add(names.get(0).indexOf('/') >= 0);
        }
        for (int label : labels) {
            String folder = folderNames.name(label);
            folders.add(folder);
            names.add(fileName(item, categories.nameOf(label), folder));
            nested.add(names.get(names.size() - 1).indexOf('/') >= 0);
        }
        names.replaceAll(n -> n.replace('/', '_'));
        String extension = item.media().extension().isEmpty() ? ImageNetFiles.DEFAULT_IMAGE_EXT : item.media().extension();
        String first = ids(folders.get(0)).peek(item, names.get(0));
        if (first == null) {
            problems.droppedItem(item.id(), "another item of subset '" + item.subset() + "' has its file name "
                    + folders.get(0) + "/" + names.get(0));
            return true;
        }
        if (!output.copyMedia(item.media(), folders.get(0) + "/" + first + extension)) {
            return false;
        }
        labels.forEach(usedLabels::set);
        labels.forEach(folderNames::of); // reports a renamed label once
        if (!Item.DEFAULT_SUBSET.equals(item.subset()) && reportedSubsets.add(item.subset())) {
            problems.dataset("subset '" + item.subset() + "' not kept: the ImageNet folder layout (written when"
                    + " images are kept) has no subsets; its items are written into the same label folders");
        }
        int copies = 0;
        int labelled = 0;
        for (int i = 0; i < folders.size(); i++) {
            String name = ids(folders.get(i)).idOf(item, names.get(i));
            if (name == null) {
                problems.item(item.id(), "not written to " + folders.get(i) + "/: another item of subset '"
                        + item.subset() + "' has its file name");
                continue;
            }
            if (nested.get(i)) {
                problems.item(item.id(), "written as " + folders.get(i) + "/" + name
                        + ": ImageNet folders are one level deep");
            }
            if (i > 0) {
                output.copyMedia(item.media(), folders.get(i) + "/" + name + extension);
            }
            copies++;
            labelled += labels.isEmpty() ? 0 : 1;
        }
        if (copies > 1) {
            problems.wroteCopies(item.id(), copies, "ImageNet folders hold one label per image: the image is written"
                    + " into each of its label folders, as CVAT writes it, and reads back as one item per folder");
        }
        if (labelled != item.annotations().size()) {
            problems.wroteAs(item.id(), Map.of(AnnotationKind.TAG, labelled), "an image is in each of its label"
                    + " folders once: tags of one label read back as one");
        }
        return true;
    }

    private FlatFolderIds ids(String folder) {
        return idsByFolder.computeIfAbsent(folder, f -> new FlatFolderIds(problems, "the ImageNet folder " + f + "/"));
    }

    /** The image's file name without extension: the id without its leading label folder (still nested, perhaps). */
    private static String fileName(Item item, String label, String folder) {
        String id = FileNames.path(item.id());
        String name = id.startsWith(label + "/") ? id.substring(label.length() + 1)
                : id.startsWith(folder + "/") ? id.substring(folder.length() + 1) : id;
        return name;
    }

    @Override
    public void finish() {
        for (int i = 0; i < categories.labels().size(); i++) {
            if (!usedLabels.get(i)) {
                problems.dataset("label '" + categories.nameOf(i) + "' not kept: it tags no image, and the"
                        + " ImageNet folder layout declares labels only by their folders");
            }
        }
    }
}

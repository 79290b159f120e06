package org.labelbridge.format.imagenet;

import java.io.IOException;
import java.util.BitSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.labelbridge.format.DatasetOutput;
import org.labelbridge.format.DatasetWriter;
import org.labelbridge.format.Problems;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.AnnotationKind;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;

/**
 * Writes the folder layout (CVAT's ImageNet export with images): each image copied into the
 * folder of each label it is tagged with, unlabelled images into {@code no_label/}. The layout
 * has no annotation file, so everything it cannot hold is reported: subsets, items without an
 * image, several labels on one image, ids nested deeper than one folder.
 */
final class ImageNetFolderWriter implements DatasetWriter {

    private final DatasetOutput output;
    private final Problems problems;
    private Categories categories;
    private final Set<String> written = new HashSet<>();
    private final Set<String> reportedSubsets = new HashSet<>();
    private final BitSet usedLabels = new BitSet();

    ImageNetFolderWriter(DatasetOutput output, Problems problems) {
        this.output = output;
        this.problems = problems;
    }

    @Override
    public void begin(Categories categories) {
        this.categories = categories;
    }

    @Override
    public void write(Item item) throws IOException {
        if (!Item.DEFAULT_SUBSET.equals(item.subset()) && reportedSubsets.add(item.subset())) {
            problems.dataset("subset '" + item.subset() + "' not kept: the ImageNet folder layout (written when"
                    + " images are kept) has no subsets; its items are written into the same label folders");
        }
        Set<String> folders = new LinkedHashSet<>();
        for (Annotation a : item.annotations()) {
            if (a.label() != null) {
                folders.add(categories.nameOf(a.label()));
                usedLabels.set(a.label());
            }
        }
        if (folders.isEmpty()) {
            folders.add(ImageNetFiles.NO_LABEL);
        }
        String extension = item.media().extension().isEmpty() ? ImageNetFiles.DEFAULT_IMAGE_EXT : item.media().extension();
        int copies = 0;
        int labelled = 0;
        for (String folder : folders) {
            String path = freePath(item, folder, extension);
            if (!output.copyMedia(item.media(), path)) {
                problems.droppedItem(item.id(), "the ImageNet folder layout stores an item only as its image, and"
                        + " its image is not in the source");
                return;
            }
            copies++;
            labelled += folder.equals(ImageNetFiles.NO_LABEL) ? 0 : 1;
        }
        if (copies > 1) {
            problems.wroteCopies(item.id(), copies, "ImageNet folders hold one label per image: the image is written"
                    + " into each of its label folders, as CVAT writes it, and reads back as one item per folder");
        }
        if (labelled != item.annotations().size()) {
            problems.wroteAs(item.id(), Map.of(AnnotationKind.TAG, labelled), "an image is in each of its label"
                    + " folders once: tags of one label read back as one");
        }
    }

    /**
     * Where the item's image goes in the folder: {@code <folder>/<name><ext>}, or, when another
     * item (of another subset) has that file, its subset's name and if need be a number after the name.
     */
    private String freePath(Item item, String folder, String extension) {
        String name = fileName(item, folder);
        String path = folder + "/" + name + extension;
        if (written.add(path)) {
            return path;
        }
        String base = folder + "/" + name + "_" + item.subset().replaceAll("[^A-Za-z0-9_.-]", "_");
        path = base + extension;
        for (int n = 2; !written.add(path); n++) {
            path = base + "_" + n + extension;
        }
        problems.item(item.id(), "written as " + path + ": another item (of another subset) has the file of its id");
        return path;
    }

    /** The id without its leading label folder; deeper folders are flattened, as the layout is one deep. */
    private String fileName(Item item, String folder) {
        String name = item.id().startsWith(folder + "/") ? item.id().substring(folder.length() + 1) : item.id();
        if (name.indexOf('/') >= 0) {
            String flat = name.replace('/', '_');
            problems.item(item.id(), "written as " + folder + "/" + flat + ": ImageNet folders are one level deep");
            return flat;
        }
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

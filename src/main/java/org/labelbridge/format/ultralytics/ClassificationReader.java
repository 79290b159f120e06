package org.labelbridge.format.ultralytics;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.labelbridge.format.DatasetReader;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.Problems;
import org.labelbridge.format.common.ImageFiles;
import org.labelbridge.format.common.ImageHeaders;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.AnnotationInfo;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;
import org.labelbridge.model.Media;
import org.labelbridge.model.Tag;

/**
 * Reads {@code <subset>/<label>/<image>}: each image an item of its subset, tagged with its
 * folder's label (none in {@code no_label/}), id its path below the subset folder without
 * extension. Where a subset has CVAT's labels.json, the items are its entries instead, and its
 * labels are theirs. All labels are sorted by name, as Datumaro orders them.
 */
final class ClassificationReader implements DatasetReader {

    static final String NO_LABEL = "no_label";

    private final DatasetSource source;
    private final Problems problems;
    private final Categories categories;
    private final Iterator<String> subsets;
    private String subset;
    private Iterator<String> folderImages;
    private LabelsJson.Cursor entries;
    private final Set<String> listed = new HashSet<>();
    private final Set<String> ids = new HashSet<>();

    ClassificationReader(DatasetSource source, Problems problems) throws IOException {
        this.source = source;
        this.problems = problems;
        Set<String> labels = new TreeSet<>();
        List<String> subsetFolders = source.foldersIn("");
        for (String folder : subsetFolders) {
            String json = folder + "/" + LabelsJson.FILE;
            if (source.exists(json)) { // its labels, not its folders (which may be renamed labels)
                try (LabelsJson.Cursor cursor = new LabelsJson.Cursor(source, json)) {
                    for (LabelsJson.Entry entry = cursor.next(); entry != null; entry = cursor.next()) {
                        entry.labels().stream().filter(l -> !l.equals(NO_LABEL)).forEach(labels::add);
                    }
                }
                continue;
            }
            for (String label : source.foldersIn(folder)) {
                if (!label.equals(NO_LABEL)) {
                    labels.add(label);
                }
            }
        }
        this.categories = Categories.ofNames(new ArrayList<>(labels));
        this.subsets = subsetFolders.iterator();
    }

    @Override
    public Categories categories() {
        return categories;
    }

    @Override
    public Item next() throws IOException {
        while (true) {
            if (entries != null) {
                LabelsJson.Entry entry = entries.next();
                if (entry != null) {
                    String path = subset + "/" + String.join("/", UltralyticsLayout.segments(entry.path()));
                    listed.add(path);
                    Item item = item(entry.id(), path, entry.labels());
                    if (item != null) {
                        return item;
                    }
                    continue;
                }
                entries.close();
                entries = null;
                reportUnlisted();
            }
            if (folderImages != null && folderImages.hasNext()) {
                String path = folderImages.next();
                String relative = path.substring(subset.length() + 1);
                String label = relative.substring(0, relative.indexOf('/'));
                Item item = item(ImageFiles.stripExtension(relative), path, List.of(label));
                if (item != null) {
                    return item;
                }
                continue;
            }
            if (!subsets.hasNext()) {
                return null;
            }
            start(subsets.next());
        }
    }

    private void start(String next) throws IOException {
        subset = next;
        ids.clear();
        listed.clear();
        folderImages = null;
        String json = subset + "/" + LabelsJson.FILE;
        if (source.exists(json)) {
            entries = new LabelsJson.Cursor(source, json);
            return;
        }
        folderImages = images(subset, true).iterator();
    }

    /** The images in the subset's label folders; what else is there is reported when {@code report}. */
    private List<String> images(String folder, boolean report) {
        List<String> images = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (String file : source.filesUnder(folder)) {
            String relative = file.substring(folder.length() + 1);
            if (relative.indexOf('/') < 0) {
                if (!relative.equals(LabelsJson.FILE)) {
                    skipped.add(file);
                }
            } else if (ImageFiles.isUltralyticsImage(file)) {
                images.add(file);
            } else {
                skipped.add(file);
            }
        }
        if (report && !skipped.isEmpty()) {
            problems.dataset(skipped.size() + " file(s) in subset folder " + folder + " are not images in a label"
                    + " folder and were skipped, e.g. " + skipped.get(0));
        }
        return images;
    }

    private Item item(String id, String path, List<String> labels) throws IOException {
        if (!ids.add(id)) {
            problems.item(id, "skipped " + source.describe(path) + ": another image of subset '" + subset
                    + "' already has the id '" + id + "'");
            return null;
        }
        List<Annotation> tags = new ArrayList<>(labels.size());
        for (String label : labels) {
            if (!label.equals(NO_LABEL)) {
                tags.add(new Tag(AnnotationInfo.of(categories.indexOf(label))));
            }
        }
        Optional<ImageHeaders.Size> size = source.exists(path) ? ImageHeaders.read(source, path) : Optional.empty();
        Media media = new Media(path, size.map(ImageHeaders.Size::width).orElse(null),
                size.map(ImageHeaders.Size::height).orElse(null));
        return new Item(id, subset, media, tags);
    }

    /** Images of a subset with labels.json that it does not name. */
    private void reportUnlisted() {
        List<String> unlisted = new ArrayList<>();
        for (String image : images(subset, false)) {
            if (!listed.contains(image)) {
                unlisted.add(image);
            }
        }
        if (!unlisted.isEmpty()) {
            problems.dataset(unlisted.size() + " image(s) of subset '" + subset + "' that its " + LabelsJson.FILE
                    + " does not name were skipped, e.g. " + unlisted.get(0));
        }
    }

    @Override
    public void close() throws IOException {
        if (entries != null) {
            entries.close();
        }
    }
}

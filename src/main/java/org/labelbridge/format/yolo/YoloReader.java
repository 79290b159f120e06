package org.labelbridge.format.yolo;

import java.io.IOException;
import org.labelbridge.format.common.ImagesMeta;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.labelbridge.format.DatasetReader;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.Problems;
import org.labelbridge.format.common.ImageHeaders;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.AnnotationKind;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;
import org.labelbridge.model.Media;

/**
 * Turns each item's files into an item. YOLO boxes are fractions of the image size, so the
 * size is read from the image's header (or images.meta when the image is absent); an item
 * whose size cannot be learnt keeps no boxes, and says so.
 */
final class YoloReader implements DatasetReader {

    private static final Pattern SUBSET_FOLDER = Pattern.compile("obj_\\w+_data");

    private final DatasetSource source;
    private final Problems problems;
    private final Categories categories;
    private final YoloEntries entries;
    private final ImagesMeta imagesMeta;
    /** Whether items come from list files, so that a label file no list names was skipped. */
    private final boolean listed;
    /** Label files read, to report the ones no list mentions. */
    private final Set<String> labelsRead = new HashSet<>();
    private boolean done;

    YoloReader(DatasetSource source, Problems problems, Categories categories, YoloEntries entries,
               ImagesMeta imagesMeta, boolean listed) {
        this.source = source;
        this.problems = problems;
        this.categories = categories;
        this.entries = entries;
        this.imagesMeta = imagesMeta;
        this.listed = listed;
    }

    @Override
    public Categories categories() {
        return categories;
    }

    @Override
    public Item next() throws IOException {
        if (done) {
            return null;
        }
        YoloEntry entry = entries.next();
        if (entry == null) {
            done = true;
            reportUnreadLabelFiles();
            return null;
        }
        ImageHeaders.Size size = size(entry);
        Media media = new Media(entry.imagePath(), size == null ? null : size.width(),
                size == null ? null : size.height());
        return new Item(entry.id(), entry.subset(), media, annotations(entry, size));
    }

    @Override
    public void close() throws IOException {
        entries.close();
    }

    private ImageHeaders.Size size(YoloEntry entry) throws IOException {
        if (entry.imagePath() != null) {
            Optional<ImageHeaders.Size> header = ImageHeaders.read(source, entry.imagePath());
            if (header.isPresent()) {
                return header.get();
            }
        }
        ImageHeaders.Size listed = imagesMeta.size(entry.id());
        if (listed == null && entry.imagePath() != null) {
            problems.item(entry.id(), "image " + source.describe(entry.imagePath())
                    + ": its size cannot be read from its header (not PNG, JPEG, BMP, GIF or WebP, or damaged)");
        }
        return listed;
    }

    private List<Annotation> annotations(YoloEntry entry, ImageHeaders.Size size) throws IOException {
        if (entry.labelsPath() == null) {
            if (entry.imagePath() == null) {
                problems.item(entry.id(), "neither its image nor its label file is in the dataset");
            }
            return List.of();
        }
        labelsRead.add(entry.labelsPath());
        List<YoloBox> boxes = LabelFile.read(source, entry, categories.labels().size(), problems);
        if (boxes.isEmpty()) {
            return List.of();
        }
        if (size == null) {
            String reason = "image size unknown (" + (entry.imagePath() == null ? "no image" : "unreadable header")
                    + "), so the box in " + entry.labelsPath() + " cannot be turned into pixels";
            if (entry.imagePath() == null) {
                problems.item(entry.id(), "no image and no size in " + YoloLayout.IMAGES_META + ": its "
                        + boxes.size() + " box(es) are dropped");
            }
            for (int i = 0; i < boxes.size(); i++) {
                problems.dropped(entry.id(), AnnotationKind.BBOX, reason);
            }
            return List.of();
        }
        List<Annotation> annotations = new ArrayList<>(boxes.size());
        for (YoloBox box : boxes) {
            annotations.add(box.toPixels(size.width(), size.height()));
        }
        return annotations;
    }

    /** Label files in the folders items come from (or any obj_*_data/) that no list names. */
    private void reportUnreadLabelFiles() {
        if (!listed) {
            return;
        }
        Set<String> folders = new HashSet<>();
        for (String file : labelsRead) {
            folders.add(topFolder(file));
        }
        List<String> unread = new ArrayList<>();
        for (String file : source.files()) {
            String folder = topFolder(file);
            if (folder != null && file.endsWith(YoloLayout.LABELS_EXTENSION) && !labelsRead.contains(file)
                    && (folders.contains(folder) || SUBSET_FOLDER.matcher(folder).matches())) {
                unread.add(file);
            }
        }
        if (!unread.isEmpty()) {
            problems.dataset(unread.size() + " label file(s) whose image no subset list names were skipped, e.g. "
                    + String.join(", ", unread.subList(0, Math.min(5, unread.size()))));
        }
    }

    private static String topFolder(String file) {
        int slash = file.indexOf('/');
        return slash < 0 ? null : file.substring(0, slash);
    }
}

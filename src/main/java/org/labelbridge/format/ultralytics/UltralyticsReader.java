package org.labelbridge.format.ultralytics;

import java.io.BufferedReader;
import org.labelbridge.format.common.ImagesMeta;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.labelbridge.format.ContentProblem;
import org.labelbridge.format.DatasetReader;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.FormatException;
import org.labelbridge.format.Problems;
import org.labelbridge.format.common.ImageHeaders;
import org.labelbridge.format.common.TextFiles;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.AnnotationInfo;
import org.labelbridge.model.AnnotationKind;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;
import org.labelbridge.model.Media;

/**
 * Yields the items of the subsets data.yaml names, subset by subset. Label lines are fractions
 * of the image size, which is read from the image's header (or images.meta when the image is
 * absent); an item whose size cannot be learnt keeps no annotations, and says so.
 */
final class UltralyticsReader implements DatasetReader {

    private final DatasetSource source;
    private final Problems problems;
    private final UltralyticsTask task;
    private final DataYaml yaml;
    private final ClassNames names;
    private final ImagesMeta meta;
    private final Iterator<DataYaml.Subset> subsets;
    private DataYaml.Subset subset;
    private SubsetImages images;
    private final Set<String> idsInSubset = new HashSet<>();
    /** Label files read, to report the ones no image leads to. */
    private final Set<String> labelsRead = new HashSet<>();
    private boolean done;

    UltralyticsReader(DatasetSource source, Problems problems, UltralyticsTask task, DataYaml yaml, ClassNames names,
                      ImagesMeta meta) throws IOException {
        this.source = source;
        this.problems = problems;
        this.task = task;
        this.yaml = yaml;
        this.names = names;
        this.meta = meta;
        for (DataYaml.Subset s : yaml.subsets) {
            SubsetImages.open(source, problems, yaml, s); // every source is checked before the first item
        }
        if (yaml.subsets.isEmpty()) {
            problems.dataset(yaml.file + " names no subset (train, val, test): the dataset has no items");
        }
        this.subsets = yaml.subsets.iterator();
    }

    @Override
    public Categories categories() {
        return names.categories();
    }

    @Override
    public Item next() throws IOException {
        while (!done) {
            SubsetImages.Image image = images == null ? null : images.next();
            if (image == null) {
                if (!subsets.hasNext()) {
                    done = true;
                    reportUnreadLabelFiles();
                    return null;
                }
                if (images != null) {
                    images.close();
                }
                subset = subsets.next();
                images = SubsetImages.open(source, problems, yaml, subset);
                idsInSubset.clear();
                continue;
            }
            if (!idsInSubset.add(image.id())) {
                problems.invalid(new ContentProblem(ContentProblem.Type.DUPLICATE_ITEM_ID, image.id(), subset.name(),
                        null, "item", source.describe(image.path()) + ": another image of the subset already has"
                        + " this id"));
                continue;
            }
            return item(image);
        }
        return null;
    }

    private Item item(SubsetImages.Image image) throws IOException {
        ImageHeaders.Size size = size(image);
        Media media = new Media(image.path(), size == null ? null : size.width(), size == null ? null : size.height());
        String labels = UltralyticsLayout.labelsPath(image.path());
        List<Annotation> annotations = List.of();
        if (source.exists(labels)) {
            labelsRead.add(labels);
            annotations = annotations(image, labels, size);
        } else if (!image.exists() && size == null) {
            problems.item(image.id(), "neither its image " + image.path() + " nor its label file is in the dataset");
        }
        return new Item(image.id(), subset.name(), media, annotations);
    }

    private ImageHeaders.Size size(SubsetImages.Image image) throws IOException {
        if (image.exists()) {
            Optional<ImageHeaders.Size> header = ImageHeaders.read(source, image.path());
            if (header.isPresent()) {
                return header.get();
            }
        }
        ImageHeaders.Size listed = meta.size(image.id());
        if (listed == null && image.exists()) {
            problems.item(image.id(), "image " + source.describe(image.path())
                    + ": its size cannot be read from its header (not PNG, JPEG, BMP, GIF or WebP, or damaged)");
        }
        return listed;
    }

    private List<Annotation> annotations(SubsetImages.Image image, String labels, ImageHeaders.Size size)
            throws IOException {
        List<Annotation> annotations = new ArrayList<>();
        String file = source.describe(labels);
        try (BufferedReader in = TextFiles.open(source, labels)) {
            int number = 0;
            for (String text = in.readLine(); text != null; text = in.readLine()) {
                number++;
                if (text.isBlank()) {
                    continue;
                }
                LabelLine line = new LabelLine(file, number, text);
                if (names.label(line.classId()) < 0) {
                    problems.invalid(new ContentProblem(ContentProblem.Type.UNKNOWN_LABEL, image.id(), subset.name(),
                            annotations.size(), kind().id(), file + ", line " + number + ": class id "
                            + line.classId() + " is not in data.yaml's names (" + names.declared() + ")"));
                    continue;
                }
                annotations.add(size == null ? read(line, 1, 1, image.id(), Problems.IGNORE)
                        : read(line, size.width(), size.height(), image.id(), problems));
            }
        }
        if (size == null && !annotations.isEmpty()) {
            // No file names in the reason: the report groups equal reasons.
            String reason = "the image size is unknown (" + (image.exists() ? "unreadable header"
                    : "no image, and no size in " + UltralyticsLayout.IMAGES_META)
                    + "), so its label lines cannot be turned into pixels";
            for (Annotation annotation : annotations) {
                problems.dropped(image.id(), annotation.kind(), reason);
            }
            return List.of();
        }
        return annotations;
    }

    /** The kind a label line of the task is read as. */
    private AnnotationKind kind() {
        return switch (task) {
            case SEGMENTATION -> AnnotationKind.POLYGON;
            case POSE -> AnnotationKind.SKELETON;
            case CLASSIFICATION -> AnnotationKind.TAG;
            default -> AnnotationKind.BBOX;
        };
    }

    private Annotation read(LabelLine line, int width, int height, String itemId, Problems report)
            throws FormatException {
        switch (task) {
            case DETECTION:
            case DETECTION_TRACK:
                return DetectionLine.read(line, names, width, height);
            case SEGMENTATION:
                return SegmentationLine.read(line, names, width, height);
            case ORIENTED_BOXES: {
                AnnotationInfo info = ObbLine.info(line, names);
                OrientedBox.Fit fit = ObbLine.fit(line, width, height);
                if (!fit.exact()) {
                    report.changed(itemId, AnnotationKind.BBOX, "the 4 points are not the corners of a rectangle;"
                            + " kept as the smallest rotated box around them");
                }
                return fit.toBbox(info);
            }
            case POSE: {
                PoseLine.Read read = PoseLine.read(line, names, yaml.kptShape, width, height);
                if (read.otherBox()) {
                    report.changed(itemId, AnnotationKind.SKELETON, "the pose box is not kept (a skeleton has no box"
                            + " of its own); the box around its points is written back");
                }
                return read.skeleton();
            }
            default:
                throw new IllegalStateException(task + " has no label lines");
        }
    }

    /** Label files in a labels folder that no image of any subset led to. */
    private void reportUnreadLabelFiles() {
        List<String> unread = new ArrayList<>();
        for (String file : source.files()) {
            if (file.endsWith(UltralyticsLayout.TEXT_EXTENSION) && UltralyticsLayout.inLabelsFolder(file)
                    && !file.endsWith("/classes.txt") && !labelsRead.contains(file)) {
                unread.add(file);
            }
        }
        if (!unread.isEmpty()) {
            problems.dataset(unread.size() + " label file(s) whose image no subset names were skipped, e.g. "
                    + String.join(", ", unread.subList(0, Math.min(5, unread.size()))));
        }
    }

    @Override
    public void close() throws IOException {
        if (images != null) {
            images.close();
        }
    }
}

package org.labelbridge.format.kitti;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.labelbridge.format.DatasetReader;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.FormatException;
import org.labelbridge.format.Problems;
import org.labelbridge.format.common.ImageHeaders;
import org.labelbridge.format.common.TextFiles;
import org.labelbridge.format.common.pixels.LabelColors;
import org.labelbridge.format.common.pixels.MaskImage;
import org.labelbridge.format.common.pixels.MaskImages;
import org.labelbridge.format.common.pixels.PixelValues;
import org.labelbridge.format.common.pixels.RunImage;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.AnnotationInfo;
import org.labelbridge.model.AnnotationKind;
import org.labelbridge.model.Bbox;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;
import org.labelbridge.model.Label;
import org.labelbridge.model.Media;
import org.labelbridge.model.Rgb;

/**
 * Indexes the files by name, reads the object types of every label file once to know the
 * labels, then reads one item's label file and instance mask when the item is reached.
 */
final class KittiReader implements DatasetReader {

    private record Entry(String subset, String id, KittiFiles.Paths paths) {
    }

    private final DatasetSource source;
    private final Problems problems;
    private final Categories categories;
    private final List<Entry> entries = new ArrayList<>();
    private int next;

    KittiReader(DatasetSource source, Problems problems) throws IOException {
        this.source = source;
        this.problems = problems;
        KittiFiles files = KittiFiles.scan(source);
        if (files.subsets.isEmpty()) {
            throw new FormatException(source.describe("") + ": no <subset>/" + KittiFiles.LABELS + "/ or <subset>/"
                    + KittiFiles.INSTANCES + "/ folder: not a KITTI dataset");
        }
        for (KittiFiles.Subset subset : files.subsets) {
            subset.items().forEach((id, paths) -> entries.add(new Entry(subset.name(), id, paths)));
        }
        this.categories = categories(files.hasInstanceMasks());
        if (!files.threeD.isEmpty()) {
            problems.dataset(String.join(", ", KittiFiles.THREE_D) + " folders of " + files.threeD + " not read: KITTI 1.0"
                    + " holds 2D boxes and masks; the boxes keep their 3D fields as attributes");
        }
        if (!files.unreadMasks.isEmpty()) {
            problems.dataset(files.unreadMasks.size() + " semantic mask(s) without an " + KittiFiles.INSTANCES
                    + "/ mask not read (the instance masks hold the labels): "
                    + files.unreadMasks.stream().limit(5).collect(Collectors.joining(", "))
                    + (files.unreadMasks.size() > 5 ? ", ..." : ""));
        }
    }

    /**
     * With instance masks, the label table (label_colors.txt, else Cityscapes' labels) whose
     * indices the masks store; otherwise labels.txt, else label_colors.txt, else nothing. Box
     * types not declared are added in order of first appearance.
     */
    private Categories categories(boolean masks) throws IOException {
        List<LabelColors.Entry> table = null;
        if (source.exists(LabelColors.FILE_NAME)) {
            try (InputStream in = source.open(LabelColors.FILE_NAME)) {
                table = LabelColors.parse(in, source.describe(LabelColors.FILE_NAME));
            }
        } else if (masks) {
            table = LabelColors.cityscapes();
        }
        List<String> names = new ArrayList<>();
        Map<Integer, Rgb> colours = new HashMap<>();
        if (masks || (table != null && !source.exists(KittiFiles.LABEL_LIST))) {
            Categories fromTable = LabelColors.categories(table);
            fromTable.labels().forEach(l -> names.add(l.name()));
            colours.putAll(fromTable.colors());
        } else if (source.exists(KittiFiles.LABEL_LIST)) {
            names.addAll(labelList());
            if (table != null) { // our own output: keep the colours the table gives the listed labels
                for (LabelColors.Entry e : table) {
                    int index = names.indexOf(e.name());
                    if (index >= 0 && e.colour() != null) {
                        colours.put(index, e.colour());
                    }
                }
            }
        }
        Set<String> types = new LinkedHashSet<>(names);
        for (Entry entry : entries) {
            if (entry.paths().labels != null) {
                types.addAll(objectTypes(entry.paths().labels));
            }
        }
        List<Label> labels = types.stream().map(Label::named).toList();
        return new Categories(labels, List.of(), Map.of(), colours);
    }

    private List<String> labelList() throws IOException {
        List<String> names = new ArrayList<>();
        String file = source.describe(KittiFiles.LABEL_LIST);
        try (BufferedReader reader = reader(KittiFiles.LABEL_LIST)) {
            int lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                String name = line.strip();
                if (name.isEmpty()) {
                    continue;
                }
                if (names.contains(name)) {
                    throw FormatException.at(file, "line " + lineNumber, "label '" + name + "' is already listed");
                }
                names.add(name);
            }
        }
        return names;
    }

    private List<String> objectTypes(String path) throws IOException {
        List<String> types = new ArrayList<>();
        try (BufferedReader reader = reader(path)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String text = line.strip();
                if (!text.isEmpty()) {
                    types.add(text.split("\\s+", 2)[0]);
                }
            }
        }
        return types;
    }

    private BufferedReader reader(String path) throws IOException {
        return TextFiles.open(source, path);
    }

    @Override
    public Categories categories() {
        return categories;
    }

    @Override
    public Item next() throws IOException {
        if (next >= entries.size()) {
            return null;
        }
        Entry entry = entries.get(next++);
        KittiFiles.Paths paths = entry.paths();
        List<Annotation> annotations = new ArrayList<>();
        Media media = null;
        if (paths.instances != null) {
            RunImage ids = idMap(paths.instances);
            annotations.addAll(PixelValues.masks(ids, value -> new AnnotationInfo(value >> 8, value & 0xff, 0, 0,
                    Map.of("is_crowd", (value & 0xff) == 0), null)));
            media = new Media(paths.image, ids.width(), ids.height());
        }
        if (paths.labels != null) {
            readBoxes(entry.id(), paths.labels, annotations);
        }
        return new Item(entry.id(), entry.subset(), media != null ? media : media(paths.image), annotations);
    }

    private void readBoxes(String itemId, String path, List<Annotation> annotations) throws IOException {
        String file = source.describe(path);
        try (BufferedReader reader = reader(path)) {
            int lineNumber = 0;
            int index = 0;
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                lineNumber++;
                if (text.isBlank()) {
                    continue;
                }
                KittiLine line = KittiLine.parse(text, file, lineNumber);
                if (line.truncated() != 0 && line.truncated() != 1) {
                    problems.changed(itemId, AnnotationKind.BBOX, "truncated fraction read as a flag (true when not 0),"
                            + " as CVAT reads KITTI");
                }
                if (line.occluded() != 0 && line.occluded() != 1) {
                    problems.changed(itemId, AnnotationKind.BBOX, "occlusion level read as a flag (true when not 0),"
                            + " as CVAT reads KITTI");
                }
                AnnotationInfo info = new AnnotationInfo(categories.indexOf(line.type()), index++, 0, 0,
                        line.attributes(), null);
                annotations.add(Bbox.fromCorners(info, line.x1(), line.y1(), line.x2(), line.y2()));
            }
        }
    }

    private Media media(String image) throws IOException {
        return ImageHeaders.media(source, image);
    }

    /** Label {@code << 8 |} instance per pixel, each checked to name a label. */
    private RunImage idMap(String path) throws IOException {
        MaskImage image = MaskImages.readGrey(source, path, "ids (label << 8 | instance)");
        int labels = categories.labels().size();
        return PixelValues.read(image, source.describe(path), PixelValues.Reading.of(
                id -> (id >> 8) < labels ? id : -1,
                id -> "id " + id + " names label " + (id >> 8) + ", but there are " + labels + " labels (0.."
                        + (labels - 1) + ")"));
    }
}

package org.labelbridge.format.yolo;

import java.io.IOException;
import org.labelbridge.format.common.ImagesMeta;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.labelbridge.format.DatasetOutput;
import org.labelbridge.format.DatasetWriter;
import org.labelbridge.format.Problems;
import org.labelbridge.format.common.FileNames;
import org.labelbridge.format.common.ImageHeaders;
import org.labelbridge.format.common.NumberText;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.AnnotationKind;
import org.labelbridge.model.Bbox;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;
import org.labelbridge.model.Media;

/**
 * Writes the darknet layout as CVAT exports it: obj.names, then per item its image and
 * {@code obj_<subset>_data/<id>.txt}, then obj.data and the {@code <subset>.txt} lists (which
 * grow while items stream, so they are deferred). Sizes of images that are not written along
 * go to images.meta, so that the boxes can be read back.
 */
final class YoloWriter implements DatasetWriter {

    private static final String DEFAULT_IMAGE_EXTENSION = ".jpg";

    private final DatasetOutput output;
    private final Problems problems;
    private int labelCount;
    /** Per written subset, in first-seen order: its list file and the ids written to it. */
    private final Map<String, SubsetList> subsets = new LinkedHashMap<>();
    private final Set<String> reportedSubsets = new HashSet<>();
    private final Map<String, ImageHeaders.Size> metaSizes = new HashMap<>();
    private Writer imagesMeta;

    private record SubsetList(Writer list, Set<String> ids) {
    }

    YoloWriter(DatasetOutput output, Problems problems) {
        this.output = output;
        this.problems = problems;
    }

    @Override
    public void begin(Categories categories) throws IOException {
        labelCount = categories.labels().size();
        StringBuilder names = new StringBuilder();
        Set<String> written = new HashSet<>();
        for (int i = 0; i < labelCount; i++) {
            String name = nameLine(categories.label(i).name(), i, written);
            names.append(name).append('\n');
        }
        try (Writer out = writer(output.entry(YoloLayout.OBJ_NAMES))) {
            out.write(names.toString());
        }
    }

    @Override
    public void write(Item item) throws IOException {
        String subset = subsetOf(item);
        if (subset == null) {
            skip(item, "its subset '" + item.subset() + "' cannot be a YOLO subset (an obj.data key: letters, "
                    + "digits and _, and not one of " + YoloLayout.SETTINGS + ")");
            return;
        }
        String id = FileNames.path(item.id());
        if (!id.equals(item.id())) {
            problems.item(item.id(), "written as '" + id + "': the id is a file path in YOLO");
        }
        SubsetList list = subsetList(subset);
        if (!list.ids().add(id)) {
            skip(item, "another item of subset '" + subset + "' is already written as '" + id + "'");
            return;
        }
        String folder = YoloLayout.subsetFolder(subset);
        String extension = item.media().extension().isEmpty() ? DEFAULT_IMAGE_EXTENSION : item.media().extension();
        String imagePath = folder + "/" + id + extension;
        boolean copied = output.copyMedia(item.media(), imagePath);
        output.text(folder + "/" + id + YoloLayout.LABELS_EXTENSION, labelLines(item));
        list.list().write(YoloLayout.DATA_PREFIX + imagePath + "\n");
        if (item.media().hasSize()
                && (!copied || !ImageHeaders.EXTENSIONS.contains(extension.toLowerCase(Locale.ROOT)))) {
            writeSize(item, id);
        }
    }

    @Override
    public void finish() throws IOException {
        StringBuilder data = new StringBuilder();
        data.append("classes = ").append(labelCount).append('\n');
        for (String subset : subsets.keySet()) {
            data.append(subset).append(" = ").append(YoloLayout.DATA_PREFIX).append(YoloLayout.listFile(subset))
                    .append('\n');
        }
        data.append("names = ").append(YoloLayout.DATA_PREFIX).append(YoloLayout.OBJ_NAMES).append('\n');
        data.append("backup = backup/\n");
        try (Writer out = writer(output.entry(YoloLayout.OBJ_DATA))) {
            out.write(data.toString());
        }
        for (SubsetList list : subsets.values()) {
            list.list().close();
        }
        if (imagesMeta != null) {
            imagesMeta.close();
        }
    }

    private String labelLines(Item item) {
        Media media = item.media();
        StringBuilder lines = new StringBuilder();
        List<Annotation> annotations = item.annotations();
        int unsized = 0;
        for (Annotation annotation : annotations) {
            if (!(annotation instanceof Bbox box)) {
                problems.dropped(item.id(), annotation.kind(), "YOLO holds boxes only");
            } else if (box.label() == null) {
                problems.dropped(item.id(), AnnotationKind.BBOX, "a YOLO box needs a label");
            } else if (!media.hasSize()) {
                unsized++;
                problems.dropped(item.id(), AnnotationKind.BBOX,
                        "the image size is unknown, and YOLO boxes are fractions of it");
            } else {
                if (box.rotation() != 0) {
                    problems.changed(item.id(), AnnotationKind.BBOX, "rotation of " + number(box.rotation())
                            + " degrees dropped: YOLO boxes are axis-aligned");
                }
                YoloBox yolo = YoloBox.fromPixels(box.label(), box, media.width(), media.height());
                if (!yolo.isFinite()) {
                    problems.dropped(item.id(), AnnotationKind.BBOX, "its coordinates are not finite numbers");
                    continue;
                }
                lines.append(yolo.label()).append(' ').append(number(yolo.cx())).append(' ')
                        .append(number(yolo.cy())).append(' ').append(number(yolo.w())).append(' ')
                        .append(number(yolo.h())).append('\n');
            }
        }
        if (unsized > 0) {
            problems.item(item.id(), "image size unknown: its " + unsized + " box(es) are not written");
        }
        return lines.toString();
    }

    private void writeSize(Item item, String id) throws IOException {
        ImageHeaders.Size size = new ImageHeaders.Size(item.media().width(), item.media().height());
        ImageHeaders.Size before = metaSizes.putIfAbsent(id, size);
        if (before != null) {
            if (!before.equals(size)) {
                problems.item(item.id(), YoloLayout.IMAGES_META + " already gives id '" + id + "' the size "
                        + before.width() + "x" + before.height() + " (it is keyed by id alone); boxes of this "
                        + "item will read back scaled to that size unless its image is written");
            }
            return;
        }
        if (imagesMeta == null) {
            imagesMeta = writer(output.deferred(YoloLayout.IMAGES_META));
        }
        imagesMeta.write(ImagesMeta.line(id, size.width(), size.height()));
    }

    private String subsetOf(Item item) {
        String subset = item.subset();
        if (subset.equals(Item.DEFAULT_SUBSET)) {
            if (reportedSubsets.add(subset)) {
                problems.dataset("items without a subset are written to subset '" + YoloLayout.DEFAULT_SUBSET
                        + "': YOLO has no unnamed subset");
            }
            return YoloLayout.DEFAULT_SUBSET;
        }
        if (YoloLayout.SPEC_SUBSETS.contains(subset)) {
            return subset;
        }
        if (!YoloLayout.SUBSET_NAME.matcher(subset).matches() || YoloLayout.SETTINGS.contains(subset)) {
            return null;
        }
        if (reportedSubsets.add(subset)) {
            problems.dataset("subset '" + subset + "' is written as " + YoloLayout.subsetFolder(subset)
                    + "/ and named in obj.data, as Datumaro does; darknet and CVAT's spec know only train and valid");
        }
        return subset;
    }

    private SubsetList subsetList(String subset) throws IOException {
        SubsetList list = subsets.get(subset);
        if (list == null) {
            list = new SubsetList(writer(output.deferred(YoloLayout.listFile(subset))), new HashSet<>());
            subsets.put(subset, list);
        }
        return list;
    }

    private void skip(Item item, String reason) {
        problems.item(item.id(), "not written: " + reason);
        for (Annotation annotation : item.annotations()) {
            problems.dropped(item.id(), annotation.kind(), "its item is not written: " + reason);
        }
    }

    /** A label name as one obj.names line that reads back as the same label, at the same index. */
    private String nameLine(String name, int index, Set<String> written) {
        String line = name.replace('\r', ' ').replace('\n', ' ').strip();
        if (line.isEmpty()) {
            line = "label_" + index;
        }
        if (!written.add(line)) {
            line = line + "_" + index;
            written.add(line);
        }
        if (!line.equals(name)) {
            problems.dataset("label #" + index + " '" + name + "' is written to obj.names as '" + line
                    + "' (one name a line, not blank, unique)");
        }
        return line;
    }

    static String number(double value) {
        return NumberText.of(value);
    }

    private static Writer writer(OutputStream out) {
        return new OutputStreamWriter(out, StandardCharsets.UTF_8);
    }
}

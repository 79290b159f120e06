package org.labelbridge.format.camvid;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.labelbridge.format.DatasetReader;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.FormatException;
import org.labelbridge.format.Problems;
import org.labelbridge.format.common.ImageHeaders;
import org.labelbridge.format.common.TextFiles;
import org.labelbridge.format.common.pixels.ColorMap;
import org.labelbridge.format.common.pixels.LabelColors;
import org.labelbridge.format.common.pixels.MaskImage;
import org.labelbridge.format.common.pixels.MaskImages;
import org.labelbridge.format.common.pixels.PixelValues;
import org.labelbridge.format.common.pixels.RunImage;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.AnnotationInfo;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;
import org.labelbridge.model.Media;

/** Reads the subset lists first (a compact index), then decodes each item's mask when it is reached. */
final class CamVidReader implements DatasetReader {

    private record Entry(String subset, String id, ListLine line, String listFile, int lineNumber) {
    }

    private final DatasetSource source;
    private final Categories categories;
    private final boolean backgroundAdded;
    private final ColorMap colours;
    private final String mapName;
    private final List<Entry> entries = new ArrayList<>();
    private int next;

    CamVidReader(DatasetSource source, Problems problems) throws IOException {
        this.source = source;
        List<LabelColors.Entry> table = CamVidLabels.DEFAULT;
        if (source.exists(LabelColors.FILE_NAME)) {
            try (InputStream in = source.open(LabelColors.FILE_NAME)) {
                table = LabelColors.parse(in, source.describe(LabelColors.FILE_NAME));
            }
            mapName = LabelColors.FILE_NAME;
        } else {
            mapName = "the default CamVid colours (there is no " + LabelColors.FILE_NAME + ")";
        }
        CamVidLabels.Table labels = CamVidLabels.of(table);
        this.categories = labels.categories();
        this.backgroundAdded = labels.backgroundAdded();
        this.colours = ColorMap.of(categories.colors());
        for (int shadowed : colours.shadowed()) {
            String owner = categories.nameOf(colours.indexOf(colours.colour(shadowed)));
            problems.dataset(LabelColors.FILE_NAME + ": label '" + categories.nameOf(shadowed) + "' has the colour of '"
                    + owner + "'; its pixels read as '" + owner + "'");
        }
        List<String> lists = CamVidFormat.subsetLists(source);
        if (lists.isEmpty()) {
            throw new FormatException(source.describe("") + ": no <subset>.txt list: not a CamVid dataset");
        }
        for (String list : lists) {
            readList(list, problems);
        }
    }

    private void readList(String list, Problems problems) throws IOException {
        String subset = list.substring(0, list.length() - ".txt".length());
        String file = source.describe(list);
        Set<String> seen = new HashSet<>();
        try (BufferedReader reader = TextFiles.open(source, list)) {
            int lineNumber = 0;
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                lineNumber++;
                if (text.isBlank()) {
                    continue;
                }
                ListLine line = ListLine.parse(text.strip(), file, lineNumber);
                if (line.mask() != null && !source.exists(line.mask())) {
                    throw FormatException.at(file, "line " + lineNumber, "mask '" + line.mask() + "' does not exist");
                }
                String id = line.itemId();
                if (!seen.add(id)) {
                    problems.dataset(file + ", line " + lineNumber + ": item '" + id + "' listed again: read once");
                    continue;
                }
                entries.add(new Entry(subset, id, line, file, lineNumber));
            }
        }
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
        String image = source.exists(entry.line().image()) ? entry.line().image() : null;
        if (entry.line().mask() == null) {
            return new Item(entry.id(), entry.subset(), media(image), List.of());
        }
        RunImage classes = classMap(entry.line().mask());
        List<Annotation> masks = PixelValues.masks(classes, label -> label == 0 && backgroundAdded
                ? null // unpainted pixels of a label the table does not declare
                : AnnotationInfo.of(label));
        return new Item(entry.id(), entry.subset(), new Media(image, classes.width(), classes.height()), masks);
    }

    private Media media(String image) throws IOException {
        return ImageHeaders.media(source, image);
    }

    /** Label index per pixel: colours are looked up in the table, grey values are indices. */
    private RunImage classMap(String path) throws IOException {
        MaskImage image = MaskImages.read(source, path);
        int labels = categories.labels().size();
        return PixelValues.read(image, source.describe(path), PixelValues.Reading.of(
                sample -> labelOf(image, sample, labels), sample -> unknown(image, sample, labels)));
    }

    private int labelOf(MaskImage image, int sample, int labels) {
        if (image.kind() == MaskImage.Kind.GRAY) {
            return sample < labels ? sample : -1;
        }
        if (image.kind() == MaskImage.Kind.INDEXED && sample >= image.palette().size()) {
            return -1;
        }
        return colours.indexOf(image.colourOf(sample));
    }

    private String unknown(MaskImage image, int sample, int labels) {
        if (image.kind() == MaskImage.Kind.GRAY) {
            return "grey value " + sample + " is not a label index (there are " + labels + " labels, 0.." + (labels - 1) + ")";
        }
        if (image.kind() == MaskImage.Kind.INDEXED && sample >= image.palette().size()) {
            return "palette index " + sample + " is beyond the palette (" + image.palette().size() + " colours)";
        }
        return "colour " + MaskImage.describe(image.colourOf(sample)) + " is not a label colour in " + mapName;
    }
}

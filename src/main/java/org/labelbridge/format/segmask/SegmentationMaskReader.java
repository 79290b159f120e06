package org.labelbridge.format.segmask;

import static org.labelbridge.format.segmask.SegmentationMaskFormat.CLASS_DIR;
import static org.labelbridge.format.segmask.SegmentationMaskFormat.IMAGES_DIR;
import static org.labelbridge.format.segmask.SegmentationMaskFormat.LISTS_DIR;
import static org.labelbridge.format.segmask.SegmentationMaskFormat.MASK_EXT;
import static org.labelbridge.format.segmask.SegmentationMaskFormat.OBJECT_DIR;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.labelbridge.format.DatasetReader;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.FormatException;
import org.labelbridge.format.Problems;
import org.labelbridge.format.common.ImageFiles;
import org.labelbridge.format.common.TextFiles;
import org.labelbridge.format.common.pixels.ColorMap;
import org.labelbridge.format.common.pixels.MaskImage;
import org.labelbridge.format.common.pixels.MaskImages;
import org.labelbridge.format.common.pixels.MaskSplitter;
import org.labelbridge.format.common.pixels.PixelValues;
import org.labelbridge.format.common.pixels.RunImage;
import org.labelbridge.format.common.pixels.VocLabelMap;
import org.labelbridge.format.common.pixels.VocPalette;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.AnnotationInfo;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;
import org.labelbridge.model.Mask;
import org.labelbridge.model.Media;

/** Reads items in subset-list order, decoding an item's two PNGs only when it is reached. */
final class SegmentationMaskReader implements DatasetReader {

    private record Entry(String subset, String id) {
    }

    private final DatasetSource source;
    private final Problems problems;
    private final Categories categories;
    private final ColorMap classColours;
    private final Map<String, String> images = new HashMap<>();
    private final List<Entry> entries = new ArrayList<>();
    private int next;

    SegmentationMaskReader(DatasetSource source, Problems problems) throws IOException {
        this.source = source;
        this.problems = problems;
        this.categories = VocLabelMap.categories(labelMap());
        this.classColours = ColorMap.of(categories.colors());
        for (int shadowed : classColours.shadowed()) {
            int owner = classColours.indexOf(classColours.colour(shadowed));
            problems.dataset(VocLabelMap.FILE_NAME + ": label '" + categories.nameOf(shadowed)
                    + "' has the colour of '" + categories.nameOf(owner) + "'; its pixels read as '"
                    + categories.nameOf(owner) + "'");
        }
        String prefix = IMAGES_DIR + "/";
        for (String file : source.filesUnder(IMAGES_DIR)) {
            images.putIfAbsent(ImageFiles.stripExtension(file.substring(prefix.length())), file);
        }
        readSubsetLists();
    }

    private List<VocLabelMap.Entry> labelMap() throws IOException {
        if (!source.exists(VocLabelMap.FILE_NAME)) {
            return VocLabelMap.vocDefaults();
        }
        try (InputStream in = source.open(VocLabelMap.FILE_NAME)) {
            return VocLabelMap.parse(in, source.describe(VocLabelMap.FILE_NAME));
        }
    }

    private void readSubsetLists() throws IOException {
        Set<String> maskIds = new LinkedHashSet<>();
        for (String file : SegmentationMaskFormat.maskFiles(source)) {
            String dir = file.startsWith(CLASS_DIR + "/") ? CLASS_DIR : OBJECT_DIR;
            maskIds.add(ImageFiles.stripExtension(file.substring(dir.length() + 1)));
        }
        List<String> lists = SegmentationMaskFormat.subsetLists(source);
        if (lists.isEmpty()) {
            if (maskIds.isEmpty()) {
                throw new FormatException(source.describe(LISTS_DIR) + ": no <subset>.txt item lists and no masks in "
                        + CLASS_DIR + "/ or " + OBJECT_DIR + "/: not a Segmentation mask dataset");
            }
            problems.dataset("no " + LISTS_DIR + "/<subset>.txt lists: items taken from the mask files, subset '"
                    + Item.DEFAULT_SUBSET + "'");
            maskIds.forEach(id -> entries.add(new Entry(Item.DEFAULT_SUBSET, id)));
            return;
        }
        Set<String> listed = new HashSet<>();
        for (String list : lists) {
            String subset = ImageFiles.stripExtension(list.substring(LISTS_DIR.length() + 1));
            Set<String> seen = new HashSet<>();
            try (BufferedReader reader = TextFiles.open(source, list)) {
                int lineNumber = 0;
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    lineNumber++;
                    String id = line.strip();
                    if (id.isEmpty() || id.startsWith("#")) {
                        continue;
                    }
                    if (!seen.add(id)) {
                        problems.dataset(source.describe(list) + ", line " + lineNumber + ": item '" + id
                                + "' listed again: read once");
                        continue;
                    }
                    listed.add(id);
                    entries.add(new Entry(subset, id));
                }
            }
        }
        maskIds.removeAll(listed);
        if (!maskIds.isEmpty()) {
            problems.dataset("masks of " + maskIds.size() + " item(s) not listed in " + LISTS_DIR
                    + " were skipped: " + maskIds.stream().limit(5).collect(Collectors.joining(", "))
                    + (maskIds.size() > 5 ? ", ..." : ""));
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
        String classPath = CLASS_DIR + "/" + entry.id() + MASK_EXT;
        String objectPath = OBJECT_DIR + "/" + entry.id() + MASK_EXT;
        RunImage classes = source.exists(classPath) ? classMap(classPath) : null;
        RunImage instances = source.exists(objectPath) ? instanceMap(objectPath) : null;
        if (classes != null && instances != null
                && (classes.height() != instances.height() || classes.width() != instances.width())) {
            throw FormatException.at(source.describe(objectPath), null, "instance mask is " + instances.width() + "x"
                    + instances.height() + " but the class mask " + classPath + " is " + classes.width() + "x"
                    + classes.height());
        }
        List<Annotation> annotations = new ArrayList<>();
        if (instances != null) {
            for (MaskSplitter.Instance instance : MaskSplitter.instances(instances, classes)) {
                Integer label = classes == null ? null : instance.classValue();
                if (instance.mixedClasses()) {
                    problems.item(entry.id(), "instance " + instance.id() + " covers pixels of labels "
                            + instance.classPixels().keySet().stream().map(categories::nameOf).toList()
                            + " in " + classPath + ": labelled '" + categories.nameOf(label) + "' (most pixels)");
                }
                annotations.add(new Mask(new AnnotationInfo(label, 0, instance.id(), 0, Map.of(), null), instance.mask()));
            }
        } else if (classes != null) {
            annotations.addAll(PixelValues.masks(classes, AnnotationInfo::of));
        }
        RunImage sized = classes != null ? classes : instances;
        return new Item(entry.id(), entry.subset(), media(entry.id(), sized), annotations);
    }

    private Media media(String id, RunImage mask) throws IOException {
        String image = images.get(id);
        if (mask != null) {
            return new Media(image, mask.width(), mask.height());
        }
        if (image != null) {
            try (InputStream in = source.open(image)) {
                int[] size = MaskImages.size(in);
                if (size != null && size[0] > 0 && size[1] > 0) {
                    return new Media(image, size[0], size[1]);
                }
            }
        }
        return new Media(image, null, null);
    }

    /** Label index per pixel: grey values are indices, colours are looked up in the label map. */
    private RunImage classMap(String path) throws IOException {
        MaskImage image = decode(path);
        int labels = categories.labels().size();
        return PixelValues.read(image, source.describe(path), PixelValues.Reading.of(sample -> {
            int label = image.kind() == MaskImage.Kind.GRAY ? sample : classColours.indexOf(image.colourOf(sample));
            return label < labels ? label : -1;
        }, sample -> unknownClass(image, sample, labels)));
    }

    private String unknownClass(MaskImage image, int sample, int labels) {
        if (image.kind() == MaskImage.Kind.GRAY) {
            return "grey value " + sample + " is not a label index (the label map has " + labels + " labels, 0.."
                    + (labels - 1) + ")";
        }
        String colour = MaskImage.describe(image.colourOf(sample));
        return "colour " + colour + (image.kind() == MaskImage.Kind.INDEXED ? " (palette index " + sample + ")" : "")
                + " is not a label colour in " + (source.exists(VocLabelMap.FILE_NAME) ? VocLabelMap.FILE_NAME
                : "the default VOC label map (there is no " + VocLabelMap.FILE_NAME + ")");
    }

    /** Instance id per pixel: grey values are ids, colours are VOC palette indices. */
    private RunImage instanceMap(String path) throws IOException {
        MaskImage image = decode(path);
        if (image.kind() == MaskImage.Kind.GRAY) {
            return image.runs();
        }
        return PixelValues.read(image, source.describe(path), PixelValues.Reading.of(
                sample -> VocPalette.index(image.colourOf(sample)), sample -> "not a VOC palette colour"));
    }

    private MaskImage decode(String path) throws IOException {
        MaskImage image = MaskImages.read(source, path);
        if (image.kind() == MaskImage.Kind.INDEXED) {
            int max = image.runs().max();
            if (max >= image.palette().size()) {
                throw FormatException.at(source.describe(path), null, "palette index " + max
                        + " is beyond the palette (" + image.palette().size() + " colours)");
            }
        }
        return image;
    }
}

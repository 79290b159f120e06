package org.labelbridge.format.voc;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.labelbridge.format.DatasetReader;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.Problems;
import org.labelbridge.format.common.ImageFiles;
import org.labelbridge.format.common.LabelFileNames;
import org.labelbridge.format.common.pixels.VocLabelMap;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.AnnotationInfo;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;
import org.labelbridge.model.Media;
import org.labelbridge.model.Tag;

/**
 * Yields the items the ImageSets lists name, subset by subset; each item's XML and masks are
 * read only when the item is reached.
 */
final class VocReader implements DatasetReader {

    private final DatasetSource source;
    private final Problems problems;
    private final Categories categories;
    private final Map<String, Integer> labels = new HashMap<>();
    /** {@code Annotations/}, or {@code ""} for the flat layout. */
    private final String annotationDir;
    private final VocImageSets sets;
    private final Iterator<Map.Entry<String, LinkedHashSet<String>>> subsets;
    private String subset;
    private Iterator<String> ids = Collections.emptyIterator();
    private final VocMasks masks;

    VocReader(DatasetSource source, Problems problems) throws IOException {
        this.source = source;
        this.problems = problems;
        this.annotationDir = VocLayout.annotationDir(source);
        Categories declared = VocLabelMap.categories(labelMap(source));
        if (!source.exists(VocLayout.LABELMAP)) {
            declared = VocFoundLabels.addFound(declared, source, annotationDir, problems);
        }
        this.categories = new Categories(declared.labels(), VocLayout.FLAGS, Map.of(), declared.colors());
        for (int i = 0; i < categories.labels().size(); i++) {
            labels.put(categories.label(i).name(), i);
        }
        this.sets = VocImageSets.read(source, annotationDir, labelsByFileName(), problems);
        this.subsets = sets.subsets().entrySet().iterator();
        this.masks = new VocMasks(source, categories, problems);
        masks.reportUnlisted(sets.subsets().values());
    }

    /**
     * Label index by name and, for a label whose name is no file name, by the name the writer
     * gave its ImageSets/Main/{@code <label>_<subset>.txt} (the one mapping of {@link LabelFileNames}).
     */
    private Map<String, Integer> labelsByFileName() {
        Map<String, Integer> byName = new HashMap<>(labels);
        List<String> names = categories.labels().stream().map(l -> l.name()).toList();
        LabelFileNames fileNames = new LabelFileNames(names, Problems.IGNORE, "");
        for (int i = 0; i < names.size(); i++) {
            byName.putIfAbsent(fileNames.of(i), i);
        }
        return byName;
    }

    private static List<VocLabelMap.Entry> labelMap(DatasetSource source) throws IOException {
        if (!source.exists(VocLayout.LABELMAP)) {
            return VocLabelMap.vocDefaultsWithPersonLayout();
        }
        try (InputStream in = source.open(VocLayout.LABELMAP)) {
            return VocLabelMap.parse(in, source.describe(VocLayout.LABELMAP));
        }
    }

    @Override
    public Categories categories() {
        return categories;
    }

    @Override
    public Item next() throws IOException {
        while (!ids.hasNext()) {
            if (!subsets.hasNext()) {
                return null;
            }
            Map.Entry<String, LinkedHashSet<String>> entry = subsets.next();
            subset = entry.getKey();
            ids = entry.getValue().iterator();
        }
        return item(ids.next());
    }

    private Item item(String id) throws IOException {
        List<Annotation> annotations = new ArrayList<>();
        Media media;
        String xml = annotationDir + id + ".xml";
        if (source.exists(xml)) {
            VocAnnotationXml.Parsed parsed = VocAnnotationXml.read(source, xml, id, subset, categories, labels,
                    problems);
            annotations.addAll(parsed.annotations());
            media = new Media(imagePath(id, parsed.filename()), parsed.width(), parsed.height());
        } else {
            media = new Media(imagePath(id, null), null, null);
        }
        VocMasks.Read read = masks.read(id, media);
        annotations.addAll(read.masks());
        BitSet tags = sets.takeTags(subset, id);
        for (int label = tags.nextSetBit(0); label >= 0; label = tags.nextSetBit(label + 1)) {
            annotations.add(new Tag(AnnotationInfo.of(label)));
        }
        return new Item(id, subset, read.media(), annotations);
    }

    /**
     * The image the XML names when it is there, else {@code JPEGImages/<id>.<ext>} when that is
     * there, else the named one (an export without images still says which image it meant).
     * In the flat layout images may also be beside the XML.
     */
    private String imagePath(String id, String filename) {
        List<String> folders = annotationDir.isEmpty()
                ? List.of(VocLayout.IMAGES, id.substring(0, id.lastIndexOf('/') + 1)) : List.of(VocLayout.IMAGES);
        String baseName = id.substring(id.lastIndexOf('/') + 1);
        for (String folder : folders) {
            if (filename != null && source.exists(folder + filename)) {
                return folder + filename;
            }
            String byId = folder.equals(VocLayout.IMAGES) ? folder + id : folder + baseName;
            String image = ImageFiles.find(source, byId);
            if (image != null) {
                return image;
            }
        }
        return filename == null ? null : folders.get(folders.size() - 1) + filename;
    }
}

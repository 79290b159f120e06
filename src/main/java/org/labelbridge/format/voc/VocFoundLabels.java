package org.labelbridge.format.voc;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.FormatException;
import org.labelbridge.format.Problems;
import org.labelbridge.format.common.SafeXml;
import org.labelbridge.format.common.pixels.VocLabelMap;
import org.labelbridge.format.common.pixels.VocPalette;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Label;
import org.labelbridge.model.Rgb;

/**
 * The labels a VOC dataset without {@code labelmap.txt} uses beyond the VOC classes: the
 * {@code <object><name>} and {@code <part><name>} values of its annotation XML that the VOC
 * defaults do not declare. Real sets built with VOC tools keep their own classes and no label
 * map; CVAT's importer then writes a label map from the task's labels, and this stands in for
 * those. Only the names are read here (a streaming pass); a file that does not parse is left
 * for the item's own read to report.
 */
final class VocFoundLabels {

    /** Names listed in the report before it says how many more there are. */
    private static final int NAMES_SHOWN = 20;

    private VocFoundLabels() {
    }

    /**
     * {@code declared} followed by the labels found in the annotations and not declared, in name
     * order, each with the VOC palette colour of its index while the palette has one to spare.
     */
    static Categories addFound(Categories declared, DatasetSource source, String annotationDir, Problems problems)
            throws IOException {
        TreeSet<String> found = new TreeSet<>();
        for (String path : source.filesUnder(annotationDir)) {
            if (path.endsWith(".xml")) {
                collectNames(source, path, found);
            }
        }
        declared.labels().forEach(label -> found.remove(label.name()));
        if (found.isEmpty()) {
            return declared;
        }
        List<Label> labels = new ArrayList<>(declared.labels());
        Map<Integer, Rgb> colours = new HashMap<>(declared.colors());
        Set<Rgb> used = Set.copyOf(colours.values());
        for (String name : found) {
            Rgb colour = labels.size() < VocPalette.SIZE ? VocPalette.colour(labels.size()) : null;
            if (colour != null && !used.contains(colour)) {
                colours.put(labels.size(), colour);
            }
            labels.add(Label.named(name));
        }
        List<String> shown = new ArrayList<>(found).subList(0, Math.min(NAMES_SHOWN, found.size()));
        problems.dataset("no " + VocLabelMap.FILE_NAME + ": " + found.size() + " label(s) of the annotations that are"
                + " not VOC classes are declared after them: " + String.join(", ", shown)
                + (found.size() > shown.size() ? ", ... (" + (found.size() - shown.size()) + " more)" : ""));
        return new Categories(labels, declared.commonAttributes(), declared.skeletons(), colours);
    }

    /** Adds the object and part names of one annotation file. */
    private static void collectNames(DatasetSource source, String path, Set<String> names) throws IOException {
        try (InputStream in = source.open(path)) {
            XMLStreamReader xml = SafeXml.stream(in, source.describe(path));
            Deque<String> open = new ArrayDeque<>();
            StringBuilder text = new StringBuilder();
            while (xml.hasNext()) {
                switch (xml.next()) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        open.push(xml.getLocalName());
                        text.setLength(0);
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> text.append(xml.getText());
                    case XMLStreamConstants.END_ELEMENT -> {
                        String element = open.pop();
                        if (element.equals("name") && isLabelName(open)) {
                            String name = text.toString().strip();
                            if (!name.isEmpty()) {
                                names.add(name);
                            }
                        }
                        text.setLength(0);
                    }
                    default -> {
                        // comments, whitespace, the document's end
                    }
                }
            }
            xml.close();
        } catch (XMLStreamException | FormatException e) {
            // Not well-formed: the item's own read names the file and the place.
        }
    }

    /** Whether a {@code <name>} closing inside {@code open} names an object's or a part's label. */
    private static boolean isLabelName(Deque<String> open) {
        if (open.size() == 2) {
            return "object".equals(open.peekFirst()) && "annotation".equals(open.peekLast());
        }
        if (open.size() == 3) {
            List<String> path = new ArrayList<>(open);
            return path.get(0).equals("part") && path.get(1).equals("object") && path.get(2).equals("annotation");
        }
        return false;
    }
}

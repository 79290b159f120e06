package org.labelbridge.format.labelme;

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
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.FormatException;
import org.labelbridge.format.Problems;
import org.labelbridge.format.common.ImageFiles;
import org.labelbridge.format.common.SafeXml;

/**
 * A first pass over every XML, streamed, keeping only what must be known before the first
 * item: which files are items (ids, subsets, images) and the label names, in order of first
 * appearance. The objects are read in the second pass, one file at a time.
 */
final class LabelMeIndex {

    /** One item's XML. */
    record Document(String path, String subset, String id, String imagePath) {
    }

    private final List<Document> documents;
    private final List<String> labels;

    private LabelMeIndex(List<Document> documents, List<String> labels) {
        this.documents = documents;
        this.labels = labels;
    }

    List<Document> documents() {
        return documents;
    }

    List<String> labels() {
        return labels;
    }

    static LabelMeIndex build(DatasetSource source, Problems problems) throws IOException {
        List<String> xmls = source.files().stream().filter(f -> f.endsWith(LabelMeLayout.XML)).toList();
        if (xmls.isEmpty()) {
            throw new FormatException(source.describe("") + ": no .xml files, so no LabelMe annotations");
        }
        Set<String> labels = new LinkedHashSet<>();
        Map<String, String> pathOfItem = new HashMap<>();
        Set<String> images = new HashSet<>();
        List<Document> documents = new ArrayList<>();
        for (String xml : xmls) {
            Header header = scan(source, xml, labels);
            String subset = LabelMeLayout.subset(xml);
            String id = LabelMeLayout.itemId(xml, header.folder, header.filename);
            String earlier = pathOfItem.putIfAbsent(subset + "\u0000" + id, xml);
            if (earlier != null) {
                problems.item(id, source.describe(xml) + " describes item '" + id + "' of subset '" + subset
                        + "' again (after " + earlier + "): not read");
                continue;
            }
            String image = LabelMeLayout.imagePath(xml, header.filename);
            images.add(image);
            documents.add(new Document(xml, subset, id, image));
        }
        reportUnread(source, images, problems);
        return new LabelMeIndex(List.copyOf(documents), List.copyOf(labels));
    }

    /** Images no XML names, and LabelMe's scribbles, are not read: said once each. */
    private static void reportUnread(DatasetSource source, Set<String> images, Problems problems) {
        List<String> scribbles = new ArrayList<>();
        List<String> orphans = new ArrayList<>();
        for (String file : source.files()) {
            boolean inMasks = file.startsWith(LabelMeLayout.MASKS) || file.contains("/" + LabelMeLayout.MASKS);
            boolean inScribbles = file.startsWith(LabelMeLayout.SCRIBBLES) || file.contains("/" + LabelMeLayout.SCRIBBLES);
            if (inScribbles) {
                scribbles.add(file);
            } else if (!inMasks && ImageFiles.isImage(file) && !images.contains(file)) {
                orphans.add(file);
            }
        }
        if (!scribbles.isEmpty()) {
            problems.dataset(scribbles.size() + " file(s) in " + LabelMeLayout.SCRIBBLES + " not read: scribbles are the"
                    + " LabelMe tool's drawing aids for the masks in " + LabelMeLayout.MASKS + ", which are read");
        }
        if (!orphans.isEmpty()) {
            problems.dataset(orphans.size() + " image(s) that no .xml names were not read: "
                    + orphans.stream().limit(5).collect(Collectors.joining(", ")) + (orphans.size() > 5 ? ", ..." : ""));
        }
    }

    /** What the first pass keeps of one file. */
    private static final class Header {
        String folder = "";
        String filename = "";
    }

    private static Header scan(DatasetSource source, String path, Set<String> labels) throws IOException {
        String file = source.describe(path);
        Header header = new Header();
        try (InputStream in = source.open(path)) {
            XMLStreamReader xml = SafeXml.stream(in, file);
            try {
                int depth = 0;
                boolean inObject = false;
                String capturing = null;
                StringBuilder text = new StringBuilder();
                while (xml.hasNext()) {
                    int event = xml.next();
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        depth++;
                        String name = xml.getLocalName();
                        if (depth == 1 && !name.equals("annotation")) {
                            throw FormatException.at(file, "line " + xml.getLocation().getLineNumber(),
                                    "expected root element <annotation> (a LabelMe file), got <" + name + ">");
                        }
                        inObject |= depth == 2 && name.equals("object");
                        boolean wanted = depth == 2 && (name.equals("filename") || name.equals("folder"))
                                || depth == 3 && inObject && name.equals("name");
                        if (wanted) {
                            capturing = name;
                            text.setLength(0);
                        }
                    } else if (event == XMLStreamConstants.END_ELEMENT) {
                        if (capturing != null && depth == (capturing.equals("name") ? 3 : 2)) {
                            keep(header, capturing, text.toString(), labels);
                            capturing = null;
                        }
                        inObject &= depth != 2;
                        depth--;
                    } else if (capturing != null && isText(event)
                            && depth == (capturing.equals("name") ? 3 : 2)) {
                        text.append(xml.getText());
                    }
                }
            } catch (XMLStreamException e) {
                throw SafeXml.error(file, e);
            } finally {
                close(xml);
            }
        }
        return header;
    }

    private static void keep(Header header, String element, String text, Set<String> labels) {
        switch (element) {
            case "filename" -> header.filename = text.strip();
            case "folder" -> header.folder = text.strip();
            default -> {
                if (!text.isEmpty()) {
                    labels.add(text);
                }
            }
        }
    }

    static boolean isText(int event) {
        return event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                || event == XMLStreamConstants.SPACE || event == XMLStreamConstants.ENTITY_REFERENCE;
    }

    private static void close(XMLStreamReader xml) {
        try {
            xml.close();
        } catch (XMLStreamException e) {
            // nothing more is read from it
        }
    }
}

package org.labelbridge.format.cvat;

import static javax.xml.stream.XMLStreamConstants.START_ELEMENT;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.labelbridge.format.DatasetReader;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.FormatException;
import org.labelbridge.format.Problems;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;

/**
 * Reads a CVAT for images or CVAT for video dump: every {@code .xml} file at the root whose
 * root element is {@code <annotations>} (usually one {@code annotations.xml}; Datumaro writes
 * one per subset), the labels of all of them first, then their items file by file.
 */
final class CvatReader implements DatasetReader {

    private final DatasetSource source;
    private final Problems problems;
    private final List<String> files = new ArrayList<>();
    private final LabelTable labels;
    private int nextFile;
    private CvatDocument current;

    CvatReader(DatasetSource source, Problems problems) throws IOException {
        this.source = source;
        this.problems = problems;
        List<CvatMeta> metas = new ArrayList<>();
        for (String path : candidates(source)) {
            try (XmlCursor xml = XmlCursor.open(source, path)) {
                if (xml.next() != START_ELEMENT || !CvatLayout.ROOT.equals(xml.name())) {
                    problems.dataset(source.describe(path) + " is skipped: its root element is not <annotations>");
                    continue;
                }
                metas.add(CvatMetaReader.read(xml));
                files.add(path);
            }
        }
        if (files.isEmpty()) {
            throw FormatException.at(source.describe(""), null, "no CVAT annotation file: expected an .xml file "
                    + "with the root element <annotations>, such as " + CvatLayout.ANNOTATIONS_FILE);
        }
        labels = LabelTable.of(metas, problems);
    }

    /** The root's .xml files, or, when it has none, every .xml file outside {@code images/}. */
    private static List<String> candidates(DatasetSource source) {
        List<String> atRoot = source.filesIn("").stream().filter(CvatReader::isXml).toList();
        if (!atRoot.isEmpty()) {
            return atRoot;
        }
        return source.files().stream()
                .filter(f -> isXml(f) && !f.startsWith(CvatLayout.IMAGES_DIR + "/") && !f.contains("/images/"))
                .toList();
    }

    private static boolean isXml(String path) {
        return path.toLowerCase(Locale.ROOT).endsWith(".xml");
    }

    @Override
    public Categories categories() {
        return labels.categories();
    }

    @Override
    public Item next() throws IOException {
        while (true) {
            if (current != null) {
                Item item = current.next();
                if (item != null) {
                    return item;
                }
                current.close();
                current = null;
            }
            if (nextFile >= files.size()) {
                return null;
            }
            current = CvatDocument.open(source, files.get(nextFile++), labels, problems);
        }
    }

    @Override
    public void close() throws IOException {
        if (current != null) {
            current.close();
            current = null;
        }
    }
}

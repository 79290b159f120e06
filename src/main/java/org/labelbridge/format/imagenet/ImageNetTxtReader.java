package org.labelbridge.format.imagenet;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.labelbridge.format.DatasetReader;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.FormatException;
import org.labelbridge.format.common.TextFiles;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.AnnotationInfo;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;
import org.labelbridge.model.Media;
import org.labelbridge.model.Tag;

/** Reads the text layout: {@code <subset>.txt} files line by line, labels from {@code synsets.txt}. */
final class ImageNetTxtReader implements DatasetReader {

    private final DatasetSource source;
    private final List<String> subsetFiles;
    private final Categories categories;
    /** Whether labels are known from a file (an index past its end is an error). */
    private final boolean labelsFromFile;
    private int fileIndex = -1;
    private BufferedReader lines;
    private int lineNumber;

    ImageNetTxtReader(DatasetSource source) throws IOException {
        this.source = source;
        this.subsetFiles = ImageNetFiles.subsetFiles(source);
        if (subsetFiles.isEmpty()) {
            throw FormatException.at(source.describe(""), null,
                    "expected a <subset>.txt annotation file of ImageNet lines at the root");
        }
        String labelsFile = ImageNetFiles.labelsFile(source);
        this.labelsFromFile = labelsFile != null;
        this.categories = labelsFromFile ? Categories.ofNames(readLabels(labelsFile)) : generatedLabels();
    }

    /** One label per non-blank line; the line order gives the indices, so a repeated name is an error. */
    private List<String> readLabels(String file) throws IOException {
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try (BufferedReader in = open(file)) {
            int number = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                if (!seen.add(line.strip())) {
                    throw FormatException.at(source.describe(file), "line " + number,
                            "label '" + line.strip() + "' is declared twice");
                }
                names.add(line.strip());
            }
        }
        return names;
    }

    /** Without a labels file, Datumaro's {@code class-<i>} up to the highest index used. */
    private Categories generatedLabels() throws IOException {
        int max = -1;
        for (String file : subsetFiles) {
            try (BufferedReader in = open(file)) {
                int number = 0;
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    number++;
                    if (!line.isBlank()) {
                        for (int label : parse(file, number, line).labels()) {
                            max = Math.max(max, label);
                        }
                    }
                }
            }
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i <= max; i++) {
            names.add("class-" + i);
        }
        return Categories.ofNames(names);
    }

    @Override
    public Categories categories() {
        return categories;
    }

    @Override
    public Item next() throws IOException {
        while (true) {
            if (lines == null) {
                if (++fileIndex >= subsetFiles.size()) {
                    return null;
                }
                lines = open(subsetFiles.get(fileIndex));
                lineNumber = 0;
            }
            String line = lines.readLine();
            if (line == null) {
                lines.close();
                lines = null;
                continue;
            }
            lineNumber++;
            if (!line.isBlank()) {
                return item(subsetFiles.get(fileIndex), parse(subsetFiles.get(fileIndex), lineNumber, line));
            }
        }
    }

    private Item item(String file, ImageNetLine line) throws FormatException {
        List<Annotation> tags = new ArrayList<>(line.labels().size());
        for (int label : line.labels()) {
            if (label >= categories.labels().size()) {
                throw FormatException.at(source.describe(file), "line " + lineNumber, "label index " + label
                        + " is past the " + categories.labels().size() + " labels of the labels file");
            }
            tags.add(new Tag(AnnotationInfo.of(label)));
        }
        Media media = new Media(ImageNetFiles.IMAGES_DIR + "/" + line.image(), null, null);
        return new Item(line.id(), ImageNetFiles.subsetOf(file), media, tags);
    }

    private ImageNetLine parse(String file, int number, String line) throws FormatException {
        try {
            return ImageNetLine.parse(line);
        } catch (IllegalArgumentException e) {
            throw FormatException.at(source.describe(file), "line " + number, e.getMessage());
        }
    }

    private BufferedReader open(String file) throws IOException {
        return TextFiles.open(source, file);
    }

    @Override
    public void close() throws IOException {
        if (lines != null) {
            lines.close();
            lines = null;
        }
    }
}

package org.labelbridge.format.lfw;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.labelbridge.format.DatasetReader;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.FormatException;
import org.labelbridge.format.common.ImageFiles;
import org.labelbridge.format.common.TextFiles;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.AnnotationInfo;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;
import org.labelbridge.model.Media;
import org.labelbridge.model.Points;
import org.labelbridge.model.Tag;

/**
 * Reads every subset's annotation files up front into a compact index (pairs attach to images
 * across lines, and people named in pairs become labels, which must all be known before the
 * first item), then yields the items in the order the files first name them, followed by the
 * images no file names.
 */
final class LfwReader implements DatasetReader {

    /** What the files say about one image. */
    private static final class Entry {
        final String id;
        final String imageKey;
        Integer person;
        final List<String> positive = new ArrayList<>(0);
        final List<String> negative = new ArrayList<>(0);
        final List<Points> landmarks = new ArrayList<>(1);

        Entry(String id, String imageKey, Integer person) {
            this.id = id;
            this.imageKey = imageKey;
            this.person = person;
        }
    }

    private final DatasetSource source;
    private final Map<String, Integer> labels = new LinkedHashMap<>();
    private final List<LfwFiles.Subset> subsets;
    private final List<Map<String, Entry>> indexes = new ArrayList<>();
    private final Categories categories;
    private int current;
    private Iterator<Entry> named;
    private Map<String, String> images;
    private Set<String> usedImages;
    private Iterator<Map.Entry<String, String>> unnamedImages;

    LfwReader(DatasetSource source) throws IOException {
        this.source = source;
        this.subsets = LfwFiles.subsets(source);
        if (subsets.isEmpty()) {
            throw FormatException.at(source.describe(""), null,
                    "expected <subset>/annotations/pairs.txt (or annotations/pairs.txt)");
        }
        for (LfwFiles.Subset subset : subsets) {
            readPeople(subset);
        }
        for (LfwFiles.Subset subset : subsets) {
            Map<String, Entry> entries = new LinkedHashMap<>();
            readPairs(subset, entries);
            readLandmarks(subset, entries);
            indexes.add(entries);
        }
        this.categories = Categories.ofNames(List.copyOf(labels.keySet()));
    }

    /** {@code people.txt}: {@code name <tab> count} lines, and lines of a single count (headers). */
    private void readPeople(LfwFiles.Subset subset) throws IOException {
        String file = subset.annotations(LfwFiles.PEOPLE_FILE);
        if (!source.exists(file)) {
            return;
        }
        forEachLine(file, (number, fields) -> {
            if (fields.length == 1 && isInteger(fields[0])) {
                return;
            }
            if (fields.length != 2 || !isInteger(fields[1])) {
                throw error(file, number, "expected 'name <tab> image count' or a count, got "
                        + String.join("\\t", fields));
            }
            label(fields[0]);
        });
    }

    private void readPairs(LfwFiles.Subset subset, Map<String, Entry> entries) throws IOException {
        String file = subset.annotations(LfwFiles.PAIRS_FILE);
        forEachLine(file, (number, fields) -> {
            switch (fields.length) {
                case 1 -> {
                    String path = fields[0];
                    int slash = path.indexOf('/');
                    if (slash > 0) {
                        entry(entries, path.substring(slash + 1), path, label(path.substring(0, slash)));
                    } else {
                        entry(entries, path, path, null);
                    }
                }
                case 2 -> {
                    if (!isInteger(fields[0]) || !isInteger(fields[1])) {
                        throw error(file, number, "expected 'person n1 n2', 'person1 n1 person2 n2', 'person/image'"
                                + " or a header of 2 numbers, got " + String.join("\\t", fields));
                    }
                }
                case 3 -> {
                    Integer person = label(fields[0]);
                    LfwImageName first = LfwImageName.of(fields[0], fields[1]);
                    LfwImageName second = LfwImageName.of(fields[0], fields[2]);
                    entry(entries, first.id(), first.image(), person).positive.add(second.image());
                    entry(entries, second.id(), second.image(), person);
                }
                case 4 -> {
                    LfwImageName first = LfwImageName.of(fields[0], fields[1]);
                    boolean nobody = fields[2].equals(LfwFiles.NO_PERSON);
                    LfwImageName second = nobody ? new LfwImageName(fields[3], fields[3])
                            : LfwImageName.of(fields[2], fields[3]);
                    entry(entries, first.id(), first.image(), label(fields[0])).negative.add(second.image());
                    entry(entries, second.id(), second.image(), nobody ? null : label(fields[2]));
                }
                default -> throw error(file, number, "expected 1, 3 or 4 tab-separated fields, got " + fields.length);
            }
        });
    }

    /** {@code person/image.jpg <tab> x1 <tab> y1 ...}: landmarks of the image, labelled with its person. */
    private void readLandmarks(LfwFiles.Subset subset, Map<String, Entry> entries) throws IOException {
        String file = subset.annotations(LfwFiles.LANDMARKS_FILE);
        if (!source.exists(file)) {
            return;
        }
        forEachLine(file, (number, fields) -> {
            if (fields.length < 3 || fields.length % 2 == 0) {
                throw error(file, number, "expected an image and pairs of coordinates, got " + fields.length + " fields");
            }
            double[] points = new double[fields.length - 1];
            for (int i = 1; i < fields.length; i++) {
                try {
                    points[i - 1] = Double.parseDouble(fields[i]);
                } catch (NumberFormatException e) {
                    throw error(file, number, "expected a coordinate in field " + (i + 1) + ", got '" + fields[i] + "'");
                }
            }
            String key = ImageFiles.stripExtension(fields[0]);
            int slash = key.indexOf('/');
            Integer person = slash > 0 ? label(key.substring(0, slash)) : null;
            String id = slash > 0 ? key.substring(slash + 1) : key;
            Entry entry = entries.get(id);
            if (entry == null) {
                entry = new Entry(id, key, null);
                entries.put(id, entry);
            }
            entry.landmarks.add(new Points(AnnotationInfo.of(person), points));
        });
    }

    private static Entry entry(Map<String, Entry> entries, String id, String imageKey, Integer person) {
        Entry entry = entries.get(id);
        if (entry == null) {
            entry = new Entry(id, imageKey, person);
            entries.put(id, entry);
        } else if (entry.person == null) {
            entry.person = person;
        }
        return entry;
    }

    private Integer label(String name) {
        return labels.computeIfAbsent(name, n -> labels.size());
    }

    /** Starts a subset: its images by path below {@code images/} without extension. */
    private void open(int index) {
        LfwFiles.Subset subset = subsets.get(index);
        String imagesDir = subset.images() + "/";
        images = new LinkedHashMap<>();
        for (String path : source.filesUnder(subset.images())) {
            if (ImageFiles.isImage(path)) {
                images.putIfAbsent(ImageFiles.stripExtension(path.substring(imagesDir.length())), path);
            }
        }
        usedImages = new HashSet<>();
        named = indexes.get(index).values().iterator();
        unnamedImages = null;
        indexes.set(index, null);
    }

    /** The next item of the subset: a named image, then the images under {@code images/} nothing names. */
    private Item nextOfSubset() {
        String subset = subsets.get(current).name();
        if (named.hasNext()) {
            Entry entry = named.next();
            String image = images.get(entry.imageKey);
            if (image != null) {
                usedImages.add(image);
            }
            return new Item(entry.id, subset, image == null ? Media.NONE : new Media(image, null, null),
                    annotations(entry));
        }
        if (unnamedImages == null) {
            unnamedImages = images.entrySet().iterator();
        }
        while (unnamedImages.hasNext()) {
            Map.Entry<String, String> image = unnamedImages.next();
            if (!usedImages.contains(image.getValue())) {
                return new Item(image.getKey(), subset, new Media(image.getValue(), null, null), List.of());
            }
        }
        return null;
    }

    private static List<Annotation> annotations(Entry entry) {
        List<Annotation> annotations = new ArrayList<>(1 + entry.landmarks.size());
        if (entry.person != null) {
            Map<String, Object> attributes = new LinkedHashMap<>();
            if (!entry.positive.isEmpty()) {
                attributes.put(LfwFiles.POSITIVE_PAIRS, List.copyOf(entry.positive));
            }
            if (!entry.negative.isEmpty()) {
                attributes.put(LfwFiles.NEGATIVE_PAIRS, List.copyOf(entry.negative));
            }
            annotations.add(new Tag(AnnotationInfo.of(entry.person).withAttributes(attributes)));
        }
        annotations.addAll(entry.landmarks);
        return annotations;
    }

    @Override
    public Categories categories() {
        return categories;
    }

    @Override
    public Item next() {
        while (current < subsets.size()) {
            if (named == null) {
                open(current);
            }
            Item item = nextOfSubset();
            if (item != null) {
                return item;
            }
            named = null;
            current++;
        }
        return null;
    }

    private interface LineHandler {
        void line(int number, String[] fields) throws FormatException;
    }

    /** Each non-blank line, split at tabs, fields stripped. */
    private void forEachLine(String file, LineHandler handler) throws IOException {
        try (BufferedReader in = TextFiles.open(source, file)) {
            int number = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String[] fields = line.strip().split("\t");
                for (int i = 0; i < fields.length; i++) {
                    fields[i] = fields[i].strip();
                }
                handler.line(number, fields);
            }
        }
    }

    private static boolean isInteger(String text) {
        try {
            Integer.parseInt(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private FormatException error(String file, int line, String message) {
        return FormatException.at(source.describe(file), "line " + line, message);
    }
}

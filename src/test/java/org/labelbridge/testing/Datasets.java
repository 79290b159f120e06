package org.labelbridge.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.labelbridge.archive.DirectoryOutput;
import org.labelbridge.archive.DirectorySource;
import org.labelbridge.format.DatasetReader;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.DatasetWriter;
import org.labelbridge.format.Format;
import org.labelbridge.format.Problems;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;

/** Reads and writes whole (small) datasets for tests. */
public final class Datasets {

    private Datasets() {
    }

    /** A dataset held in memory: only for test-sized data. */
    public record Loaded(Categories categories, List<Item> items) {

        public Item item(String id) {
            return find(id).orElseThrow(() -> new AssertionError("no item '" + id + "' in " + ids()));
        }

        public Item item(String subset, String id) {
            return items.stream().filter(i -> i.id().equals(id) && i.subset().equals(subset)).findFirst()
                    .orElseThrow(() -> new AssertionError("no item " + subset + "/" + id + " in " + ids()));
        }

        public Optional<Item> find(String id) {
            return items.stream().filter(i -> i.id().equals(id)).findFirst();
        }

        public List<String> ids() {
            return items.stream().map(i -> i.subset() + "/" + i.id()).toList();
        }

        /** Annotations per kind over every item: what a report's "out" must say of this output. */
        public java.util.Map<org.labelbridge.model.AnnotationKind, Long> kinds() {
            return Datasets.kinds(items);
        }

        /** The name of an annotation's label, or null. */
        public String labelOf(Annotation a) {
            return categories.nameOf(a.label());
        }
    }

    /** Annotations per kind over these items. */
    public static java.util.Map<org.labelbridge.model.AnnotationKind, Long> kinds(List<Item> items) {
        java.util.Map<org.labelbridge.model.AnnotationKind, Long> map =
                new java.util.EnumMap<>(org.labelbridge.model.AnnotationKind.class);
        items.forEach(item -> item.annotations().forEach(a -> map.merge(a.kind(), 1L, Long::sum)));
        return map;
    }

    public static Loaded read(Format format, DatasetSource source) throws IOException {
        return read(format, source, Problems.IGNORE);
    }

    public static Loaded read(Format format, DatasetSource source, Problems problems) throws IOException {
        try (DatasetReader reader = format.reader(source, problems)) {
            List<Item> items = new ArrayList<>();
            for (Item item = reader.next(); item != null; item = reader.next()) {
                items.add(item);
            }
            return new Loaded(reader.categories(), items);
        }
    }

    /** Writes the dataset into a folder; images are copied from {@code media} when given. */
    public static void write(Format format, Loaded dataset, Path dir, DatasetSource media, Problems problems)
            throws IOException {
        DatasetWriter writer = format.writer(new DirectoryOutput(dir, media, media != null), problems);
        writer.begin(dataset.categories());
        for (Item item : dataset.items()) {
            writer.write(item);
        }
        writer.finish();
    }

    /** What a conversion through the whole pipeline gave: its result and its output, read back. */
    public record Converted(org.labelbridge.convert.ConversionResult result, Loaded output) {

        public org.labelbridge.convert.ConversionReport report() {
            return result.report();
        }

        /** The report's annotations out per kind, kinds counted down to 0 left out. */
        public java.util.Map<org.labelbridge.model.AnnotationKind, Long> reportedOut() {
            java.util.Map<org.labelbridge.model.AnnotationKind, Long> map =
                    new java.util.EnumMap<>(org.labelbridge.model.AnnotationKind.class);
            report().annotationsOut().forEach((kind, n) -> {
                if (n != 0) {
                    map.put(kind, n);
                }
            });
            return map;
        }

        /** How many times the report says something whose reason holds the fragment happened. */
        public long count(String fragment) {
            return report().entries().stream().filter(e -> e.reason().contains(fragment))
                    .mapToLong(org.labelbridge.convert.ConversionReport.Entry::count).sum();
        }
    }

    /**
     * Converts {@code input} (format {@code from}, or "auto") to {@code to} through
     * {@link org.labelbridge.convert.Converter} into the new folder {@code output}, and reads the
     * output back with the target's reader.
     */
    public static Converted convert(Path input, String from, String to, Path output,
                                    org.labelbridge.convert.ConversionOptions options) throws IOException {
        var result = org.labelbridge.convert.Converter.convert(
                new org.labelbridge.convert.ConversionRequest(input, from, to, options, output));
        return new Converted(result, read(org.labelbridge.format.Formats.require(to), DirectorySource.of(output)));
    }

    /** Writes the dataset with {@code format} into {@code dir} and reads it back. */
    public static Loaded roundTrip(Format format, Loaded dataset, Path dir, DatasetSource media) throws IOException {
        write(format, dataset, dir, media, Problems.IGNORE);
        return read(format, DirectorySource.of(dir));
    }
}

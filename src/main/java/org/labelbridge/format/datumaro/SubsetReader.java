package org.labelbridge.format.datumaro;

import com.fasterxml.jackson.core.JsonToken;
import java.io.Closeable;
import java.io.IOException;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.Problems;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;

/**
 * Streams the items of one {@code <subset>.json}: walks the top-level fields to {@code items}
 * and then yields one item per call; the top-level fields after the items are walked at the end
 * so that a broken tail is still reported.
 */
final class SubsetReader implements Closeable {

    private static final String TOP = "a JSON object with 'categories' and 'items'";

    private final JsonInput in;
    private final String file;
    private final Problems problems;
    private final ItemReader items;
    private boolean inItems;
    private int index;

    private SubsetReader(JsonInput in, String file, ItemReader items, Problems problems) {
        this.in = in;
        this.file = file;
        this.items = items;
        this.problems = problems;
    }

    static SubsetReader open(DatasetSource source, String file, Categories categories, boolean pointClouds,
                             Problems problems)
            throws IOException {
        JsonInput in = JsonInput.open(source, file);
        try {
            ItemReader items = new ItemReader(in, source, DatumaroLayout.subsetOf(file), categories, pointClouds,
                    problems);
            SubsetReader reader = new SubsetReader(in, file, items, problems);
            in.nextExpect(JsonToken.START_OBJECT, null, TOP);
            reader.walkTopLevel();
            return reader;
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /**
     * Reads the categories of a file: the value of its top-level {@code categories}, or none.
     */
    static Categories categories(DatasetSource source, String file, Problems problems) throws IOException {
        try (JsonInput in = JsonInput.open(source, file)) {
            in.nextExpect(JsonToken.START_OBJECT, null, TOP);
            for (JsonToken token = in.next(); token != JsonToken.END_OBJECT; token = in.next()) {
                String field = in.fieldName();
                in.next();
                if (field.equals("categories")) {
                    return CategoriesReader.read(in, problems);
                }
                in.skipValue();
            }
            return Categories.EMPTY;
        }
    }

    /** The next item of the file, or null after the last. */
    Item next() throws IOException {
        if (!inItems) {
            return null;
        }
        if (in.next() == JsonToken.END_ARRAY) {
            inItems = false;
            walkTopLevel();
            return null;
        }
        return items.read(index++);
    }

    /** Walks top-level fields until the items array starts or the object ends. */
    private void walkTopLevel() throws IOException {
        for (JsonToken token = in.next(); token != JsonToken.END_OBJECT; token = in.next()) {
            String field = in.fieldName();
            in.next();
            switch (field) {
                case "items" -> {
                    in.expect(JsonToken.START_ARRAY, "items", "an array of items");
                    inItems = true;
                    return;
                }
                case "categories" -> in.skipValue(); // read before the items
                case "info", "infos" -> {
                    if (!in.skipValueReportingEmpty()) {
                        problems.dataset(in.file() + ": '" + field + "' (dataset information) is not kept");
                    }
                }
                default -> {
                    in.skipValue();
                    if (!DatumaroLayout.IGNORED_TOP_LEVEL.contains(field)) {
                        problems.dataset(in.file() + ": top-level field '" + field + "' is not kept");
                    }
                }
            }
        }
        if (items.pointClouds() > 0) {
            problems.dataset(in.file() + ": " + items.pointClouds() + " item(s) refer to point clouds (and their"
                    + " related images), which are not kept; their annotations are");
        }
    }

    String file() {
        return file;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}

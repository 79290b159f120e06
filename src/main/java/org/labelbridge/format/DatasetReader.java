package org.labelbridge.format;

import java.io.Closeable;
import java.io.IOException;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;

/** Yields a dataset: its categories first, then its items one at a time, once. */
public interface DatasetReader extends Closeable {

    Categories categories();

    /** The next item, or {@code null} when there are no more. */
    Item next() throws IOException;

    @Override
    default void close() throws IOException {
    }
}

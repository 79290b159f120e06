package org.labelbridge.format;

import java.io.IOException;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;

/**
 * Writes a dataset: {@link #begin} once, {@link #write} per item in reading order, then
 * {@link #finish}. Items arrive filtered to what the descriptor says the format holds.
 * Per-item problems go to {@link Problems}, not exceptions, unless the output would be wrong.
 */
public interface DatasetWriter {

    void begin(Categories categories) throws IOException;

    void write(Item item) throws IOException;

    void finish() throws IOException;
}

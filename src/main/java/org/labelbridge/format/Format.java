package org.labelbridge.format;

import java.io.IOException;

/** One dataset format: a descriptor, a detector, and a reader and/or writer. */
public interface Format {

    FormatDescriptor descriptor();

    default String id() {
        return descriptor().id();
    }

    /**
     * How sure this format is that the dataset is its own. Cheap: looks at file names and at
     * most the first bytes of a file or two. Declines (returns {@link Detection#NONE}) rather
     * than throws on what is not its own.
     */
    Detection detect(DatasetSource source) throws IOException;

    /** Opens the dataset for reading. Only called when the descriptor says it can read. */
    default DatasetReader reader(DatasetSource source, Problems problems) throws IOException {
        throw new FormatException(id() + " cannot be read");
    }

    /** A writer into the output. Only called when the descriptor says it can write. */
    default DatasetWriter writer(DatasetOutput output, Problems problems) throws IOException {
        throw new FormatException(id() + " cannot be written");
    }
}

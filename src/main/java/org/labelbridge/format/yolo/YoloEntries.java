package org.labelbridge.format.yolo;

import java.io.Closeable;
import java.io.IOException;

/** The items of one layout, one at a time. */
interface YoloEntries extends Closeable {

    /** The next item's files, or {@code null} when there are no more. */
    YoloEntry next() throws IOException;

    @Override
    default void close() throws IOException {
    }
}

package org.labelbridge.format;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.labelbridge.model.Media;

/**
 * Where a writer puts its files. Entries are written one after another; an annotation file
 * that grows while items stream (COCO's JSON, CVAT's XML) is opened with {@link #deferred},
 * which spools it and adds it when the output is finished.
 */
public interface DatasetOutput {

    /** A new file; write it fully and close it before opening the next. */
    OutputStream entry(String path) throws IOException;

    /**
     * A new file holding {@code text} in UTF-8: the way to write the many small per-item files
     * (no writer and its 8 KB buffer per file).
     */
    default void text(String path, String text) throws IOException {
        try (OutputStream out = entry(path)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * A new file whose bytes {@code content} writes, perhaps later and on another thread (a zip
     * output's own): the way to hand over costly encoding (a mask PNG) so that it runs while the
     * writer goes on with the next item. Give it data that nothing changes afterwards.
     */
    default void entry(String path, Content content) throws IOException {
        try (OutputStream out = entry(path)) {
            content.writeTo(out);
        }
    }

    /** What writes a file's bytes. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** A file written alongside others and added at the end; close it when done. */
    OutputStream deferred(String path) throws IOException;

    /**
     * Copies the item's image from the source to {@code path}, byte for byte (never decoded or
     * recompressed). Returns false, without failing, when images are not being kept or the
     * source has no such file.
     */
    boolean copyMedia(Media media, String path) throws IOException;

    /** Whether images are being copied at all (a writer may then skip its image lists). */
    boolean keepsMedia();
}

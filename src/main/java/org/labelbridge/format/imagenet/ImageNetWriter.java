package org.labelbridge.format.imagenet;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.labelbridge.format.DatasetOutput;
import org.labelbridge.format.DatasetWriter;
import org.labelbridge.format.Problems;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;

/**
 * Chooses the layout as CVAT does, by whether there are images to write: the folder layout
 * stores an item only as its image, so a dataset none of whose images is in the source is
 * written in the text layout (Datumaro's {@code imagenet_txt}, what CVAT writes without images)
 * instead of as an empty archive. Items without an image wait until the first image is copied;
 * then they are reported as not written in the folder layout, else at the end they are written
 * as text lines. They are kept as items, so memory grows with the annotations, not the images.
 */
final class ImageNetWriter implements DatasetWriter {

    private final DatasetOutput output;
    private final Problems problems;
    private final ImageNetFolderWriter folders;
    private Categories categories;
    /** Items seen before any image was copied; null once the folder layout is chosen. */
    private List<Item> imageless = new ArrayList<>();

    ImageNetWriter(DatasetOutput output, Problems problems) {
        this.output = output;
        this.problems = problems;
        this.folders = new ImageNetFolderWriter(output, problems);
    }

    @Override
    public void begin(Categories categories) {
        this.categories = categories;
        folders.begin(categories);
    }

    @Override
    public void write(Item item) throws IOException {
        if (imageless == null) {
            folders.write(item);
        } else if (folders.writeIfImage(item)) {
            List<Item> waiting = imageless;
            imageless = null;
            for (Item earlier : waiting) {
                folders.write(earlier);
            }
        } else {
            imageless.add(item);
        }
    }

    @Override
    public void finish() throws IOException {
        if (imageless == null) {
            folders.finish();
            return;
        }
        if (output.keepsMedia()) {
            problems.dataset("no image of the dataset is in the source: written in the ImageNet text layout"
                    + " (<subset>.txt and " + ImageNetFiles.LABELS_FILE + "), as CVAT writes ImageNet without images;"
                    + " the folder layout would hold nothing");
        }
        ImageNetTxtWriter text = new ImageNetTxtWriter(output, problems);
        text.begin(categories);
        for (Item item : imageless) {
            text.write(item);
        }
        text.finish();
    }
}

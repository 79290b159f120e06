package org.labelbridge.format.lfw;

import java.util.ArrayList;
import java.util.List;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.model.Item;

/** Names of the LFW layout, and where its subsets are. */
final class LfwFiles {

    static final String ANNOTATIONS_DIR = "annotations";
    static final String IMAGES_DIR = "images";
    static final String PAIRS_FILE = "pairs.txt";
    static final String PEOPLE_FILE = "people.txt";
    static final String LANDMARKS_FILE = "landmarks.txt";
    static final String DEFAULT_IMAGE_EXT = ".jpg";
    static final String POSITIVE_PAIRS = "positive_pairs";
    static final String NEGATIVE_PAIRS = "negative_pairs";
    /** Person field of a mismatched pair whose second image has no person. */
    static final String NO_PERSON = "-";

    /**
     * One subset's folders.
     *
     * @param dir {@code ""} for the root layout, else {@code "<subset>/"}
     */
    record Subset(String name, String dir) {
        String annotations(String file) {
            return dir + ANNOTATIONS_DIR + "/" + file;
        }

        String images() {
            return dir + IMAGES_DIR;
        }
    }

    private LfwFiles() {
    }

    /** Every {@code <subset>/annotations/pairs.txt}, and a root {@code annotations/pairs.txt} as subset default. */
    static List<Subset> subsets(DatasetSource source) {
        List<Subset> subsets = new ArrayList<>();
        if (source.exists(ANNOTATIONS_DIR + "/" + PAIRS_FILE)) {
            subsets.add(new Subset(Item.DEFAULT_SUBSET, ""));
        }
        for (String folder : source.foldersIn("")) {
            if (source.exists(folder + "/" + ANNOTATIONS_DIR + "/" + PAIRS_FILE)) {
                subsets.add(new Subset(folder, folder + "/"));
            }
        }
        return subsets;
    }

}

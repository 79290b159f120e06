package org.labelbridge.format.labelme;

import org.labelbridge.format.common.ImageFiles;
import org.labelbridge.model.Item;

/** Names of a LabelMe dataset's files and elements. */
final class LabelMeLayout {

    static final String XML = ".xml";
    static final String MASKS = "Masks/";
    static final String SCRIBBLES = "Scribbles/";
    static final String MASK_SUFFIX = "_mask_";
    static final String PNG = ".png";
    static final String DEFAULT_IMAGE_EXT = ".jpg";
    static final String BOUNDING_BOX = "bounding_box";
    static final String OCCLUDED = "occluded";
    static final String USERNAME = "username";

    private LabelMeLayout() {
    }

    /** The folder holding a subset's files: an XML's first folder, or {@code ""} for one at the root. */
    static String subsetDir(String xmlPath) {
        int slash = xmlPath.indexOf('/');
        return slash < 0 ? "" : xmlPath.substring(0, slash + 1);
    }

    /** The subset of an XML: its first folder, or the default subset at the root. */
    static String subset(String xmlPath) {
        String dir = subsetDir(xmlPath);
        return dir.isEmpty() ? Item.DEFAULT_SUBSET : dir.substring(0, dir.length() - 1);
    }

    /** The folder an XML is in, with its {@code /}, or {@code ""}. */
    static String folderOf(String path) {
        return path.substring(0, path.lastIndexOf('/') + 1);
    }

    /**
     * The item id: {@code <folder>/<filename>} without the extension (Datumaro's rule); the XML's
     * path inside its subset when the file names no image.
     */
    static String itemId(String xmlPath, String folder, String filename) {
        if (filename.isEmpty()) {
            return ImageFiles.stripExtension(xmlPath.substring(subsetDir(xmlPath).length()));
        }
        String joined = folder.isEmpty() || filename.startsWith("/") ? filename
                : folder.endsWith("/") ? folder + filename : folder + "/" + filename;
        while (joined.startsWith("/")) {
            joined = joined.substring(1);
        }
        return ImageFiles.stripExtension(joined);
    }

    /** Where the image the XML names is: beside the XML, under the file name's last part. */
    static String imagePath(String xmlPath, String filename) {
        return filename.isEmpty() ? null : folderOf(xmlPath) + filename.substring(filename.lastIndexOf('/') + 1);
    }
}

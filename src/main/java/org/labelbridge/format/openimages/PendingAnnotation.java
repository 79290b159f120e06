package org.labelbridge.format.openimages;

/**
 * An annotation row kept until its item is read: coordinates stay normalised, because the
 * image size is learned only then (from images.meta or the image's header).
 */
sealed interface PendingAnnotation {

    int label();

    /** An image-level label with its confidence. */
    record Tag(int label, double score) implements PendingAnnotation {
    }

    /**
     * A box, corners as fractions of the image; {@code flags} per {@link OpenImagesLayout#BOX_FLAGS}:
     * -1 absent, 0 false, 1 true.
     */
    record Box(int label, double xMin, double xMax, double yMin, double yMax, double score, byte[] flags)
            implements PendingAnnotation {

        boolean sameCorners(double[] corners) {
            double tolerance = 1e-6; // the original masks file rounds box corners to 6 digits
            return Math.abs(xMin - corners[0]) <= tolerance && Math.abs(xMax - corners[1]) <= tolerance
                    && Math.abs(yMin - corners[2]) <= tolerance && Math.abs(yMax - corners[3]) <= tolerance;
        }
    }

    /**
     * A mask: its PNG in {@code masks/<subset>/}, its box's corners ({@code XMin, XMax, YMin,
     * YMax} as fractions, or null) and predicted IoU (or null); {@code where} names the row.
     */
    record Mask(int label, String file, String boxId, double[] boxCorners, Double predictedIou, String where)
            implements PendingAnnotation {
    }
}

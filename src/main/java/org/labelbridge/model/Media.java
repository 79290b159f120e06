package org.labelbridge.model;

/**
 * The image an item describes.
 *
 * @param path   where the image is in the source dataset, relative to its root and
 *               {@code /}-separated; {@code null} when the source has no image for the item
 * @param width  pixels, or {@code null} when unknown
 * @param height pixels, or {@code null} when unknown
 */
public record Media(String path, Integer width, Integer height) {

    public Media {
        if ((width == null) != (height == null)) {
            throw new IllegalArgumentException("image size needs both width and height: " + width + "x" + height);
        }
        if (width != null && (width <= 0 || height <= 0)) {
            throw new IllegalArgumentException("image size must be positive: " + width + "x" + height);
        }
    }

    public static final Media NONE = new Media(null, null, null);

    public boolean hasSize() {
        return width != null;
    }

    public boolean hasPath() {
        return path != null;
    }

    public Media withSize(int newWidth, int newHeight) {
        return new Media(path, newWidth, newHeight);
    }

    public Media withPath(String newPath) {
        return new Media(newPath, width, height);
    }

    /** The file extension of the path including the dot ({@code ".jpg"}), or {@code ""}. */
    public String extension() {
        if (path == null) {
            return "";
        }
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        return dot > slash ? path.substring(dot) : "";
    }
}

package org.labelbridge.model;

import java.util.List;

/**
 * What an item describes: an image, or a point cloud (3D) with the camera images taken with it.
 *
 * @param path          where the image or point cloud file is in the source dataset, relative to
 *                      its root and {@code /}-separated; {@code null} when the source has none for
 *                      the item
 * @param width         pixels, or {@code null} when unknown (always for a point cloud)
 * @param height        pixels, or {@code null} when unknown (always for a point cloud)
 * @param kind          whether the file is an image or a point cloud ({@code .pcd}, KITTI {@code .bin})
 * @param relatedImages a point cloud's related images (camera views of the same frame), each an
 *                      image; empty for an image
 */
public record Media(String path, Integer width, Integer height, Kind kind, List<Media> relatedImages) {

    /** What the media file is; a point cloud is copied raw like an image, never parsed. */
    public enum Kind { IMAGE, POINT_CLOUD }

    public Media {
        if ((width == null) != (height == null)) {
            throw new IllegalArgumentException("image size needs both width and height: " + width + "x" + height);
        }
        if (width != null && (width <= 0 || height <= 0)) {
            throw new IllegalArgumentException("image size must be positive: " + width + "x" + height);
        }
        kind = kind == null ? Kind.IMAGE : kind;
        relatedImages = relatedImages == null ? List.of() : List.copyOf(relatedImages);
        if (kind == Kind.IMAGE && !relatedImages.isEmpty()) {
            throw new IllegalArgumentException("only a point cloud has related images: " + path);
        }
        if (relatedImages.stream().anyMatch(Media::isPointCloud)) {
            throw new IllegalArgumentException("a related image is an image, not a point cloud: " + path);
        }
    }

    /** An image. */
    public Media(String path, Integer width, Integer height) {
        this(path, width, height, Kind.IMAGE, List.of());
    }

    public static final Media NONE = new Media(null, null, null);

    /** A point cloud file and the images taken with it. */
    public static Media pointCloud(String path, List<Media> relatedImages) {
        return new Media(path, null, null, Kind.POINT_CLOUD, relatedImages);
    }

    public boolean isPointCloud() {
        return kind == Kind.POINT_CLOUD;
    }

    public boolean hasSize() {
        return width != null;
    }

    public boolean hasPath() {
        return path != null;
    }

    public Media withSize(int newWidth, int newHeight) {
        return new Media(path, newWidth, newHeight, kind, relatedImages);
    }

    public Media withPath(String newPath) {
        return new Media(newPath, width, height, kind, relatedImages);
    }

    /** An image as {@code Media[path=..., width=..., height=...]}; a point cloud adds its kind and related images. */
    @Override
    public String toString() {
        String image = "Media[path=" + path + ", width=" + width + ", height=" + height;
        return kind == Kind.IMAGE ? image + "]" : image + ", kind=" + kind + ", relatedImages=" + relatedImages + "]";
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

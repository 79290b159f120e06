package org.labelbridge.format.common;

import java.util.Locale;
import java.util.Set;

/** File-name rules for formats that find images by listing folders. */
public final class ImageFiles {

    /** Extensions (lower case, with the dot) taken for images, as Datumaro's image finder takes them. */
    public static final Set<String> EXTENSIONS = Set.of(".jpg", ".jpeg", ".jpe", ".jp2", ".png", ".bmp", ".dib",
            ".tif", ".tiff", ".tga", ".webp", ".gif", ".pbm", ".pgm", ".ppm", ".pnm");

    private ImageFiles() {
    }

    public static boolean isImage(String path) {
        return EXTENSIONS.contains(extension(path).toLowerCase(Locale.ROOT));
    }

    /** {@code ".jpg"} of {@code "a/b.jpg"}; {@code ""} when the file name has none (or is a dot file). */
    public static String extension(String path) {
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        return dot > slash + 1 ? path.substring(dot) : "";
    }

    /** The path without the file name's extension. */
    public static String stripExtension(String path) {
        return path.substring(0, path.length() - extension(path).length());
    }
}

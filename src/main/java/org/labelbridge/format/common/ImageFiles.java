package org.labelbridge.format.common;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.labelbridge.format.DatasetSource;

/**
 * Which files are images, by extension: the one list every format uses to find images by
 * listing a folder or by probing for {@code <name>.<ext>}.
 */
public final class ImageFiles {

    /**
     * The extensions (lower case, with the dot) taken for images: Datumaro's
     * {@code IMAGE_EXTENSIONS} ({@code datumaro/util/image.py}), through which CVAT's importers
     * find images. Not {@code .gif}: Datumaro does not take it for an image.
     */
    public static final Set<String> EXTENSIONS = Set.of(".jpg", ".jpeg", ".jpe", ".jp2", ".png", ".bmp", ".dib",
            ".tif", ".tiff", ".tga", ".webp", ".pfm", ".sr", ".ras", ".exr", ".hdr", ".pic", ".pbm", ".pgm", ".ppm",
            ".pxm", ".pnm");

    /**
     * The extensions Ultralytics takes for images ({@code IMG_FORMATS} in
     * {@code ultralytics/data/utils.py}), used instead of {@link #EXTENSIONS} by the Ultralytics
     * layouts: their consumer is the Ultralytics trainer, which lists image folders by this set,
     * so a {@code .pgm} there is not trained on and a {@code .heic} is.
     */
    public static final Set<String> ULTRALYTICS_EXTENSIONS = Set.of(".bmp", ".dng", ".jpeg", ".jpg", ".mpo", ".png",
            ".tif", ".tiff", ".webp", ".pfm", ".heic");

    /** {@link #EXTENSIONS} in the order an image is probed for by name: the common ones first. */
    private static final List<String> PROBE_ORDER = List.of(".jpg", ".jpeg", ".png", ".bmp", ".tif", ".tiff", ".webp",
            ".jpe", ".jp2", ".dib", ".tga", ".pbm", ".pgm", ".ppm", ".pxm", ".pnm", ".pfm", ".sr", ".ras", ".exr",
            ".hdr", ".pic");

    private ImageFiles() {
    }

    /** Whether the file is an image by its extension, in any case. */
    public static boolean isImage(String path) {
        return EXTENSIONS.contains(extension(path).toLowerCase(Locale.ROOT));
    }

    /** Whether Ultralytics takes the file for an image (see {@link #ULTRALYTICS_EXTENSIONS}). */
    public static boolean isUltralyticsImage(String path) {
        return ULTRALYTICS_EXTENSIONS.contains(extension(path).toLowerCase(Locale.ROOT));
    }

    /**
     * The image {@code <stem>.<ext>} that is in the source, each extension tried in lower then
     * upper case ({@code .jpg} before {@code .png}); {@code null} when there is none.
     */
    public static String find(DatasetSource source, String stem) {
        for (String extension : PROBE_ORDER) {
            if (source.exists(stem + extension)) {
                return stem + extension;
            }
        }
        for (String extension : PROBE_ORDER) {
            String upper = stem + extension.toUpperCase(Locale.ROOT);
            if (source.exists(upper)) {
                return upper;
            }
        }
        return null;
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

package org.labelbridge.format.cvat;

import java.util.Locale;
import java.util.Set;
import org.labelbridge.model.AnnotationKind;

/** Names CVAT's XML and archive layout use. */
final class CvatLayout {

    static final String VERSION = "1.1";
    static final String ANNOTATIONS_FILE = "annotations.xml";
    static final String IMAGES_DIR = "images";
    /** File stem of a video frame: CVAT names frames {@code frame_000010.png}. */
    static final String FRAME_NAME = "frame_%06d";

    static final String ROOT = "annotations";
    static final String IMAGE = "image";
    static final String TRACK = "track";
    static final String TAG = "tag";
    static final String ATTRIBUTE = "attribute";
    static final String SKELETON = "skeleton";
    static final String POINTS = "points";

    /** Shape elements, as they appear inside {@code <image>} and {@code <track>}. */
    static final Set<String> SHAPES =
            Set.of("box", "polygon", "polyline", "points", "ellipse", "cuboid", "mask", SKELETON);

    /** Annotation attributes that are XML attributes of a shape, not {@code <attribute>} children. */
    static final Set<String> BUILT_IN_ATTRIBUTES = Set.of("occluded", "source", "outside", "keyframe", "track_id");

    static final String OCCLUDED = "occluded";
    static final String SOURCE = "source";

    private CvatLayout() {
    }

    /** The model's kind for a shape element or {@code <tag>}. */
    static AnnotationKind kindOf(String element) {
        switch (element) {
            case "box":
                return AnnotationKind.BBOX;
            case "polygon":
                return AnnotationKind.POLYGON;
            case "polyline":
                return AnnotationKind.POLYLINE;
            case "points":
                return AnnotationKind.POINTS;
            case "ellipse":
                return AnnotationKind.ELLIPSE;
            case "cuboid":
                return AnnotationKind.CUBOID_2D;
            case "mask":
                return AnnotationKind.MASK;
            case SKELETON:
                return AnnotationKind.SKELETON;
            case TAG:
                return AnnotationKind.TAG;
            default:
                throw new IllegalArgumentException("not a CVAT annotation element: " + element);
        }
    }

    /** The item id of a frame without an {@code <image>}: {@code frame_000010}. */
    static String frameName(long frame) {
        return String.format(Locale.ROOT, FRAME_NAME, frame);
    }

    /** {@code name} without its extension; folders stay ({@code a/b.jpg} gives {@code a/b}). */
    static String stripExtension(String name) {
        int slash = name.lastIndexOf('/');
        int dot = name.lastIndexOf('.');
        return dot > slash + 1 ? name.substring(0, dot) : name;
    }

    /** The folder part of a path, with a trailing slash, or {@code ""}. */
    static String folderOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash + 1);
    }
}

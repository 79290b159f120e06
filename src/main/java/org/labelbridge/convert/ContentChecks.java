package org.labelbridge.convert;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import java.util.Optional;
import java.util.Set;
import org.labelbridge.format.ContentProblem;
import org.labelbridge.format.ContentProblem.Type;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.FormatException;
import org.labelbridge.format.common.ImageFiles;
import org.labelbridge.format.common.ImageHeaders;
import org.labelbridge.format.common.pixels.MaskImages;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.Bbox;
import org.labelbridge.model.Caption;
import org.labelbridge.model.Cuboid2d;
import org.labelbridge.model.Cuboid3d;
import org.labelbridge.model.Ellipse;
import org.labelbridge.model.Item;
import org.labelbridge.model.Mask;
import org.labelbridge.model.Media;
import org.labelbridge.model.Points;
import org.labelbridge.model.Polygon;
import org.labelbridge.model.Polyline;
import org.labelbridge.model.Skeleton;
import org.labelbridge.model.Tag;

/**
 * Checks every item as it leaves the reader, whatever the format: coordinates that are not
 * finite or sizes that are negative, label indices outside the categories, item ids seen
 * before in the subset, images the item names but the input lacks (when images are kept and
 * the input holds any, under option {@code missing_images}), and sizes or masks that disagree
 * with the image. The report's policy ({@link ConversionReport#invalid}) decides: under
 * {@link ProblemPolicy#FAIL} the first problem stops the conversion naming where it is; under
 * {@link ProblemPolicy#SKIP} the annotation (or, for an item's own problem, the item) is left
 * out and listed in the report. Nothing is ever repaired.
 */
final class ContentChecks {

    private final int labelCount;
    private final DatasetSource source;
    private final MissingImagePolicy missingImages;
    private final boolean imagesKept;
    private final String inputName;
    private final ConversionReport report;
    private final Set<String> seenIds = new HashSet<>();
    private Boolean sourceHasImages;
    private boolean annotationsOnlySaid;

    /** A problem found, before it is placed in an item. */
    private record Found(Type type, String detail) {
    }

    ContentChecks(int labelCount, DatasetSource source, ConversionOptions options, String inputName,
                  ConversionReport report) {
        this.labelCount = labelCount;
        this.source = source;
        this.missingImages = options.missingImages();
        this.imagesKept = options.keepImages();
        this.inputName = inputName;
        this.report = report;
    }

    /** The item as it may go on, or {@code null} when it is skipped. */
    Item apply(Item item) throws IOException {
        Found itemProblem = itemProblem(item);
        if (itemProblem != null) {
            report.invalid(new ContentProblem(itemProblem.type(), item.id(), item.subset(), null, "item",
                    itemProblem.detail()));
            return null;
        }
        if (imageMissing(item) && !keepWithoutImage(item)) {
            return null;
        }
        List<Annotation> annotations = item.annotations();
        List<Annotation> kept = null;
        for (int i = 0; i < annotations.size(); i++) {
            Annotation a = annotations.get(i);
            Found found = annotationProblem(a, item.media());
            if (found == null) {
                if (kept != null) {
                    kept.add(a);
                }
                continue;
            }
            report.invalid(new ContentProblem(found.type(), item.id(), item.subset(), i, a.kind().id(), found.detail()));
            if (kept == null) {
                kept = new ArrayList<>(annotations.subList(0, i));
            }
        }
        return kept == null ? item : item.withAnnotations(kept);
    }

    // --- items ---------------------------------------------------------------------------------

    private Found itemProblem(Item item) throws IOException {
        if (!seenIds.add(item.subset() + '\u0000' + item.id())) {
            return new Found(Type.DUPLICATE_ITEM_ID, "a second item with id '" + item.id() + "' in subset '"
                    + item.subset() + "'");
        }
        Media media = item.media();
        if (!media.hasPath() || !media.hasSize() || !source.exists(media.path())) {
            return null;
        }
        Optional<ImageHeaders.Size> header = ImageHeaders.read(source, media.path());
        if (header.isEmpty()) {
            return null;
        }
        int w = header.get().width();
        int h = header.get().height();
        boolean agrees = w == media.width() && h == media.height()
                || w == media.height() && h == media.width(); // EXIF orientation: tools differ on which they record
        return agrees ? null : new Found(Type.IMAGE_SIZE_MISMATCH, "size " + media.width() + "x" + media.height()
                + " but image '" + media.path() + "' is " + w + "x" + h);
    }

    /**
     * Whether the item names an image the input lacks. An input without any image is an
     * annotations-only export, not a broken one: it is said once, not per item.
     */
    private boolean imageMissing(Item item) {
        Media media = item.media();
        if (!imagesKept || !media.hasPath() || source.exists(media.path())) {
            return false;
        }
        if (!sourceHasImages()) {
            if (!annotationsOnlySaid) {
                annotationsOnlySaid = true;
                report.dataset("the input holds no images: the output has annotations only");
            }
            return false;
        }
        return true;
    }

    /** Applies option missing_images: whether the item goes on without its image. */
    private boolean keepWithoutImage(Item item) throws FormatException {
        String where = "item '" + item.id() + "' (subset '" + item.subset() + "'): image '" + item.media().path()
                + "' is not in the input";
        switch (missingImages) {
            case FAIL -> throw new FormatException(inputName + ": " + where + " (missing_image); with option"
                    + " missing_images=keep the item is written without it, with skip it is left out");
            case SKIP -> {
                report.droppedItem(item.id(), "image not in the input (missing_image; missing_images=skip)");
                return false;
            }
            default -> {
                report.item(item.id(), "image not in the input: written without it (missing_image;"
                        + " missing_images=keep)");
                return true;
            }
        }
    }

    private boolean sourceHasImages() {
        if (sourceHasImages == null) {
            sourceHasImages = source.files().stream().anyMatch(ImageFiles::isImage);
        }
        return sourceHasImages;
    }

    // --- annotations ---------------------------------------------------------------------------

    private Found annotationProblem(Annotation a, Media media) {
        Found label = labelProblem(a.label());
        if (label != null) {
            return label;
        }
        if (a instanceof Bbox b) {
            return firstOf(finite("x, y, w, h, rotation", b.x(), b.y(), b.w(), b.h(), b.rotation()),
                    notNegative("width", b.w()), notNegative("height", b.h()));
        }
        // x(i) and y(i), not points(): that is a copy, and this runs for every annotation.
        if (a instanceof Polygon p) {
            return finitePoints(p.size(), p::x, p::y);
        }
        if (a instanceof Polyline p) {
            return finitePoints(p.size(), p::x, p::y);
        }
        if (a instanceof Points p) {
            return finitePoints(p.size(), p::x, p::y);
        }
        if (a instanceof Cuboid2d c) {
            return finite("points", c.points());
        }
        if (a instanceof Ellipse e) {
            return firstOf(finite("cx, cy, rx, ry, rotation", e.cx(), e.cy(), e.rx(), e.ry(), e.rotation()),
                    notNegative("x radius", e.rx()), notNegative("y radius", e.ry()));
        }
        if (a instanceof Cuboid3d c) {
            // A negative scale is kept: CVAT's own Kitti Raw sample has them, and its importers read them as given.
            return firstOf(finite("position", c.position()), finite("rotation", c.rotation()),
                    finite("scale", c.scale()));
        }
        if (a instanceof Skeleton s) {
            for (int n = 0; n < s.nodes().size(); n++) {
                Points node = s.nodes().get(n);
                Found found = firstOf(labelProblem(node.label()), finite("points", node.points()));
                if (found != null) {
                    return new Found(found.type(), "node " + n + ": " + found.detail());
                }
            }
            return null;
        }
        if (a instanceof Mask m) {
            boolean agrees = !media.hasSize()
                    || m.rle().width() == media.width() && m.rle().height() == media.height();
            if (!agrees) {
                return new Found(Type.MASK_SIZE_MISMATCH, "mask is " + m.rle().width() + "x" + m.rle().height()
                        + ", the image " + media.width() + "x" + media.height());
            }
            // Writers decode masks to pixels: a few bytes of RLE must not make them allocate gigabytes.
            return (long) m.rle().width() * m.rle().height() <= MaskImages.MAX_PIXELS ? null
                    : new Found(Type.MASK_TOO_LARGE, "mask is " + m.rle().width() + "x" + m.rle().height() + ", more than"
                    + " the " + MaskImages.MAX_PIXELS + " pixels a mask may have");
        }
        if (a instanceof Tag || a instanceof Caption) {
            return null;
        }
        throw new IllegalStateException("no content check for " + a.kind());
    }

    private Found labelProblem(Integer label) {
        if (label == null || label >= 0 && label < labelCount) {
            return null;
        }
        return new Found(Type.UNKNOWN_LABEL, "label index " + label + ", but the categories have " + labelCount
                + " label" + (labelCount == 1 ? "" : "s"));
    }

    private static Found finite(String what, double... values) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                return new Found(Type.NON_FINITE_COORDINATES, what + ": value " + i + " is " + values[i]);
            }
        }
        return null;
    }

    /** Like {@code finite("points", points)}, reading the points in place. */
    private static Found finitePoints(int size, IntToDoubleFunction x, IntToDoubleFunction y) {
        for (int i = 0; i < size; i++) {
            for (int k = 0; k < 2; k++) {
                double value = k == 0 ? x.applyAsDouble(i) : y.applyAsDouble(i);
                if (!Double.isFinite(value)) {
                    return new Found(Type.NON_FINITE_COORDINATES, "points: value " + (2 * i + k) + " is " + value);
                }
            }
        }
        return null;
    }

    private static Found finite(String what, List<Double> values) {
        return finite(what, values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static Found notNegative(String what, double value) {
        return value < 0 ? new Found(Type.INVERTED_COORDINATES, what + " " + value + " is negative") : null;
    }

    private static Found firstOf(Found... found) {
        for (Found f : found) {
            if (f != null) {
                return f;
            }
        }
        return null;
    }
}

package org.labelbridge.format.coco;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.labelbridge.format.Problems;
import org.labelbridge.format.common.pixels.Coverage;
import org.labelbridge.format.common.pixels.MaskContours;
import org.labelbridge.format.common.pixels.MaskRegion;
import org.labelbridge.format.common.pixels.Rasterizer;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.AnnotationKind;
import org.labelbridge.model.Item;
import org.labelbridge.model.Mask;
import org.labelbridge.model.Media;
import org.labelbridge.model.Polygon;
import org.labelbridge.model.Rle;

/**
 * COCO ties the segmentation's form to {@code iscrowd}: a crowd is an RLE mask, anything else
 * polygons. A crowd object's polygons (one group and label) are rasterised into one mask by
 * the pixel rule; a non-crowd mask is traced into polygons along pixel edges, holes filled
 * (the model's polygon has none). Each conversion is reported.
 */
final class CrowdConversion {

    private CrowdConversion() {
    }

    /**
     * The object in the form its {@code iscrowd} demands, or as given where that cannot be made;
     * {@code null} when nothing of it can be written. Each change is reported as what is written
     * (what the reader, like pycocotools, reads back: an RLE is one mask, a polygon list its polygons).
     */
    static CocoObject apply(CocoObject object, boolean crowd, Item item, Problems problems) {
        if (object.polygons().isEmpty() && object.masks().isEmpty()) {
            return object; // a box
        }
        List<Mask> masks = fitting(object.masks(), item, problems);
        if (object.polygons().isEmpty() && masks.isEmpty()) {
            return null;
        }
        if (crowd) {
            if (object.polygons().isEmpty() && masks.size() == 1) {
                return new CocoObject(new Mask(object.first().info(), masks.get(0).rle()), List.of());
            }
            return rasterised(object, masks, item, problems);
        }
        if (masks.isEmpty()) {
            return new CocoObject(asPolygon(object.first(), object.polygons()), object.polygons(), List.of());
        }
        return traced(object, masks, item, problems);
    }

    /** The masks that cover the image (when its size is known); the others are dropped, reported. */
    private static List<Mask> fitting(List<Mask> masks, Item item, Problems problems) {
        Media media = item.media();
        if (!media.hasSize()) {
            return masks;
        }
        List<Mask> fitting = new ArrayList<>(masks.size());
        for (Mask mask : masks) {
            if (mask.rle().width() == media.width() && mask.rle().height() == media.height()) {
                fitting.add(mask);
            } else {
                problems.dropped(item.id(), AnnotationKind.MASK, "the mask is " + mask.rle().width() + "x"
                        + mask.rle().height() + ", its image " + media.width() + "x" + media.height()
                        + ": COCO masks cover their image");
            }
        }
        return fitting;
    }

    /** A crowd: its polygons and masks (one group and label) as one mask, by the pixel rule. */
    private static CocoObject rasterised(CocoObject object, List<Mask> masks, Item item, Problems problems) {
        Media media = item.media();
        int height;
        int width;
        if (media.hasSize()) {
            height = media.height();
            width = media.width();
        } else if (!masks.isEmpty()) {
            height = masks.get(0).rle().height();
            width = masks.get(0).rle().width();
        } else {
            problems.changed(item.id(), AnnotationKind.POLYGON, "crowd polygon kept as a polygon with iscrowd 1:"
                    + " the image size is unknown, so it cannot be rasterised to RLE");
            return object;
        }
        byte[] bitmap = new byte[Math.multiplyExact(height, width)];
        Coverage.SpanSink paint = (y, x0, x1) -> Arrays.fill(bitmap, y * width + x0, y * width + x1, (byte) 1);
        // several shapes of one crowd object are unioned into its one mask (pycocotools' merge)
        for (Polygon polygon : object.polygons()) {
            Rasterizer.polygon(polygon.points()).cover(height, width, paint);
        }
        int painted = 0;
        for (Mask mask : masks) {
            if (mask.rle().height() != height || mask.rle().width() != width) {
                problems.dropped(item.id(), AnnotationKind.MASK, "the mask is " + mask.rle().width() + "x"
                        + mask.rle().height() + ", its image " + width + "x" + height + ": COCO masks cover their image");
                continue;
            }
            Rasterizer.mask(mask.rle()).cover(height, width, paint);
            painted++;
        }
        int polygons = object.polygons().size();
        int group = object.first().info().group();
        if (polygons > 0) {
            // the polygons are the mask when there is none, else painted into it
            problems.converted(item.id(), AnnotationKind.POLYGON, polygons, AnnotationKind.MASK, painted == 0 ? 1 : 0,
                    "crowd polygon rasterised to RLE" + (polygons + painted > 1 ? " (" + polygons
                    + " polygon(s) and " + painted + " mask(s) of group " + group + " as one mask)" : ""));
        }
        if (painted > 1) {
            problems.converted(item.id(), AnnotationKind.MASK, painted, AnnotationKind.MASK, 1, painted
                    + " crowd masks of group " + group + " merged into one RLE");
        }
        if (polygons == 0 && painted == 0) {
            return null;
        }
        return new CocoObject(new Mask(object.first().info(), Rle.fromBitmap(bitmap, height, width)), List.of());
    }

    /**
     * Not a crowd: its masks traced into polygons (outer rings; holes filled and reported), joined
     * to its polygons. A mask of no pixels has no polygon: alone it stays an (empty) RLE.
     */
    private static CocoObject traced(CocoObject object, List<Mask> masks, Item item, Problems problems) {
        List<Polygon> polygons = new ArrayList<>(object.polygons());
        List<Mask> empty = new ArrayList<>();
        for (Mask mask : masks) {
            List<MaskRegion> regions = MaskContours.regions(mask.rle());
            if (regions.isEmpty()) {
                empty.add(mask);
                continue;
            }
            int holes = 0;
            for (MaskRegion region : regions) {
                polygons.add(new Polygon(mask.info(), region.outer()));
                holes += region.holes().size();
            }
            problems.converted(item.id(), AnnotationKind.MASK, 1, AnnotationKind.POLYGON, regions.size(),
                    "mask traced to polygons (iscrowd 0)"
                    + (holes > 0 ? "; " + holes + " hole(s) filled: COCO polygons have no holes" : ""));
        }
        if (polygons.isEmpty()) {
            for (Mask mask : empty.subList(1, empty.size())) {
                problems.dropped(item.id(), mask.kind(), "an empty mask of a group has no polygon");
            }
            return new CocoObject(empty.get(0), List.of(), List.of(empty.get(0)));
        }
        for (Mask mask : empty) {
            problems.dropped(item.id(), mask.kind(), "an empty mask of a group has no polygon");
        }
        return new CocoObject(asPolygon(object.first(), polygons), polygons, List.of());
    }

    /** The object's first annotation as the polygon that carries its data (id, attributes). */
    private static Polygon asPolygon(Annotation first, List<Polygon> polygons) {
        return first instanceof Polygon p ? p : new Polygon(first.info(), polygons.get(0).points());
    }
}

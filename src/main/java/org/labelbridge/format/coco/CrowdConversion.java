package org.labelbridge.format.coco;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.labelbridge.format.Problems;
import org.labelbridge.format.common.pixels.Coverage;
import org.labelbridge.format.common.pixels.MaskContours;
import org.labelbridge.format.common.pixels.MaskRegion;
import org.labelbridge.format.common.pixels.Rasterizer;
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

    /** The object in the form its {@code iscrowd} demands, or as given where that cannot be made. */
    static CocoObject apply(CocoObject object, boolean crowd, Item item, Problems problems) {
        if (object.polygons().isEmpty() && object.masks().isEmpty()) {
            return object; // a box
        }
        if (crowd) {
            if (object.polygons().isEmpty() && object.masks().size() == 1) {
                return object;
            }
            return rasterised(object, item, problems);
        }
        if (object.masks().isEmpty()) {
            return object;
        }
        return traced(object, item, problems);
    }

    /** A crowd: its polygons and masks (one group and label) as one mask, by the pixel rule. */
    private static CocoObject rasterised(CocoObject object, Item item, Problems problems) {
        Media media = item.media();
        int height;
        int width;
        if (media.hasSize()) {
            height = media.height();
            width = media.width();
        } else if (!object.masks().isEmpty()) {
            height = object.masks().get(0).rle().height();
            width = object.masks().get(0).rle().width();
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
        int masks = 0;
        for (Mask mask : object.masks()) {
            if (mask.rle().height() != height || mask.rle().width() != width) {
                problems.dropped(item.id(), AnnotationKind.MASK, "the mask is " + mask.rle().width() + "x"
                        + mask.rle().height() + ", its image " + width + "x" + height + ": COCO masks cover their image");
                continue;
            }
            Rasterizer.mask(mask.rle()).cover(height, width, paint);
            masks++;
        }
        int polygons = object.polygons().size();
        if (polygons > 0) {
            problems.changed(item.id(), AnnotationKind.POLYGON, "crowd polygon rasterised to RLE"
                    + (polygons + masks > 1 ? " (" + polygons + " polygon(s) and " + masks + " mask(s) of group "
                    + object.first().info().group() + " as one mask)" : ""));
        } else if (masks > 1) {
            problems.changed(item.id(), AnnotationKind.MASK, masks + " crowd masks of group "
                    + object.first().info().group() + " merged into one RLE");
        }
        return new CocoObject(new Mask(object.first().info(), Rle.fromBitmap(bitmap, height, width)), List.of());
    }

    /** Not a crowd: its masks traced into polygons (outer rings; holes filled and reported), joined to its polygons. */
    private static CocoObject traced(CocoObject object, Item item, Problems problems) {
        List<Polygon> polygons = new ArrayList<>(object.polygons());
        for (Mask mask : object.masks()) {
            List<MaskRegion> regions = MaskContours.regions(mask.rle());
            if (regions.isEmpty()) {
                if (object.masks().size() > 1 || !object.polygons().isEmpty()) {
                    problems.dropped(item.id(), AnnotationKind.MASK, "an empty mask of a group has no polygon");
                }
                continue;
            }
            int holes = 0;
            for (MaskRegion region : regions) {
                polygons.add(new Polygon(mask.info(), region.outer()));
                holes += region.holes().size();
            }
            problems.changed(item.id(), AnnotationKind.MASK, "mask traced to polygons (iscrowd 0)"
                    + (holes > 0 ? "; " + holes + " hole(s) filled: COCO polygons have no holes" : ""));
        }
        if (polygons.isEmpty()) {
            return new CocoObject(object.first(), List.of(), object.masks());
        }
        Polygon first = object.first() instanceof Polygon p ? p : new Polygon(object.first().info(), polygons.get(0).points());
        return new CocoObject(first, polygons, List.of());
    }
}

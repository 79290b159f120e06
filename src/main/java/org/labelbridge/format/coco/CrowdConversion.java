package org.labelbridge.format.coco;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.labelbridge.format.Problems;
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
        if (crowd && object.first() instanceof Polygon first) {
            return rasterised(object, first, item, problems);
        }
        if (!crowd && object.first() instanceof Mask mask) {
            return traced(mask, item, problems);
        }
        return object;
    }

    private static CocoObject rasterised(CocoObject object, Polygon first, Item item, Problems problems) {
        Media media = item.media();
        if (!media.hasSize()) {
            problems.changed(item.id(), AnnotationKind.POLYGON, "crowd polygon kept as a polygon with iscrowd 1:"
                    + " the image size is unknown, so it cannot be rasterised to RLE");
            return object;
        }
        int height = media.height();
        int width = media.width();
        byte[] bitmap = new byte[Math.multiplyExact(height, width)];
        // several polygons of one crowd object are unioned into its one mask (pycocotools' merge)
        for (Polygon polygon : object.polygons()) {
            Rasterizer.polygon(polygon.points()).cover(height, width,
                    (y, x0, x1) -> Arrays.fill(bitmap, y * width + x0, y * width + x1, (byte) 1));
        }
        problems.changed(item.id(), AnnotationKind.POLYGON, "crowd polygon rasterised to RLE"
                + (object.polygons().size() > 1 ? " (" + object.polygons().size() + " polygons as one mask)" : ""));
        return new CocoObject(new Mask(first.info(), Rle.fromBitmap(bitmap, height, width)), List.of());
    }

    private static CocoObject traced(Mask mask, Item item, Problems problems) {
        List<MaskRegion> regions = MaskContours.regions(mask.rle());
        if (regions.isEmpty()) {
            return new CocoObject(mask, List.of());
        }
        List<Polygon> polygons = new ArrayList<>();
        int holes = 0;
        for (MaskRegion region : regions) {
            polygons.add(new Polygon(mask.info(), region.outer()));
            holes += region.holes().size();
        }
        problems.changed(item.id(), AnnotationKind.MASK, "mask traced to polygons (iscrowd 0)"
                + (holes > 0 ? "; " + holes + " hole(s) filled: COCO polygons have no holes" : ""));
        return new CocoObject(polygons.get(0), polygons);
    }
}

package org.labelbridge.convert;

import java.util.ArrayList;
import java.util.List;
import org.labelbridge.format.common.pixels.MaskContours;
import org.labelbridge.format.common.pixels.MaskRegion;
import org.labelbridge.format.common.pixels.OutlineSimplifier;
import org.labelbridge.format.common.pixels.Rasterizer;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.AnnotationInfo;
import org.labelbridge.model.AnnotationKind;
import org.labelbridge.model.Bbox;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;
import org.labelbridge.model.Mask;
import org.labelbridge.model.Media;
import org.labelbridge.model.Polygon;
import org.labelbridge.model.Rle;

/**
 * The options {@code boxes_to_polygons}, {@code masks_to_polygons} and {@code polygons_to_masks}:
 * every annotation of the kind becomes the other kind, whatever the target holds (unlike
 * {@code shapes_to_boxes}, which only keeps what the target could not). Each conversion runs
 * on the source's annotations once; none feeds another. Pixels follow
 * {@link org.labelbridge.format.common.pixels}: a mask's polygons run along pixel edges and
 * rasterise back to exactly its pixels.
 */
final class ShapeConversion implements DatasetTransform {

    private final boolean boxesToPolygons;
    private final boolean masksToPolygons;
    private final boolean polygonsToMasks;
    private final double polygonTolerance;
    private final ConversionReport report;

    ShapeConversion(ConversionOptions options, ConversionReport report) {
        this.boxesToPolygons = options.boxesToPolygons();
        this.masksToPolygons = options.masksToPolygons();
        this.polygonsToMasks = options.polygonsToMasks();
        this.polygonTolerance = options.polygonTolerance();
        this.report = report;
    }

    static boolean wanted(ConversionOptions options) {
        return options.boxesToPolygons() || options.masksToPolygons() || options.polygonsToMasks();
    }

    @Override
    public Categories begin(Categories categories) {
        return categories;
    }

    @Override
    public Item apply(Item item) {
        List<Annotation> out = new ArrayList<>(item.annotations().size());
        boolean changed = false;
        int nextGroup = -1;
        for (Annotation a : item.annotations()) {
            if (boxesToPolygons && a instanceof Bbox b) {
                out.add(new Polygon(b.info(), corners(b)));
                report.changed(item.id(), AnnotationKind.BBOX, "box converted to the polygon of its corners"
                        + " (boxes_to_polygons)");
                changed = true;
            } else if (masksToPolygons && a instanceof Mask m) {
                List<MaskRegion> regions = MaskContours.regions(m.rle());
                AnnotationInfo info = m.info();
                if (regions.size() > 1 && info.group() == 0) {
                    // The parts stay one object: a shared group (COCO writes them as one annotation).
                    nextGroup = nextGroup < 0 ? maxGroup(item) + 1 : nextGroup;
                    info = info.withGroup(nextGroup++);
                }
                if (regions.isEmpty()) {
                    report.dropped(item.id(), AnnotationKind.MASK, "empty mask has no polygon"
                            + " (masks_to_polygons)");
                } else {
                    report.changed(item.id(), AnnotationKind.MASK, "mask converted to polygons along its pixel edges"
                            + " (masks_to_polygons)");
                }
                for (MaskRegion region : regions) {
                    if (region.hasHoles()) {
                        report.changed(item.id(), AnnotationKind.MASK, "mask holes filled: a polygon has no holes"
                                + " (masks_to_polygons)");
                    }
                    double[] outer = region.outer();
                    double[] simplified = OutlineSimplifier.simplify(outer, polygonTolerance);
                    if (simplified.length < outer.length) {
                        report.changed(item.id(), AnnotationKind.MASK, "traced outline simplified within "
                                + polygonTolerance + " px: no longer exactly the mask's pixels (polygon_tolerance)");
                    }
                    out.add(new Polygon(info, simplified));
                }
                changed = true;
            } else if (polygonsToMasks && a instanceof Polygon p) {
                Media media = item.media();
                if (!media.hasSize()) {
                    report.item(item.id(), "polygons kept as polygons: the image size is unknown, so no mask can be"
                            + " made (polygons_to_masks)");
                    out.add(a);
                    continue;
                }
                Rle rle = Rasterizer.rle(Rasterizer.polygon(p.points()), media.height(), media.width());
                if (rle.area() == 0) {
                    report.dropped(item.id(), AnnotationKind.POLYGON, "polygon covers no pixel"
                            + " (polygons_to_masks)");
                } else {
                    out.add(new Mask(p.info(), rle));
                    report.changed(item.id(), AnnotationKind.POLYGON, "polygon converted to a mask of the pixels it"
                            + " covers (polygons_to_masks)");
                }
                changed = true;
            } else {
                out.add(a);
            }
        }
        return changed ? item.withAnnotations(out) : item;
    }

    /** The four corners, clockwise on screen, of a box rotated clockwise by its rotation about its centre. */
    static double[] corners(Bbox b) {
        double cx = b.x() + b.w() / 2, cy = b.y() + b.h() / 2;
        double[] offsets = {-b.w() / 2, -b.h() / 2, b.w() / 2, -b.h() / 2, b.w() / 2, b.h() / 2, -b.w() / 2, b.h() / 2};
        if (b.rotation() == 0) {
            return new double[] {b.x(), b.y(), b.x2(), b.y(), b.x2(), b.y2(), b.x(), b.y2()};
        }
        double t = Math.toRadians(b.rotation()), cos = Math.cos(t), sin = Math.sin(t);
        double[] xy = new double[8];
        for (int i = 0; i < 4; i++) {
            double dx = offsets[2 * i], dy = offsets[2 * i + 1];
            xy[2 * i] = cx + dx * cos - dy * sin;
            xy[2 * i + 1] = cy + dx * sin + dy * cos;
        }
        return xy;
    }

    private static int maxGroup(Item item) {
        int max = 0;
        for (Annotation a : item.annotations()) {
            max = Math.max(max, a.info().group());
        }
        return max;
    }
}

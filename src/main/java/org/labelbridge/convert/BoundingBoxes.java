package org.labelbridge.convert;

import org.labelbridge.model.Annotation;
import org.labelbridge.model.AnnotationKind;
import org.labelbridge.model.Bbox;
import org.labelbridge.model.Cuboid2d;
import org.labelbridge.model.Ellipse;
import org.labelbridge.model.Mask;
import org.labelbridge.model.Points;
import org.labelbridge.model.Polygon;
import org.labelbridge.model.Polyline;
import org.labelbridge.model.Skeleton;

/** The axis-aligned bounding box of a shape, for {@code shapes_to_boxes}. */
final class BoundingBoxes {

    private BoundingBoxes() {
    }

    static boolean hasBox(AnnotationKind kind) {
        return switch (kind) {
            case TAG, CAPTION, CUBOID_3D -> false;
            default -> true;
        };
    }

    /** {@code [x, y, w, h]}, or {@code null} when the annotation has no area in the image. */
    static double[] of(Annotation a) {
        if (a instanceof Bbox b) {
            if (b.rotation() == 0) {
                return new double[] {b.x(), b.y(), b.w(), b.h()};
            }
            return ofRotated(b.x() + b.w() / 2, b.y() + b.h() / 2, b.w() / 2, b.h() / 2, b.rotation(), false);
        }
        if (a instanceof Polygon p) {
            return ofPoints(p.points(), null);
        }
        if (a instanceof Polyline p) {
            return ofPoints(p.points(), null);
        }
        if (a instanceof Points p) {
            return ofPoints(p.points(), p.visibility());
        }
        if (a instanceof Cuboid2d c) {
            return ofPoints(c.points(), null);
        }
        if (a instanceof Mask m) {
            return m.rle().area() == 0 ? null : m.rle().bbox();
        }
        if (a instanceof Ellipse e) {
            return ofRotated(e.cx(), e.cy(), e.rx(), e.ry(), e.rotation(), true);
        }
        if (a instanceof Skeleton s) {
            double minX = Double.POSITIVE_INFINITY, minY = minX, maxX = Double.NEGATIVE_INFINITY, maxY = maxX;
            for (Points node : s.nodes()) {
                double[] box = ofPoints(node.points(), node.visibility());
                if (box != null) {
                    minX = Math.min(minX, box[0]);
                    minY = Math.min(minY, box[1]);
                    maxX = Math.max(maxX, box[0] + box[2]);
                    maxY = Math.max(maxY, box[1] + box[3]);
                }
            }
            return minX > maxX ? null : new double[] {minX, minY, maxX - minX, maxY - minY};
        }
        return null;
    }

    private static double[] ofPoints(double[] xy, byte[] visibility) {
        double minX = Double.POSITIVE_INFINITY, minY = minX, maxX = Double.NEGATIVE_INFINITY, maxY = maxX;
        for (int i = 0; i < xy.length / 2; i++) {
            if (visibility != null && visibility[i] == Points.ABSENT) {
                continue;
            }
            minX = Math.min(minX, xy[2 * i]);
            maxX = Math.max(maxX, xy[2 * i]);
            minY = Math.min(minY, xy[2 * i + 1]);
            maxY = Math.max(maxY, xy[2 * i + 1]);
        }
        return minX > maxX ? null : new double[] {minX, minY, maxX - minX, maxY - minY};
    }

    /** Box of a rectangle (or ellipse) with half-sizes rx, ry rotated by degrees around its centre. */
    private static double[] ofRotated(double cx, double cy, double rx, double ry, double degrees, boolean ellipse) {
        double t = Math.toRadians(degrees);
        double cos = Math.abs(Math.cos(t)), sin = Math.abs(Math.sin(t));
        double hw, hh;
        if (ellipse) {
            hw = Math.sqrt(rx * rx * cos * cos + ry * ry * sin * sin);
            hh = Math.sqrt(rx * rx * sin * sin + ry * ry * cos * cos);
        } else {
            hw = rx * cos + ry * sin;
            hh = rx * sin + ry * cos;
        }
        return new double[] {cx - hw, cy - hh, 2 * hw, 2 * hh};
    }
}

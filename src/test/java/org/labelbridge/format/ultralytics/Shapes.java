package org.labelbridge.format.ultralytics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import java.util.stream.IntStream;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.Bbox;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Label;
import org.labelbridge.model.Polygon;

/** Assertions on shapes, with the tolerance fractions written to 6 decimals need. */
final class Shapes {

    static final double DELTA = 1e-4;
    static final List<String> TEN_LABELS = IntStream.range(0, 10).mapToObj(i -> "label_" + i).toList();

    private Shapes() {
    }

    static List<String> names(Categories categories) {
        return categories.labels().stream().map(Label::name).toList();
    }

    static void box(Categories categories, Annotation a, String label, double x, double y, double w, double h,
                    double rotation) {
        Bbox box = assertInstanceOf(Bbox.class, a);
        assertEquals(label, categories.nameOf(box.label()));
        assertArrayEquals(new double[] {x, y, w, h, rotation},
                new double[] {box.x(), box.y(), box.w(), box.h(), box.rotation()}, DELTA, box.toString());
    }

    static void polygon(Categories categories, Annotation a, String label, double... points) {
        Polygon polygon = assertInstanceOf(Polygon.class, a);
        assertEquals(label, categories.nameOf(polygon.label()));
        assertArrayEquals(points, polygon.points(), DELTA, polygon.toString());
    }
}

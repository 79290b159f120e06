package org.labelbridge.format.common.pixels;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.labelbridge.format.Problems;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.Bbox;
import org.labelbridge.model.Ellipse;
import org.labelbridge.model.Item;
import org.labelbridge.model.Mask;
import org.labelbridge.model.Polygon;

/**
 * The shapes of one item that a class-map writer paints, with the reports every such writer
 * owes. Masks, polygons, boxes (rotated too) and ellipses with a label are painted; anything
 * else, an unlabelled shape, a shape on an image of unknown size and a mask of another size
 * are dropped with their reason; every shape that is rasterised is reported as changed; and
 * after painting, each region hidden in part or whole under regions above it is reported.
 */
public final class ShapeCanvas {

    private final Item item;
    private final Problems problems;
    private final List<Annotation> shapes = new ArrayList<>();
    private final List<Coverage> coverages = new ArrayList<>();
    private int height;
    private int width;

    private ShapeCanvas(Item item, Problems problems) {
        this.item = item;
        this.problems = problems;
    }

    /**
     * Collects the shapes to paint.
     *
     * @param candidates  the item's annotations the format paints
     * @param format      the format's name, for reports
     * @param paintedInto what shapes become, for reports ({@code "class masks"})
     */
    public static ShapeCanvas of(Item item, Collection<Annotation> candidates, String format, String paintedInto,
                                 Problems problems) {
        ShapeCanvas canvas = new ShapeCanvas(item, problems);
        List<Annotation> paintable = new ArrayList<>();
        for (Annotation a : candidates) {
            if (!(a instanceof Mask || a instanceof Polygon || a instanceof Bbox || a instanceof Ellipse)) {
                problems.dropped(item.id(), a.kind(), format + " holds masks, and shapes it can paint into them, only");
            } else if (a.label() == null) {
                problems.dropped(item.id(), a.kind(), "a mask pixel needs a label: unlabelled " + a.kind().id() + " not written");
            } else {
                paintable.add(a);
            }
        }
        if (paintable.isEmpty()) {
            return canvas;
        }
        int[] size = size(item, paintable);
        if (size == null) {
            paintable.forEach(a -> problems.dropped(item.id(), a.kind(),
                    "the image size is unknown, so the " + a.kind().id() + " cannot be painted into a mask"));
            return canvas;
        }
        canvas.height = size[0];
        canvas.width = size[1];
        for (Annotation a : paintable) {
            Coverage coverage = canvas.coverage(a, paintedInto);
            if (coverage != null) {
                canvas.shapes.add(a);
                canvas.coverages.add(coverage);
            }
        }
        return canvas;
    }

    /** Height and width: the item's, else the first mask's. */
    private static int[] size(Item item, List<Annotation> shapes) {
        if (item.media().hasSize()) {
            return new int[] {item.media().height(), item.media().width()};
        }
        for (Annotation a : shapes) {
            if (a instanceof Mask m && m.rle().height() > 0 && m.rle().width() > 0) {
                return new int[] {m.rle().height(), m.rle().width()};
            }
        }
        return null;
    }

    private Coverage coverage(Annotation a, String paintedInto) {
        if (a instanceof Mask m) {
            if (m.rle().height() != height || m.rle().width() != width) {
                problems.dropped(item.id(), a.kind(), "mask is " + m.rle().width() + "x" + m.rle().height()
                        + " but the image is " + width + "x" + height);
                return null;
            }
            return Rasterizer.mask(m.rle());
        }
        problems.changed(item.id(), a.kind(), a.kind().id() + " rasterised to " + paintedInto);
        if (a instanceof Polygon p) {
            return Rasterizer.polygon(p.points());
        }
        if (a instanceof Bbox b) {
            return Rasterizer.box(b.x(), b.y(), b.w(), b.h(), b.rotation());
        }
        Ellipse e = (Ellipse) a;
        return Rasterizer.ellipse(e.cx(), e.cy(), e.rx(), e.ry(), e.rotation());
    }

    /** The shapes that will be painted, in the item's order. */
    public List<Annotation> shapes() {
        return List.copyOf(shapes);
    }

    public boolean isEmpty() {
        return shapes.isEmpty();
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    /**
     * Paints the shapes by z-order (higher on top, ties in item order). Shape {@code i} paints
     * class {@code classes[i]} as part of region {@code regions[i]} ({@code > 0}); shapes of
     * one region merge, and do not hide each other. In the result, {@code instances} holds
     * region numbers (0 where nothing is painted).
     */
    public MaskCompositor.Compiled paint(int[] classes, int[] regions) {
        MaskCompositor compositor = new MaskCompositor(height, width);
        Map<Integer, Annotation> firstOfRegion = new HashMap<>();
        for (int i = 0; i < shapes.size(); i++) {
            Annotation a = shapes.get(i);
            compositor.add(coverages.get(i), classes[i], regions[i], a.info().zOrder());
            firstOfRegion.putIfAbsent(regions[i], a);
        }
        MaskCompositor.Compiled compiled = compositor.compile();
        compiled.visiblePixels().forEach((region, visible) -> {
            long hidden = compiled.hiddenPixels().get(region);
            Annotation a = firstOfRegion.get(region);
            if (visible == 0 && hidden == 0) {
                problems.dropped(item.id(), a.kind(), "covers no pixel of the " + width + "x" + height + " image");
            } else if (visible == 0) {
                problems.dropped(item.id(), a.kind(), "hidden entirely under shapes above it (z-order) when masks were merged");
            } else if (hidden > 0) {
                problems.changed(item.id(), a.kind(), "partly hidden under shapes above it (z-order) when masks were merged");
            }
        });
        return compiled;
    }
}

package org.labelbridge.testing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.Bbox;
import org.labelbridge.model.Caption;
import org.labelbridge.model.Mask;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;
import org.labelbridge.model.Label;
import org.labelbridge.model.Points;
import org.labelbridge.model.Polygon;
import org.labelbridge.model.Skeleton;
import org.labelbridge.testing.Datasets.Loaded;

/**
 * A dataset as lines of text, coordinates rounded to 4 decimals, so that a round trip through
 * fractions compares equal and a difference reads plainly in the assertion message.
 */
public final class Canonical {

    private Canonical() {
    }

    public static String of(Loaded d) {
        List<String> lines = new ArrayList<>();
        Categories c = d.categories();
        for (int i = 0; i < c.labels().size(); i++) {
            Label label = c.label(i);
            lines.add("label " + label.name() + (label.hasParent() ? " in " + label.parent() : ""));
        }
        c.skeletons().forEach((label, def) -> lines.add("skeleton " + c.nameOf(label) + " "
                + def.nodeLabels().stream().map(c::nameOf).toList() + " edges " + def.edges()));
        List<Item> items = new ArrayList<>(d.items());
        items.sort(Comparator.comparing(Item::subset).thenComparing(Item::id));
        for (Item item : items) {
            lines.add("item " + item.subset() + "/" + item.id() + " " + item.media().width() + "x"
                    + item.media().height() + " " + item.attributes());
            for (Annotation a : item.annotations()) {
                lines.add("  " + annotation(c, a));
            }
        }
        return String.join("\n", lines);
    }

    private static String annotation(Categories c, Annotation a) {
        String head = a.kind().id() + " " + c.nameOf(a.label()) + (a.info().track() == null ? ""
                : " track " + a.info().track().id()) + (a.attributes().isEmpty() ? "" : " " + a.attributes())
                + (a.info().group() == 0 ? "" : " group " + a.info().group());
        if (a instanceof Bbox b) {
            return head + " " + numbers(b.x(), b.y(), b.w(), b.h()) + " rotation " + number(b.rotation());
        }
        if (a instanceof Polygon p) {
            return head + " " + numbers(p.points());
        }
        if (a instanceof Points p) {
            return head + " " + numbers(p.points()) + " v" + java.util.Arrays.toString(p.visibility());
        }
        if (a instanceof Mask m) {
            return head + " " + m.rle().width() + "x" + m.rle().height() + " area " + m.rle().area() + " box "
                    + numbers(m.rle().bbox());
        }
        if (a instanceof Caption t) {
            return head + " '" + t.text() + "'";
        }
        if (a instanceof Skeleton s) {
            List<String> nodes = new ArrayList<>();
            for (Points n : s.nodes()) {
                nodes.add(c.nameOf(n.label()) + " " + numbers(n.points()) + " v" + n.visibility(0));
            }
            return head + " " + nodes;
        }
        return head;
    }

    private static String numbers(double... values) {
        List<String> out = new ArrayList<>();
        for (double v : values) {
            out.add(number(v));
        }
        return String.join(" ", out);
    }

    private static String number(double v) {
        String s = String.format(Locale.ROOT, "%.4f", v);
        return s.equals("-0.0000") ? "0.0000" : s;
    }
}

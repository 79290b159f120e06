package org.labelbridge.format.segmask;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.labelbridge.format.Problems;
import org.labelbridge.format.common.pixels.MaskImage;
import org.labelbridge.format.common.pixels.VocLabelMap;
import org.labelbridge.format.common.pixels.VocPalette;
import org.labelbridge.model.AttributeDef;
import org.labelbridge.model.AttributeType;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Label;
import org.labelbridge.model.Rgb;

/**
 * The labelmap.txt a dataset's categories become: a background first (class 0 is what no
 * shape covers), then every label, each with a colour no other label has, under a name the
 * file can hold. Checkbox attributes become the label's actions.
 */
final class OutputLabelMap {

    static final String BACKGROUND = "background";
    private static final Rgb BLACK = new Rgb(0, 0, 0);
    private static final int ADDED = -1;

    private final List<VocLabelMap.Entry> entries = new ArrayList<>();
    private final int[] classOfLabel;

    OutputLabelMap(Categories categories, Problems problems) {
        List<Label> labels = categories.labels();
        classOfLabel = new int[labels.size()];
        int background = backgroundLabel(categories);
        List<Integer> order = new ArrayList<>(); // dataset label per class, ADDED for a new background
        order.add(background);
        for (int i = 0; i < labels.size(); i++) {
            if (i != background) {
                order.add(i);
            }
        }
        List<Rgb> colours = colours(order, background, categories, problems);
        Set<String> taken = new HashSet<>();
        for (int k = 0; k < order.size(); k++) {
            int i = order.get(k);
            if (i == ADDED) {
                taken.add(BACKGROUND);
                entries.add(VocLabelMap.Entry.of(BACKGROUND, colours.get(k)));
                continue;
            }
            classOfLabel[i] = k;
            String name = writableName(labels.get(i).name(), taken, problems);
            entries.add(new VocLabelMap.Entry(name, colours.get(k), List.of(), actions(labels.get(i))));
        }
    }

    /** The label named background, else the first black one, else {@link #ADDED}. */
    private static int backgroundLabel(Categories categories) {
        int named = categories.indexOf(BACKGROUND);
        if (named >= 0) {
            return named;
        }
        for (int i = 0; i < categories.labels().size(); i++) {
            if (BLACK.equals(categories.colors().get(i))) {
                return i;
            }
        }
        return ADDED;
    }

    /** The dataset's colours where distinct (background black unless coloured), VOC palette colours for the rest. */
    private static List<Rgb> colours(List<Integer> order, int background, Categories categories, Problems problems) {
        List<Rgb> colours = new ArrayList<>(order.size());
        Set<Integer> used = new HashSet<>();
        for (int i : order) {
            Rgb wanted = i == ADDED ? BLACK : categories.colors().get(i);
            if (wanted == null && i == background) {
                wanted = BLACK;
            }
            if (wanted != null && !used.add(MaskImage.pack(wanted))) {
                problems.dataset("label '" + categories.nameOf(i) + "' has the colour "
                        + MaskImage.describe(MaskImage.pack(wanted)) + " of an earlier label: written with another colour");
                wanted = null;
            }
            colours.add(wanted);
        }
        VocPalette.fillUnset(colours, used);
        return colours;
    }

    /** A name labelmap.txt can hold: no ':' or line break, no leading '#', not empty, unique. */
    private static String writableName(String name, Set<String> taken, Problems problems) {
        String clean = name.replaceAll("[:\\r\\n]", "_").strip();
        if (clean.isEmpty() || clean.startsWith("#")) {
            clean = "_" + clean;
        }
        String unique = clean;
        for (int n = 2; !taken.add(unique); n++) {
            unique = clean + "_" + n;
        }
        if (!unique.equals(name)) {
            problems.dataset("label '" + name + "' written as '" + unique + "': labelmap.txt names cannot hold"
                    + " ':', line breaks or a leading '#', and must be unique");
        }
        return unique;
    }

    private static List<String> actions(Label label) {
        return label.attributes().stream().filter(a -> a.type() == AttributeType.CHECKBOX)
                .map(AttributeDef::name).filter(a -> !a.isBlank() && !a.matches(".*[:,#\\r\\n].*")).toList();
    }

    List<VocLabelMap.Entry> entries() {
        return entries;
    }

    /** The class (line of labelmap.txt, pixel value) a dataset label is painted as. */
    int classOf(int label) {
        return classOfLabel[label];
    }

    List<Rgb> colours() {
        return entries.stream().map(VocLabelMap.Entry::colour).toList();
    }
}

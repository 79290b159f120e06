package org.labelbridge.format.common.pixels;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.labelbridge.format.Problems;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Label;
import org.labelbridge.model.Rgb;

/**
 * The classes a class-map writer paints (CamVid, Cityscapes, KITTI), as Datumaro's exporters
 * lay them out: class 0, what no shape covers, is the background: the dataset's first black
 * label, else its label named {@code background}, else an added {@code background}; then the
 * other labels in dataset order. Each class has a colour (the label's own, else an unused
 * VOC palette colour) and a name {@link LabelColors} can write. Every change is reported.
 */
public final class BackgroundFirstLabels {

    public static final String BACKGROUND = "background";
    private static final Rgb BLACK = new Rgb(0, 0, 0);
    private static final int ADDED = -1;

    private final List<LabelColors.Entry> entries = new ArrayList<>();
    private final int[] classOfLabel;
    private final boolean backgroundAdded;

    /**
     * @param distinctColours whether every class needs a colour no other class has: true where
     *                        the masks store colours only (CamVid), so that a colour names one
     *                        class; false where ids are stored and colours only show them
     * @param format          the format's name, for reports
     */
    public BackgroundFirstLabels(Categories categories, boolean distinctColours, String format, Problems problems) {
        List<Label> labels = categories.labels();
        classOfLabel = new int[labels.size()];
        int background = backgroundLabel(categories);
        backgroundAdded = background == ADDED;
        List<Integer> order = new ArrayList<>();
        order.add(background);
        for (int i = 0; i < labels.size(); i++) {
            if (i != background) {
                order.add(i);
            }
        }
        List<Rgb> colours = colours(order, categories, distinctColours, format, problems);
        Set<String> taken = new HashSet<>();
        for (int k = 0; k < order.size(); k++) {
            int label = order.get(k);
            String name = label == ADDED ? BACKGROUND : labels.get(label).name();
            String written = unique(LabelColors.writableName(name), taken);
            if (!written.equals(name)) {
                problems.dataset("label '" + name + "' written as '" + written + "': " + format
                        + " label names cannot hold whitespace or a leading '#', and must be unique");
            }
            if (label != ADDED) {
                classOfLabel[label] = k;
            }
            entries.add(new LabelColors.Entry(written, colours.get(k)));
        }
    }

    /** The first black label, else the one named background, else {@link #ADDED} (Datumaro's order). */
    private static int backgroundLabel(Categories categories) {
        for (int i = 0; i < categories.labels().size(); i++) {
            if (BLACK.equals(categories.colors().get(i))) {
                return i;
            }
        }
        int named = categories.indexOf(BACKGROUND);
        return named >= 0 ? named : ADDED;
    }

    private static List<Rgb> colours(List<Integer> order, Categories categories, boolean distinct, String format,
                                     Problems problems) {
        List<Rgb> colours = new ArrayList<>(order.size());
        Set<Integer> used = new HashSet<>();
        for (int k = 0; k < order.size(); k++) {
            int label = order.get(k);
            Rgb wanted = label == ADDED ? BLACK : categories.colors().get(label);
            if (wanted == null && k == 0) {
                wanted = BLACK;
            }
            if (wanted != null && !used.add(MaskImage.pack(wanted)) && distinct) {
                problems.dataset("label '" + categories.nameOf(label) + "' has the colour "
                        + MaskImage.describe(MaskImage.pack(wanted)) + " of an earlier label: written in another colour, as "
                        + format + " masks tell labels apart by colour");
                wanted = null;
            }
            colours.add(wanted);
        }
        VocPalette.fillUnset(colours, used);
        return colours;
    }

    private static String unique(String name, Set<String> taken) {
        String unique = name;
        for (int n = 2; !taken.add(unique); n++) {
            unique = name + "_" + n;
        }
        return unique;
    }

    /** Every class in class order, background first, with its written name and colour. */
    public List<LabelColors.Entry> entries() {
        return List.copyOf(entries);
    }

    /** Whether the background class was added (the dataset has no such label). */
    public boolean backgroundAdded() {
        return backgroundAdded;
    }

    /** The class (pixel value) a dataset label is painted as. */
    public int classOf(int label) {
        return classOfLabel[label];
    }

    /** The name a dataset label is written under. */
    public String nameOf(int label) {
        return entries.get(classOfLabel[label]).name();
    }

    /** Colours by class. */
    public List<Rgb> colours() {
        return entries.stream().map(LabelColors.Entry::colour).toList();
    }

    public int size() {
        return entries.size();
    }
}

package org.labelbridge.format.voc;

import java.util.HashSet;
import java.util.Set;
import org.labelbridge.format.Problems;
import org.labelbridge.format.common.pixels.MaskImage;
import org.labelbridge.format.common.pixels.VocPalette;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Rgb;

/**
 * The colour of each label in labelmap.txt and in the SegmentationClass PNGs, fixed before
 * any item is written (the PNGs come before labelmap.txt). The dataset's own colours where it
 * has them; without any, {@code background} is black and the others take VOC palette colours
 * 1, 2, ... by label index. A label painted without a colour of its own (none, or one an earlier
 * label has) takes a free palette colour then, and it is reported. Pixels no shape covers get
 * the background's colour: the label coloured black, else the label named background, else
 * black, and then labelmap.txt gains a {@code background} line.
 */
final class VocLabelColours {

    private static final Rgb BLACK = new Rgb(0, 0, 0);

    private final Categories categories;
    private final Problems problems;
    private final Rgb[] colours;
    /** Per label: its colour is an earlier label's, so its pixels would read as that label. */
    private final boolean[] shadowed;
    private final boolean[] painted;
    private final Set<Integer> taken = new HashSet<>();
    private final int backgroundLabel;
    private int nextPalette = 1;

    VocLabelColours(Categories categories, Problems problems) {
        this.categories = categories;
        this.problems = problems;
        int n = categories.labels().size();
        colours = new Rgb[n];
        shadowed = new boolean[n];
        painted = new boolean[n];
        boolean anyColour = !categories.colors().isEmpty();
        int named = categories.indexOf(VocLayout.BACKGROUND);
        for (int i = 0; i < n; i++) {
            if (anyColour) {
                colours[i] = categories.colors().get(i);
            } else {
                colours[i] = i == named ? BLACK : VocPalette.colour(i + 1);
            }
            if (colours[i] != null && !taken.add(MaskImage.pack(colours[i]))) {
                shadowed[i] = true;
            }
        }
        int black = -1;
        for (int i = 0; i < n && black < 0; i++) {
            if (BLACK.equals(colours[i]) && !shadowed[i]) {
                black = i;
            }
        }
        if (black < 0 && named >= 0 && colours[named] == null) {
            colours[named] = BLACK;
            taken.add(0);
            black = named;
        }
        backgroundLabel = black >= 0 ? black : named;
        taken.add(0); // black stays the background's even when no label has it
    }

    /** The colour of pixels no shape covers. */
    Rgb background() {
        return backgroundLabel >= 0 ? colours[backgroundLabel] : BLACK;
    }

    /** Whether labelmap.txt needs a line for {@link #background()}: masks were painted and no label has it. */
    boolean needsBackgroundLine() {
        if (backgroundLabel >= 0) {
            return false;
        }
        for (boolean p : painted) {
            if (p) {
                return true;
            }
        }
        return false;
    }

    /** The colour a label is painted with; a label without a usable colour gets one now. */
    Rgb paint(int label) {
        painted[label] = true;
        if (colours[label] != null && !shadowed[label]) {
            return colours[label];
        }
        Rgb before = colours[label];
        while (!taken.add(VocPalette.packed(nextPalette))) {
            nextPalette++;
        }
        colours[label] = VocPalette.colour(nextPalette);
        shadowed[label] = false;
        problems.dataset("label '" + categories.nameOf(label) + "' "
                + (before == null ? "has no colour" : "has the colour of an earlier label")
                + ": its mask pixels are painted " + MaskImage.describe(MaskImage.pack(colours[label]))
                + ", as labelmap.txt says");
        return colours[label];
    }

    boolean painted(int label) {
        return painted[label];
    }

    /**
     * The colour labelmap.txt gives the label, or {@code null} for none. A colour an earlier label
     * has is left out, and reported: Datumaro's inverse colour map keeps the last label of a colour,
     * so the earlier label's pixels (the background's black, often) would read as this one.
     */
    Rgb colour(int label) {
        if (shadowed[label]) {
            problems.dataset("label '" + categories.nameOf(label) + "' has the colour of an earlier label: written "
                    + "without a colour in labelmap.txt, so that pixels of that colour read as the earlier label");
            return null;
        }
        return colours[label];
    }
}

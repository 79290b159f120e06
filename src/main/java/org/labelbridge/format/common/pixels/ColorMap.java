package org.labelbridge.format.common.pixels;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.labelbridge.model.Rgb;

/**
 * Colours of class indices, both ways: what a colour mask's pixel means and how a class is
 * painted. Built from whatever a format defines (VOC's labelmap.txt, CamVid's
 * label_colors.txt, Cityscapes' table). When two indices share a colour the first keeps it;
 * the others are listed by {@link #shadowed()} so the format can report them.
 */
public final class ColorMap {

    private final Map<Integer, Rgb> colours;
    private final Map<Integer, Integer> indexByColour = new HashMap<>();
    private final List<Integer> shadowed = new ArrayList<>();

    private ColorMap(Map<Integer, Rgb> colours) {
        this.colours = Collections.unmodifiableMap(new TreeMap<>(colours));
        for (Map.Entry<Integer, Rgb> e : this.colours.entrySet()) {
            if (indexByColour.putIfAbsent(MaskImage.pack(e.getValue()), e.getKey()) != null) {
                shadowed.add(e.getKey());
            }
        }
    }

    /** A map from index to colour (indices need not be contiguous). */
    public static ColorMap of(Map<Integer, Rgb> colours) {
        return new ColorMap(colours);
    }

    /** Colours in index order: the i-th colour is index i's. */
    public static ColorMap of(List<Rgb> colours) {
        Map<Integer, Rgb> map = new LinkedHashMap<>();
        for (int i = 0; i < colours.size(); i++) {
            map.put(i, colours.get(i));
        }
        return new ColorMap(map);
    }

    /** The first {@code size} VOC palette colours. */
    public static ColorMap voc(int size) {
        return of(VocPalette.colours(size));
    }

    /** The index painted with this colour ({@code 0xRRGGBB}), or -1. */
    public int indexOf(int packedRgb) {
        return indexByColour.getOrDefault(packedRgb, -1);
    }

    public int indexOf(Rgb rgb) {
        return indexOf(MaskImage.pack(rgb));
    }

    /** The colour of an index, or {@code null}. */
    public Rgb colour(int index) {
        return colours.get(index);
    }

    public boolean contains(int index) {
        return colours.containsKey(index);
    }

    /** Index to colour, by index. */
    public Map<Integer, Rgb> asMap() {
        return colours;
    }

    /** Indices whose colour an earlier index already has: a mask cannot tell them apart. */
    public List<Integer> shadowed() {
        return List.copyOf(shadowed);
    }
}

package org.labelbridge.format.common;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.labelbridge.format.Problems;
import org.labelbridge.model.Categories;

/**
 * Label names as file or folder names within one dataset, by {@link FileNames#segment}: a label
 * whose name is a segment keeps it; another label gets its segment, with {@code _2},
 * {@code _3}, ... added where that is taken (by a label's own name first, then by labels in
 * category order), so no two labels share a file name. The first use of a renamed label is
 * reported once, old name to new, with where the format keeps the real name.
 */
public final class LabelFileNames {

    private final List<String> names;
    private final List<String> real;
    private final BitSet reported = new BitSet();
    private final Problems problems;
    private final String keptIn;

    /**
     * @param keptIn where the format keeps the real name, for the report
     *               ("labelmap.txt keeps the real name"); may say that it keeps none
     */
    public LabelFileNames(Categories categories, Problems problems, String keptIn) {
        this(categories.labels().stream().map(l -> l.name()).toList(), problems, keptIn);
    }

    /** The same mapping over names in order (a reader rebuilds a writer's file names this way). */
    public LabelFileNames(List<String> labelNames, Problems problems, String keptIn) {
        this.real = List.copyOf(labelNames);
        this.problems = problems;
        this.keptIn = keptIn;
        Set<String> taken = new HashSet<>();
        for (String name : real) {
            if (FileNames.isSegment(name)) {
                taken.add(name);
            }
        }
        List<String> out = new ArrayList<>(real.size());
        Set<String> own = new HashSet<>();
        for (String name : real) {
            if (FileNames.isSegment(name) && own.add(name)) {
                out.add(name);
                continue;
            }
            String base = FileNames.segment(name);
            String candidate = base;
            for (int n = 2; taken.contains(candidate); n++) {
                candidate = base + "_" + n;
            }
            taken.add(candidate);
            out.add(candidate);
        }
        this.names = out;
    }

    /** The file name of label {@code index}; reports it the first time when it is not the label's name. */
    public String of(int index) {
        String name = names.get(index);
        if (!name.equals(real.get(index)) && !reported.get(index)) {
            reported.set(index);
            problems.dataset("label '" + real.get(index) + "' is written as '" + name + "' in file and folder names"
                    + " (it is not one file name as it is); " + keptIn);
        }
        return name;
    }

    /** The file name of label {@code index}, reporting nothing (for a writer that may not use it). */
    public String name(int index) {
        return names.get(index);
    }

    /** The label whose file name this is, or -1. */
    public int indexOf(String fileName) {
        return names.indexOf(fileName);
    }
}

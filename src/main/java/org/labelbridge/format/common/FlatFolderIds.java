package org.labelbridge.format.common;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.labelbridge.format.Problems;
import org.labelbridge.model.Item;

/**
 * Ids of items from several subsets written into one flat folder (VOC's JPEGImages and
 * Annotations, ImageNet's label folders), where the subset is not part of the path. A CVAT
 * project export routinely has {@code img0} in Train and in Test. Datumaro's VOC exporter simply
 * writes the second over the first; instead, the first item of an id keeps it, and an item of
 * another subset whose id is taken is written as {@code <subset>_<id>} (then
 * {@code <subset>_<id>_2}, ...), reported old id to new. Deterministic for a given reading order.
 */
public final class FlatFolderIds {

    /** An id written as itself to the subset of its item. */
    private final Map<String, String> subsetOf = new HashMap<>();
    /** Every id written, renamed ones too. */
    private final Set<String> taken = new HashSet<>();
    private final Problems problems;
    private final String format;

    /** @param format the target's name, for the report */
    public FlatFolderIds(Problems problems, String format) {
        this.problems = problems;
        this.format = format;
    }

    /**
     * The item as it is written into the folder: its id made a clean path ({@link FileNames}),
     * then free in the folder ({@link #idOf}); or null, reported as a dropped item, when an item
     * of its subset was already written under that id.
     */
    public Item place(Item item) {
        Item clean = FileNames.withPathId(item, problems, format);
        String id = idOf(clean, clean.id());
        if (id == null) {
            problems.droppedItem(clean.id(), "another item of subset '" + clean.subset() + "' is written as '"
                    + clean.id() + "'");
            return null;
        }
        return id.equals(clean.id()) ? clean
                : new Item(id, clean.subset(), clean.media(), clean.annotations(), clean.attributes());
    }

    /**
     * The id to write this item under ({@code id} is the id it would have, already made a clean
     * path), or null when an item of the same subset was already written under it (a duplicate,
     * not the writer's to resolve). The id is taken from then on; a renamed one is reported.
     */
    public String idOf(Item item, String id) {
        String written = peek(item, id);
        if (written == null) {
            return null;
        }
        taken.add(written);
        if (written.equals(id)) {
            subsetOf.put(id, item.subset());
        } else {
            String first = subsetOf.get(id);
            problems.item(item.id(), "written as '" + written + "' in subset '" + item.subset() + "': "
                    + (first == null ? "another item" : "an item of subset '" + first + "'") + " is written as '" + id
                    + "', and " + format + " keeps the files of all subsets in one folder");
        }
        return written;
    }

    /** What {@link #idOf} would answer, without taking the id or reporting anything. */
    public String peek(Item item, String id) {
        String first = subsetOf.get(id);
        if (!taken.contains(id)) {
            return id;
        }
        if (item.subset().equals(first)) {
            return null;
        }
        String base = FileNames.segment(item.subset()) + "_" + id;
        String renamed = base;
        for (int n = 2; taken.contains(renamed); n++) {
            renamed = base + "_" + n;
        }
        return renamed;
    }
}

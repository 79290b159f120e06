package org.labelbridge.format.labelme;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Groups from LabelMe's part hierarchy, numbered as Datumaro numbers them: an object with
 * parts ({@code <hasparts>}) and no parent ({@code <ispartof>}) starts a group; its parts, and
 * their parts, join it. Such root objects are taken from the highest id down (Datumaro pops
 * them off a stack), so the root with the highest id has group 1. Objects in no hierarchy keep
 * group 0.
 */
final class PartGroups {

    private final Map<Long, List<Long>> partsOf = new LinkedHashMap<>();
    private final TreeSet<Long> roots = new TreeSet<>();

    /**
     * Adds an object's {@code <parts>}.
     *
     * @param parts   the ids {@code <hasparts>} lists
     * @param parents the ids {@code <ispartof>} lists
     */
    void add(long id, List<Long> parts, List<Long> parents) {
        partsOf.put(id, parts);
        if (!parts.isEmpty() && parents.isEmpty()) {
            roots.add(id);
        }
    }

    /** Part ids that name no object of the file, for the caller to report. */
    List<Long> unknownParts(Set<Long> objectIds) {
        List<Long> unknown = new ArrayList<>();
        partsOf.values().forEach(parts -> parts.stream().filter(p -> !objectIds.contains(p)).forEach(unknown::add));
        return unknown;
    }

    /** The group of every object in a hierarchy, by object id. */
    Map<Long, Integer> assign() {
        Map<Long, Integer> groups = new HashMap<>();
        Deque<Long> stack = new ArrayDeque<>(roots); // the last (highest) id is popped first
        int group = 0;
        while (!stack.isEmpty()) {
            long id = stack.removeLast();
            if (groups.containsKey(id)) {
                continue;
            }
            if (roots.contains(id)) {
                group++;
            }
            groups.put(id, group);
            stack.addAll(partsOf.getOrDefault(id, List.of()));
        }
        return groups;
    }
}

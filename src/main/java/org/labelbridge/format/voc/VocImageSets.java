package org.labelbridge.format.voc;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.FormatException;
import org.labelbridge.format.Problems;
import org.labelbridge.format.common.TextFiles;
import org.labelbridge.model.Item;

/**
 * The item index built from {@code ImageSets/}: which ids each subset holds (the union of the
 * Main, Layout, Action and Segmentation lists) and the image-level labels that
 * {@code Main/<label>_<subset>.txt} marks present. Only ids and label bits are kept.
 */
final class VocImageSets {

    private static final String TRAINVAL = "trainval";
    private static final List<String> PARTS_OF_TRAINVAL = List.of("train", "val");

    /** Subset to its ids, in list order; subsets sorted by name. */
    private final Map<String, LinkedHashSet<String>> subsets = new TreeMap<>();
    /** Subset to id to present label indices. */
    private final Map<String, Map<String, BitSet>> tags = new HashMap<>();
    private boolean anyList;

    private VocImageSets() {
    }

    /** A list file's subset and, for a per-label or per-action list, that label or action. */
    private record ListFile(String path, String dir, String subset, String prefix) {
    }

    /** @param labels label index by name */
    static VocImageSets read(DatasetSource source, String annotationDir, Map<String, Integer> labels,
                             Problems problems) throws IOException {
        VocImageSets sets = new VocImageSets();
        List<ListFile> perLabel = new ArrayList<>();
        for (String dir : VocLayout.TASK_DIRS) {
            for (ListFile list : listFiles(source, dir, labels)) {
                if (list.prefix() == null) {
                    sets.readSubsetList(source, list);
                } else if (dir.equals(VocLayout.MAIN) && labels.containsKey(list.prefix())) {
                    perLabel.add(list);
                } else if (!dir.equals(VocLayout.ACTION)) {
                    problems.dataset(list.path() + " not imported: " + (dir.equals(VocLayout.MAIN)
                            ? "'" + list.prefix() + "' is not a declared label"
                            : "ImageSets/" + dir + " has no per-'" + list.prefix() + "' lists"));
                }
                // Action/<action>_<subset>.txt repeats the XML's <actions>; the XML is read instead.
            }
        }
        for (ListFile list : perLabel) {
            sets.readLabelList(source, list, labels.get(list.prefix()));
        }
        sets.foldTrainval(problems);
        sets.addUnlisted(source, annotationDir, problems);
        return sets;
    }

    /** The txt files of a list folder; {@code x_<subset>.txt} is a per-x list when {@code <subset>.txt} exists. */
    private static List<ListFile> listFiles(DatasetSource source, String dir, Map<String, Integer> labels) {
        String folder = VocLayout.IMAGE_SETS + dir + "/";
        List<String> paths = source.filesIn(folder).stream().filter(p -> p.endsWith(".txt")).toList();
        Set<String> stems = new HashSet<>();
        paths.forEach(p -> stems.add(VocLayout.stem(p, folder)));
        List<ListFile> lists = new ArrayList<>();
        for (String path : paths) {
            String stem = VocLayout.stem(path, folder);
            String prefix = null;
            String subset = stem;
            for (int i = stem.indexOf('_', 1); i > 0; i = stem.indexOf('_', i + 1)) {
                String rest = stem.substring(i + 1);
                if (stems.contains(rest)) {
                    boolean label = labels.containsKey(stem.substring(0, i));
                    if (prefix == null || label) {
                        prefix = stem.substring(0, i);
                        subset = rest;
                    }
                    if (label) {
                        break;
                    }
                }
            }
            lists.add(new ListFile(path, dir, subset, prefix));
        }
        return lists;
    }

    private void readSubsetList(DatasetSource source, ListFile list) throws IOException {
        anyList = true;
        LinkedHashSet<String> ids = subsets.computeIfAbsent(list.subset(), s -> new LinkedHashSet<>());
        boolean firstToken = list.dir().equals(VocLayout.LAYOUT) || list.dir().equals(VocLayout.ACTION);
        String file = source.describe(list.path());
        forEachLine(source, list.path(), (text, line) -> {
            if (!firstToken) {
                ids.add(text);
            } else if (text.startsWith("\"")) {
                int close = text.indexOf('"', 1);
                if (close < 0) {
                    throw FormatException.at(file, "line " + line, "expected a closing '\"' after the quoted item id");
                }
                ids.add(text.substring(1, close));
            } else {
                ids.add(text.split("\\s+", 2)[0]);
            }
        });
    }

    private void readLabelList(DatasetSource source, ListFile list, int label) throws IOException {
        LinkedHashSet<String> ids = subsets.computeIfAbsent(list.subset(), s -> new LinkedHashSet<>());
        Map<String, BitSet> present = tags.computeIfAbsent(list.subset(), s -> new HashMap<>());
        String file = source.describe(list.path());
        forEachLine(source, list.path(), (text, line) -> {
            int space = lastWhitespace(text);
            String flag = space < 0 ? "" : text.substring(space + 1);
            if (space < 0 || !(flag.equals("1") || flag.equals("0") || flag.equals("-1"))) {
                throw FormatException.at(file, "line " + line,
                        "expected '<item id> <1, 0 or -1>', got '" + text + "'");
            }
            String id = text.substring(0, space).strip();
            ids.add(id);
            if (flag.equals("1")) {
                present.computeIfAbsent(id, i -> new BitSet()).set(label);
            }
        });
    }

    /**
     * In the VOC devkit {@code trainval} is the union of {@code train} and {@code val}, not a
     * subset of its own: beside either of them, its items that they list are read there only
     * (their image-level labels joining them), and the items only it lists keep subset
     * {@code trainval}. Alone, it is the subset.
     */
    private void foldTrainval(Problems problems) {
        LinkedHashSet<String> union = subsets.get(TRAINVAL);
        List<String> parts = PARTS_OF_TRAINVAL.stream().filter(subsets::containsKey).toList();
        if (union == null || parts.isEmpty()) {
            return;
        }
        Map<String, BitSet> unionTags = tags.getOrDefault(TRAINVAL, Map.of());
        int folded = 0;
        for (String part : parts) {
            Map<String, BitSet> partTags = tags.computeIfAbsent(part, s -> new HashMap<>());
            for (String id : subsets.get(part)) {
                if (union.remove(id)) {
                    folded++;
                    BitSet labels = unionTags.get(id);
                    if (labels != null) {
                        partTags.computeIfAbsent(id, i -> new BitSet()).or(labels);
                    }
                }
            }
        }
        if (union.isEmpty()) {
            subsets.remove(TRAINVAL);
        }
        if (folded > 0 || !union.isEmpty()) {
            problems.dataset("ImageSets: " + TRAINVAL + " is the union of " + String.join(" and ", parts)
                    + ", not a subset of its own: " + folded + " of its items are read in " + String.join("/", parts)
                    + " only" + (union.isEmpty() ? "" : "; " + union.size() + " item(s) listed only in " + TRAINVAL
                    + " keep subset '" + TRAINVAL + "'"));
        }
    }

    /** Annotation files no list names: kept, in the default subset, and said so. */
    private void addUnlisted(DatasetSource source, String annotationDir, Problems problems) {
        Set<String> listed = new HashSet<>();
        subsets.values().forEach(listed::addAll);
        int unlisted = 0;
        for (String path : source.filesUnder(annotationDir)) {
            if (path.endsWith(".xml")) {
                String id = VocLayout.stem(path, annotationDir);
                if (!listed.contains(id)) {
                    subsets.computeIfAbsent(Item.DEFAULT_SUBSET, s -> new LinkedHashSet<>()).add(id);
                    unlisted++;
                }
            }
        }
        if (anyList && unlisted > 0) {
            problems.dataset(unlisted + " XML file(s) in " + (annotationDir.isEmpty() ? "the dataset" : annotationDir)
                    + " are in no ImageSets list; read into subset '"
                    + Item.DEFAULT_SUBSET + "'");
        }
    }

    Map<String, LinkedHashSet<String>> subsets() {
        return subsets;
    }

    /** The label indices marked present for the item, in index order; consumed once. */
    BitSet takeTags(String subset, String id) {
        Map<String, BitSet> present = tags.get(subset);
        BitSet labels = present == null ? null : present.remove(id);
        return labels == null ? new BitSet() : labels;
    }

    private static int lastWhitespace(String text) {
        for (int i = text.length() - 1; i >= 0; i--) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private interface LineHandler {
        void accept(String text, int line) throws IOException;
    }

    /** Calls the handler with each stripped line that is neither empty nor a '#' comment. */
    private static void forEachLine(DatasetSource source, String path, LineHandler handler) throws IOException {
        try (BufferedReader in = TextFiles.open(source, path)) {
            int line = 0;
            for (String raw = in.readLine(); raw != null; raw = in.readLine()) {
                line++;
                String text = raw.strip();
                if (!text.isEmpty() && !text.startsWith("#")) {
                    handler.accept(text, line);
                }
            }
        }
    }
}

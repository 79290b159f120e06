package org.labelbridge.format.kitti;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.common.ImageFiles;
import org.labelbridge.model.Item;

/**
 * The files of a KITTI dataset by subset and item id, from their names alone: a subset is a
 * root folder holding {@code label_2/} or {@code instance/} (the root itself is the default
 * subset when it holds them).
 */
final class KittiFiles {

    static final String IMAGES = "image_2";
    static final String LABELS = "label_2";
    static final String INSTANCES = "instance";
    static final String SEMANTIC = "semantic";
    static final String SEMANTIC_RGB = "semantic_rgb";
    static final String LABEL_LIST = "labels.txt";
    /** Folders of KITTI's 3D object data, which this format does not read. */
    static final List<String> THREE_D = List.of("calib", "velodyne");

    /** One item's files; any may be missing. */
    static final class Paths {
        String image;
        String labels;
        String instances;
    }

    /** A subset: its folder ({@code ""} for the root) and items by id, sorted. */
    record Subset(String name, String folder, Map<String, Paths> items) {
    }

    final List<Subset> subsets = new ArrayList<>();
    /** Semantic masks of items that have no instance mask (not read). */
    final List<String> unreadMasks = new ArrayList<>();
    /** Subset folders that also hold 3D data. */
    final List<String> threeD = new ArrayList<>();

    private KittiFiles() {
    }

    /** The folders ({@code ""} for the root) that hold label_2/ or instance/ files. */
    static List<String> subsetFolders(DatasetSource source) {
        List<String> folders = new ArrayList<>();
        if (holdsAnnotations(source, "")) {
            folders.add("");
        }
        for (String folder : source.foldersIn("")) {
            if (holdsAnnotations(source, folder + "/")) {
                folders.add(folder + "/");
            }
        }
        return folders;
    }

    private static boolean holdsAnnotations(DatasetSource source, String prefix) {
        return !source.filesUnder(prefix + LABELS).isEmpty() || !source.filesUnder(prefix + INSTANCES).isEmpty();
    }

    static boolean holdsThreeD(DatasetSource source, String prefix) {
        return THREE_D.stream().anyMatch(d -> !source.filesUnder(prefix + d).isEmpty());
    }

    static KittiFiles scan(DatasetSource source) {
        KittiFiles files = new KittiFiles();
        for (String prefix : subsetFolders(source)) {
            String name = prefix.isEmpty() ? Item.DEFAULT_SUBSET : prefix.substring(0, prefix.length() - 1);
            Map<String, Paths> items = new TreeMap<>();
            for (String file : source.filesUnder(prefix + IMAGES)) {
                if (ImageFiles.isImage(file)) {
                    items.computeIfAbsent(id(file, prefix + IMAGES), i -> new Paths()).image = file;
                }
            }
            for (String file : source.filesUnder(prefix + LABELS)) {
                if (file.endsWith(".txt")) {
                    items.computeIfAbsent(id(file, prefix + LABELS), i -> new Paths()).labels = file;
                }
            }
            for (String file : source.filesUnder(prefix + INSTANCES)) {
                if (file.endsWith(".png")) {
                    items.computeIfAbsent(id(file, prefix + INSTANCES), i -> new Paths()).instances = file;
                }
            }
            for (String folder : List.of(SEMANTIC, SEMANTIC_RGB)) {
                for (String file : source.filesUnder(prefix + folder)) {
                    Paths paths = items.get(id(file, prefix + folder));
                    if (paths == null || paths.instances == null) {
                        files.unreadMasks.add(file);
                    }
                }
            }
            if (holdsThreeD(source, prefix)) {
                files.threeD.add(prefix.isEmpty() ? "." : name);
            }
            files.subsets.add(new Subset(name, prefix, items));
        }
        return files;
    }

    private static String id(String file, String folder) {
        return ImageFiles.stripExtension(file.substring(folder.length() + 1));
    }

    boolean hasInstanceMasks() {
        return subsets.stream().anyMatch(s -> s.items().values().stream().anyMatch(p -> p.instances != null));
    }
}

package org.labelbridge.format.coco;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.labelbridge.format.DatasetSource;

/**
 * Where COCO keeps its files: {@code annotations/<task>_<subset>.json} and
 * {@code images/<subset>/<file_name>}. A task file may also be given alone, at the root; a lone
 * root JSON named after no task is read as instances of the default subset (as CVAT does).
 * Roboflow's export, {@code <subset>/_annotations.coco.json} beside the subset's images, is
 * read as instances of each subset.
 */
final class CocoLayout {

    static final String ANNOTATIONS_DIR = "annotations";
    static final String IMAGES_DIR = "images";
    /** The annotation file in each subset folder of a Roboflow COCO export. */
    static final String ROBOFLOW_FILE = "_annotations.coco.json";

    /** One annotation file and what its name says. */
    record TaskFile(String path, CocoTask task, String subset) {
    }

    private CocoLayout() {
    }

    /**
     * The task files of the source, instances first, then by path; empty when it has none. At
     * the root (a file given alone) a name must carry a subset, unless the file is the only JSON
     * there: then {@code captions.json} is captions and any other name instances.
     */
    static List<TaskFile> taskFiles(DatasetSource source) {
        List<TaskFile> found = named(source.filesIn(ANNOTATIONS_DIR), false);
        if (found.isEmpty()) {
            found = named(source.filesIn(""), true);
        }
        if (found.isEmpty()) {
            found = roboflow(source);
        }
        if (found.isEmpty()) {
            List<String> rootJson = jsonFiles(source.filesIn(""));
            if (rootJson.size() == 1) {
                CocoTask task = CocoTask.ofFileName(rootJson.get(0));
                found = List.of(new TaskFile(rootJson.get(0), task == null ? CocoTask.INSTANCES : task, ""));
            }
        }
        return found;
    }

    /**
     * Roboflow's COCO export: a folder per subset ({@code train/}, {@code valid/}, {@code test/})
     * holding its images and {@code _annotations.coco.json}, instances of that subset.
     */
    private static List<TaskFile> roboflow(DatasetSource source) {
        List<TaskFile> found = new ArrayList<>();
        for (String folder : source.foldersIn("")) {
            String path = folder + "/" + ROBOFLOW_FILE;
            if (source.exists(path)) {
                found.add(new TaskFile(path, CocoTask.INSTANCES, folder));
            }
        }
        found.sort(Comparator.comparing(TaskFile::path));
        return found;
    }

    /** Whether the file is where COCO keeps annotations, rather than given alone at the root. */
    static boolean inAnnotationsDir(TaskFile file) {
        return file.path().startsWith(ANNOTATIONS_DIR + "/");
    }

    /** JSON files in {@code annotations/} that name no task (reported, not read). */
    static List<String> strayFiles(DatasetSource source) {
        return jsonFiles(source.filesIn(ANNOTATIONS_DIR)).stream()
                .filter(path -> CocoTask.ofFileName(path) == null).toList();
    }

    static String annotationFile(String subset) {
        return annotationFile(CocoTask.INSTANCES, subset);
    }

    static String annotationFile(CocoTask task, String subset) {
        return ANNOTATIONS_DIR + "/" + task.prefix() + "_" + subset + ".json";
    }

    static String imageFile(String subset, String fileName) {
        return IMAGES_DIR + "/" + subset + "/" + fileName;
    }

    private static List<TaskFile> named(List<String> files, boolean subsetRequired) {
        List<TaskFile> found = new ArrayList<>();
        for (String path : jsonFiles(files)) {
            CocoTask task = CocoTask.ofFileName(path);
            if (task != null && !(subsetRequired && task.subsetOf(path).isEmpty())) {
                found.add(new TaskFile(path, task, task.subsetOf(path)));
            }
        }
        found.sort(Comparator.comparing(TaskFile::task).thenComparing(TaskFile::path));
        return found;
    }

    private static List<String> jsonFiles(List<String> files) {
        return files.stream().filter(f -> f.toLowerCase(java.util.Locale.ROOT).endsWith(".json")).toList();
    }
}

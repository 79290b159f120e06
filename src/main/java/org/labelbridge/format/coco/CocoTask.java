package org.labelbridge.format.coco;

/**
 * The COCO annotation tasks, named by the prefix of their files ({@code <task>_<subset>.json}).
 * Declared in reading order: instances first, so that its categories fix the label order.
 */
enum CocoTask {
    INSTANCES("instances"),
    PERSON_KEYPOINTS("person_keypoints"),
    STUFF("stuff"),
    LABELS("labels"),
    CAPTIONS("captions"),
    IMAGE_INFO("image_info"),
    PANOPTIC("panoptic");

    private final String prefix;

    CocoTask(String prefix) {
        this.prefix = prefix;
    }

    String prefix() {
        return prefix;
    }

    /** Whether its annotations are objects with a segmentation or a box. */
    boolean hasShapes() {
        return this == INSTANCES || this == PERSON_KEYPOINTS || this == STUFF;
    }

    /**
     * The task of a file name like {@code instances_val2017.json} or {@code captions.json}, or
     * {@code null} when the name starts with no task.
     */
    static CocoTask ofFileName(String fileName) {
        String base = baseName(fileName);
        for (CocoTask task : values()) {
            if (base.equals(task.prefix) || base.startsWith(task.prefix + "_")) {
                return task;
            }
        }
        return null;
    }

    /** The subset in a task file's name ({@code val2017}), or {@code ""} when it names none. */
    String subsetOf(String fileName) {
        String base = baseName(fileName);
        return base.length() > prefix.length() + 1 ? base.substring(prefix.length() + 1) : "";
    }

    private static String baseName(String fileName) {
        String name = fileName.substring(fileName.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}

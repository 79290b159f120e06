package org.labelbridge.format.icdar;

/** The three ICDAR tasks, each exported under a folder of its own name. */
enum IcdarTask {
    WORD_RECOGNITION("word_recognition"),
    TEXT_LOCALIZATION("text_localization"),
    TEXT_SEGMENTATION("text_segmentation");

    private final String folder;

    IcdarTask(String folder) {
        this.folder = folder;
    }

    /** The folder a CVAT export puts the subsets in ({@code word_recognition}, ...). */
    String folder() {
        return folder;
    }
}

package org.labelbridge.format.labelstudio;

/** The names Label Studio's JSON export uses, and those our writer gives its tags. */
final class LabelStudioLayout {

    /** The tasks file the writer writes (Label Studio names its exports {@code project-<n>-at-<time>.json}). */
    static final String TASKS_FILE = "tasks.json";
    /** The labeling config the writer writes beside it, to create the project with. */
    static final String CONFIG_FILE = "label_config.xml";
    static final String IMAGES = "images";
    /** How written tasks refer to their image: served by Label Studio's local storage from the unpacked output. */
    static final String LOCAL_FILES = "/data/local-files/?d=";
    /** The Image tag the writer's results point to ({@code to_name}), fed by {@code $image}. */
    static final String IMAGE_TAG = "image";
    static final String IMAGE_KEY = "image";

    /** Annotation attributes that hold the task's structure, not the region's. */
    static final String ANNOTATOR = "annotator";
    static final String SCORE = "score";
    static final String MODEL_VERSION = "model_version";
    /** Where the writer keeps each annotation's annotator: task {@code meta}, by annotation id. */
    static final String META_ANNOTATORS = "annotators";

    // Result types (control tags, lower case), the key of their label list being the same name.
    static final String RECTANGLE_LABELS = "rectanglelabels";
    static final String RECTANGLE = "rectangle";
    static final String POLYGON_LABELS = "polygonlabels";
    static final String POLYGON = "polygon";
    static final String KEYPOINT_LABELS = "keypointlabels";
    static final String KEYPOINT = "keypoint";
    static final String BRUSH_LABELS = "brushlabels";
    static final String BRUSH = "brush";
    static final String LABELS = "labels";
    static final String CHOICES = "choices";
    static final String TEXTAREA = "textarea";
    static final String NUMBER = "number";
    static final String RATING = "rating";
    static final String RELATION = "relation";

    // from_name of each control tag the writer declares in its config.
    static final String BBOX_TAG = "bbox";
    static final String POLYGON_TAG = "polygon";
    static final String KEYPOINT_TAG = "keypoint";
    static final String BRUSH_TAG = "brush";
    static final String CHOICES_TAG = "choices";
    static final String CAPTION_TAG = "caption";

    private LabelStudioLayout() {
    }
}

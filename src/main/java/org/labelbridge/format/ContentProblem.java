package org.labelbridge.format;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Something wrong with the content of one item or annotation, and where it is.
 *
 * @param annotation the annotation's index in its item ({@link #UNKNOWN_INDEX} where a reader cannot
 *                   tell it), or {@code null} for a problem of the item
 * @param kind       the annotation's kind, or {@code "item"}
 * @param detail     what exactly is wrong, with the values
 */
public record ContentProblem(Type type, String item, String subset, Integer annotation, String kind, String detail) {

    /** The kinds of problem {@link ContentChecks} finds; the id is what the report says. */
    public enum Type {
        NON_FINITE_COORDINATES("non_finite_coordinates", "a coordinate is not a finite number"),
        INVERTED_COORDINATES("inverted_coordinates", "a size is negative (inverted corners)"),
        UNKNOWN_LABEL("unknown_label", "the label is not among the categories"),
        DUPLICATE_ITEM_ID("duplicate_item_id", "another item of the subset has the same id"),
        MISSING_IMAGE("missing_image", "the image is not in the input"),
        IMAGE_SIZE_MISMATCH("image_size_mismatch", "the size disagrees with the image file's header"),
        MASK_SIZE_MISMATCH("mask_size_mismatch", "the mask's size disagrees with the image's"),
        MASK_TOO_LARGE("mask_too_large", "the mask has more pixels than a mask may have");

        private final String id;
        private final String description;

        Type(String id, String description) {
            this.id = id;
            this.description = description;
        }

        public String id() {
            return id;
        }

        public String description() {
            return description;
        }
    }

    /** The index of an annotation a reader found bad before it knew its place in the item. */
    public static final int UNKNOWN_INDEX = -1;

    /** {@code item 'a' (subset 'train'), annotations[2] (bbox)}. */
    public String location() {
        return "item '" + item + "' (subset '" + subset + "')" + (annotation == null ? ""
                : annotation == UNKNOWN_INDEX ? ", an annotation (" + kind + ")"
                : ", annotations[" + annotation + "] (" + kind + ")");
    }

    @Override
    public String toString() {
        return location() + ": " + detail;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("problem", type.id());
        map.put("item", item);
        map.put("subset", subset);
        if (annotation != null && annotation != UNKNOWN_INDEX) {
            map.put("annotation", annotation);
        }
        map.put("kind", kind);
        map.put("detail", detail);
        return map;
    }
}

package org.labelbridge.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One dataset item: usually one image (or one video frame) and its annotations.
 *
 * @param id          unique within its subset; may contain {@code /} (a folder path without
 *                    extension, as Datumaro's ids do)
 * @param subset      the subset ({@code train}, {@code val}, ...); {@link #DEFAULT_SUBSET} when
 *                    the source has none
 * @param attributes  item attributes; well-known keys: {@code frame} (video frame number,
 *                    Long) and {@code id} (the source's numeric image id, Long)
 */
public record Item(String id, String subset, Media media, List<Annotation> annotations,
                   Map<String, Object> attributes) {

    public static final String DEFAULT_SUBSET = "default";

    public Item {
        Objects.requireNonNull(id, "item id");
        subset = subset == null || subset.isEmpty() ? DEFAULT_SUBSET : subset;
        media = media == null ? Media.NONE : media;
        annotations = annotations == null ? List.of() : List.copyOf(annotations);
        attributes = attributes == null || attributes.isEmpty()
                ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    public Item(String id, String subset, Media media, List<Annotation> annotations) {
        this(id, subset, media, annotations, Map.of());
    }

    public Item withAnnotations(List<Annotation> newAnnotations) {
        return new Item(id, subset, media, newAnnotations, attributes);
    }

    public Item withSubset(String newSubset) {
        return new Item(id, newSubset, media, annotations, attributes);
    }

    public Item withMedia(Media newMedia) {
        return new Item(id, subset, newMedia, annotations, attributes);
    }

    public Item withAttributes(Map<String, Object> newAttributes) {
        return new Item(id, subset, media, annotations, newAttributes);
    }

    /** The {@code frame} attribute as a number, or {@code null}. */
    public Long frame() {
        Object frame = attributes.get("frame");
        return frame instanceof Number n ? n.longValue() : null;
    }
}

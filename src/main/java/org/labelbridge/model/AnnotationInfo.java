package org.labelbridge.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What every annotation carries besides its geometry.
 *
 * @param label      index into {@link Categories#labels()}, or {@code null} when unlabelled
 * @param id         the annotation id the source gave (0 when it gave none)
 * @param group      group number; annotations of one object share it (0 = no group)
 * @param zOrder     drawing order, higher on top
 * @param attributes attribute values: {@code Boolean}, {@code Long}/{@code Double},
 *                   {@code String} or a {@code List} of those; insertion ordered, unmodifiable
 * @param track      track data when the annotation is one frame of a track, else {@code null}
 */
public record AnnotationInfo(Integer label, long id, int group, int zOrder,
                             Map<String, Object> attributes, Track track) {

    public static final AnnotationInfo EMPTY = new AnnotationInfo(null, 0, 0, 0, Map.of(), null);

    public AnnotationInfo {
        attributes = attributes == null || attributes.isEmpty() ? Map.of()
                : attributes.size() == 1 ? single(attributes) // most annotations: is_crowd alone
                : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    private static Map<String, Object> single(Map<String, Object> attributes) {
        Map.Entry<String, Object> e = attributes.entrySet().iterator().next();
        return Map.of(e.getKey(), e.getValue());
    }

    public static AnnotationInfo of(Integer label) {
        return new AnnotationInfo(label, 0, 0, 0, Map.of(), null);
    }

    public AnnotationInfo withLabel(Integer newLabel) {
        return new AnnotationInfo(newLabel, id, group, zOrder, attributes, track);
    }

    public AnnotationInfo withId(long newId) {
        return new AnnotationInfo(label, newId, group, zOrder, attributes, track);
    }

    public AnnotationInfo withGroup(int newGroup) {
        return new AnnotationInfo(label, id, newGroup, zOrder, attributes, track);
    }

    public AnnotationInfo withZOrder(int newZOrder) {
        return new AnnotationInfo(label, id, group, newZOrder, attributes, track);
    }

    public AnnotationInfo withTrack(Track newTrack) {
        return new AnnotationInfo(label, id, group, zOrder, attributes, newTrack);
    }

    public AnnotationInfo withAttributes(Map<String, Object> newAttributes) {
        return new AnnotationInfo(label, id, group, zOrder, newAttributes, track);
    }

    /** This info with one attribute set (or replaced). */
    public AnnotationInfo withAttribute(String name, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(attributes);
        copy.put(Objects.requireNonNull(name), Objects.requireNonNull(value));
        return withAttributes(copy);
    }
}

package org.labelbridge.convert;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a user can ask of a conversion. Given as a flat map of names to values (CLI
 * {@code --option name=value}, the function payload's {@code options}, a function
 * descriptor's defaults); an unknown name is an error, never ignored.
 *
 * @param shapesToBoxes turn polygons, polylines, points, masks, ellipses, cuboids and
 *                      skeletons into their bounding boxes when the target holds boxes but not
 *                      the shape (else they are dropped, and reported)
 * @param keepImages    copy images into the output (raw); false writes annotations only
 * @param onProblem     what bad content does ({@link ContentChecks}): fail the conversion, or
 *                      skip the bad annotation or item and list it in the report
 */
public record ConversionOptions(boolean shapesToBoxes, boolean keepImages, ProblemPolicy onProblem) {

    public static final ConversionOptions DEFAULTS = new ConversionOptions(false, true, ProblemPolicy.FAIL);

    static final List<String> NAMES = List.of("shapes_to_boxes", "keep_images", "on_problem");

    public ConversionOptions {
        onProblem = onProblem == null ? ProblemPolicy.FAIL : onProblem;
    }

    public ConversionOptions(boolean shapesToBoxes, boolean keepImages) {
        this(shapesToBoxes, keepImages, ProblemPolicy.FAIL);
    }

    /** Options from a map; missing names keep their defaults. */
    public static ConversionOptions fromMap(Map<String, ?> values) {
        boolean shapesToBoxes = DEFAULTS.shapesToBoxes;
        boolean keepImages = DEFAULTS.keepImages;
        ProblemPolicy onProblem = DEFAULTS.onProblem;
        for (Map.Entry<String, ?> e : values.entrySet()) {
            switch (e.getKey()) {
                case "shapes_to_boxes" -> shapesToBoxes = bool(e.getKey(), e.getValue());
                case "keep_images" -> keepImages = bool(e.getKey(), e.getValue());
                case "on_problem" -> onProblem = ProblemPolicy.of(e.getKey(), e.getValue());
                default -> throw new IllegalArgumentException("unknown option '" + e.getKey()
                        + "'; known options: " + String.join(", ", NAMES));
            }
        }
        return new ConversionOptions(shapesToBoxes, keepImages, onProblem);
    }

    /** These options over defaults given as a map (a function descriptor's), then overrides. */
    public static ConversionOptions merged(Map<String, ?> defaults, Map<String, ?> overrides) {
        Map<String, Object> all = new LinkedHashMap<>(defaults);
        all.putAll(overrides);
        return fromMap(all);
    }

    private static boolean bool(String name, Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if ("true".equals(value)) {
            return true;
        }
        if ("false".equals(value)) {
            return false;
        }
        throw new IllegalArgumentException("option '" + name + "' must be true or false, got '" + value + "'");
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("shapes_to_boxes", shapesToBoxes);
        map.put("keep_images", keepImages);
        map.put("on_problem", onProblem.id());
        return map;
    }
}

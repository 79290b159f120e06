package org.labelbridge.convert;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What a user can ask of a conversion. Given as a map of names to values: the CLI's
 * {@code --option name=value} (structured values as JSON text), the function payload's
 * {@code options} object, a function descriptor's defaults. An unknown name is an error,
 * never ignored.
 *
 * <p>Every option is one {@link Option} in {@link #ALL} plus a typed accessor: adding one is
 * a constant, a line in the list and an accessor. The transforms that use them run in
 * {@link Converter}: labels, then subsets, then shapes, then the fit to the target.
 */
public final class ConversionOptions {

    /** Previews drawn by the function when its descriptor and payload name none (the CLI draws none unless asked). */
    public static final int PREVIEW_IN_FUNCTION = 16;
    /** The most items one preview draws. */
    public static final int MAX_PREVIEW = 100;

    public static final Option<Boolean> SHAPES_TO_BOXES = new Option<>("shapes_to_boxes", false, OptionValues::bool,
            "keep polygons, polylines, points, masks, ellipses, cuboids and skeletons the target cannot hold as their"
                    + " bounding boxes (else they are dropped)");
    public static final Option<Boolean> BOXES_TO_POLYGONS = new Option<>("boxes_to_polygons", false, OptionValues::bool,
            "turn every box into the polygon of its corners (rotation kept)");
    public static final Option<Boolean> MASKS_TO_POLYGONS = new Option<>("masks_to_polygons", false, OptionValues::bool,
            "turn every mask into polygons along its pixel edges, one per part (holes are filled, and reported)");
    public static final Option<Double> POLYGON_TOLERANCE = new Option<>("polygon_tolerance", 0.0,
            OptionValues::distance, "with masks_to_polygons: simplify each traced outline so that no pixel corner of"
                    + " it is more than this many pixels away (0: exact outlines)");
    public static final Option<Boolean> POLYGONS_TO_MASKS = new Option<>("polygons_to_masks", false, OptionValues::bool,
            "turn every polygon into a mask of the pixels it covers (needs the image size)");
    public static final Option<Boolean> KEEP_IMAGES = new Option<>("keep_images", true, OptionValues::bool,
            "copy images into the output (as raw zip entries); false writes annotations only");
    public static final Option<Map<String, String>> LABEL_MAP = new Option<>("label_map", Map.of(),
            v -> OptionValues.renames(v, "label", false),
            "rename labels {\"old\": \"new\"}; several to one name merges them; to null drops a label and its annotations");
    public static final Option<List<String>> LABELS = new Option<>("labels", List.of(), OptionValues::labelOrder,
            "the target's labels in this order [\"a\", \"b\"] or as ids {\"a\": 0, \"b\": 1}; others are dropped,"
                    + " missing ones added empty");
    public static final Option<Map<String, String>> SUBSET_MAP = new Option<>("subset_map", Map.of(),
            v -> OptionValues.renames(v, "subset", true),
            "rename subsets {\"val\": \"valid\"}; several to one name merges them; to null drops the subset's items");
    public static final Option<Map<String, Double>> SPLIT = new Option<>("split", Map.of(), OptionValues::ratios,
            "re-split every item by ratio {\"train\": 0.8, \"val\": 0.2}, by a hash of its id and split_seed");
    public static final Option<Long> SPLIT_SEED = new Option<>("split_seed", 0L, OptionValues::integer,
            "the seed of split: the same seed gives every item the same subset");

    public static final Option<ProblemPolicy> ON_PROBLEM = new Option<>("on_problem", ProblemPolicy.FAIL,
            v -> OptionValues.choice(ProblemPolicy.values(), v),
            "what bad content (non-finite or inverted coordinates, unknown labels, duplicate ids, missing images,"
                    + " sizes that disagree with the image), wherever it is found, does: fail, or skip it and list it in"
                    + " the report");
    public static final Option<MissingImagePolicy> MISSING_IMAGES = new Option<>("missing_images",
            MissingImagePolicy.KEEP, v -> OptionValues.choice(MissingImagePolicy.values(), v),
            "an item whose image the input lacks is kept without it (keep), left out (skip) or fails the conversion"
                    + " (fail); each is listed in the report");

    public static final Option<Boolean> STATISTICS = new Option<>("statistics", true, OptionValues::bool,
            "count statistics and run the validation checks on the items written, in the same pass (report sections"
                    + " statistics and validation)");
    public static final Option<Map<String, Object>> CHECKS = new Option<>("checks", Map.of(), OptionValues::thresholds,
            "the validation checks' thresholds {\"outside_tolerance\": 1, \"near_zero_area\": 4, \"rare_label\": 10}"
                    + " (pixels, square pixels, annotations)");
    public static final Option<Long> PREVIEW = new Option<>("preview", 0L, v -> OptionValues.count(v, MAX_PREVIEW),
            "items drawn from the output into a preview contact sheet (at most " + MAX_PREVIEW + "; the function's default is "
                    + PREVIEW_IN_FUNCTION + ")");

    /** Every option, in the order usage texts and reports list them. */
    public static final List<Option<?>> ALL = List.of(SHAPES_TO_BOXES, BOXES_TO_POLYGONS, MASKS_TO_POLYGONS,
            POLYGON_TOLERANCE, POLYGONS_TO_MASKS, KEEP_IMAGES, LABEL_MAP, LABELS, SUBSET_MAP, SPLIT, SPLIT_SEED, ON_PROBLEM,
            MISSING_IMAGES, STATISTICS, CHECKS, PREVIEW);

    public static final ConversionOptions DEFAULTS = new ConversionOptions(Map.of());

    /** Every option's value, the default where none was given. */
    private final Map<Option<?>, Object> values;

    private ConversionOptions(Map<Option<?>, Object> given) {
        Map<Option<?>, Object> all = new LinkedHashMap<>();
        for (Option<?> option : ALL) {
            all.put(option, given.containsKey(option) ? given.get(option) : option.defaultValue());
        }
        this.values = all;
    }

    /** Options from a map of names to values; missing names (and null values) keep their defaults. */
    public static ConversionOptions fromMap(Map<String, ?> given) {
        Map<Option<?>, Object> parsed = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : given.entrySet()) {
            Option<?> option = byName(e.getKey());
            if (e.getValue() != null) {
                parsed.put(option, option.parse(e.getValue()));
            }
        }
        ConversionOptions options = new ConversionOptions(parsed);
        options.checkTogether();
        return options;
    }

    /** Options over defaults given as a map (a function descriptor's), then overrides (a payload's). */
    public static ConversionOptions merged(Map<String, ?> defaults, Map<String, ?> overrides) {
        Map<String, Object> all = new LinkedHashMap<>(defaults);
        all.putAll(overrides);
        return fromMap(all);
    }

    /** These options with one more set (by name, value as a user would give it). */
    public ConversionOptions with(String name, Object value) {
        Map<String, Object> all = new LinkedHashMap<>();
        values.forEach((option, v) -> all.put(option.name(), v));
        all.put(name, value);
        return fromMap(all);
    }

    private static Option<?> byName(String name) {
        for (Option<?> option : ALL) {
            if (option.name().equals(name)) {
                return option;
            }
        }
        throw new IllegalArgumentException("unknown option '" + name + "'; known options: "
                + ALL.stream().map(Option::name).collect(Collectors.joining(", ")));
    }

    private void checkTogether() {
        if (masksToPolygons() && polygonsToMasks()) {
            throw new IllegalArgumentException("options 'masks_to_polygons' and 'polygons_to_masks' cannot both be true");
        }
    }

    /** The value of an option. */
    @SuppressWarnings("unchecked")
    public <T> T get(Option<T> option) {
        return (T) values.get(option);
    }

    public boolean shapesToBoxes() {
        return get(SHAPES_TO_BOXES);
    }

    public boolean boxesToPolygons() {
        return get(BOXES_TO_POLYGONS);
    }

    public boolean masksToPolygons() {
        return get(MASKS_TO_POLYGONS);
    }

    /** How far a simplified traced outline may stray, in pixels; 0 keeps it exact. */
    public double polygonTolerance() {
        return get(POLYGON_TOLERANCE);
    }

    public boolean polygonsToMasks() {
        return get(POLYGONS_TO_MASKS);
    }

    public boolean keepImages() {
        return get(KEEP_IMAGES);
    }

    public ProblemPolicy onProblem() {
        return get(ON_PROBLEM);
    }

    public MissingImagePolicy missingImages() {
        return get(MISSING_IMAGES);
    }

    /** Old label name to new name, or to null to drop it. */
    public Map<String, String> labelMap() {
        return get(LABEL_MAP);
    }

    /** The target's labels in order, or empty to keep the source's. */
    public List<String> labels() {
        return get(LABELS);
    }

    /** Old subset name to new name, or to null to drop its items. */
    public Map<String, String> subsetMap() {
        return get(SUBSET_MAP);
    }

    /** Subset to fraction (adding up to 1), or empty for no re-split. */
    public Map<String, Double> split() {
        return get(SPLIT);
    }

    public long splitSeed() {
        return get(SPLIT_SEED);
    }

    public boolean statistics() {
        return get(STATISTICS);
    }

    public org.labelbridge.insight.CheckThresholds checkThresholds() {
        return org.labelbridge.insight.CheckThresholds.fromMap(get(CHECKS));
    }

    /** Items to draw into the preview; 0 for none. */
    public int preview() {
        return (int) Math.min(Integer.MAX_VALUE, get(PREVIEW));
    }

    /** Every option by name, defaults included: what the report shows. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        values.forEach((option, value) -> map.put(option.name(),
                value instanceof OptionValues.Choice choice ? choice.id() : value));
        return map;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConversionOptions other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(values);
    }

    @Override
    public String toString() {
        return "ConversionOptions" + toMap();
    }
}

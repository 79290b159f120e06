package org.labelbridge.convert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Readers for option values. JSON payloads and descriptors give typed values; the command
 * line gives text, which for a structured option is JSON text ({@code {"car": "vehicle"}}).
 * Messages complete "option 'NAME' ..." and say what was expected and what was given.
 */
final class OptionValues {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Subset names become folder and file names in outputs: keep them to safe characters. */
    private static final Pattern SUBSET_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private OptionValues() {
    }

    /** An option value that is one of a few named choices. */
    interface Choice {
        String id();
    }

    /** The choice whose id is {@code value} (or {@code value} itself when it is one already). */
    static <E extends Enum<E> & Choice> E choice(E[] choices, Object value) {
        for (E choice : choices) {
            if (choice == value || choice.id().equals(value)) {
                return choice;
            }
        }
        throw new IllegalArgumentException("must be one of " + java.util.Arrays.stream(choices).map(Choice::id)
                .collect(java.util.stream.Collectors.joining(", ")) + ", got '" + value + "'");
    }

    static boolean bool(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if ("true".equals(value)) {
            return true;
        }
        if ("false".equals(value)) {
            return false;
        }
        throw new IllegalArgumentException("must be true or false, got " + shown(value));
    }

    /** A finite number of at least 0. */
    static double distance(Object value) {
        Object v = value instanceof String s ? parseJson(s.strip(), "a number") : value;
        if (v instanceof Number n && Double.isFinite(n.doubleValue()) && n.doubleValue() >= 0) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException("must be a number of at least 0, got " + shown(value));
    }

    static long integer(Object value) {
        Object v = value instanceof String s ? parseJson(s.strip(), "an integer") : value;
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                && !(n instanceof Double d && d.isInfinite())) {
            return n.longValue();
        }
        throw new IllegalArgumentException("must be an integer, got " + shown(value));
    }

    /** A count from 0 to {@code max}. */
    static long count(Object value, long max) {
        long n = integer(value);
        if (n < 0 || n > max) {
            throw new IllegalArgumentException("must be from 0 to " + max + ", got " + shown(value));
        }
        return n;
    }

    /** The checks' thresholds by name, {@code {"rare_label": 20}}: checked here, kept as given. */
    static Map<String, Object> thresholds(Object value) {
        Map<?, ?> map = object(value, "an object of threshold names to numbers");
        org.labelbridge.insight.CheckThresholds.fromMap(map);
        Map<String, Object> thresholds = new LinkedHashMap<>();
        map.forEach((k, v) -> thresholds.put(String.valueOf(k), v));
        return java.util.Collections.unmodifiableMap(thresholds);
    }

    /**
     * Names to new names, or to null: {@code {"val": "valid", "test": null}}. Keys and new
     * names must be non-empty; {@code subsets} also holds names to safe characters.
     */
    static Map<String, String> renames(Object value, String what, boolean subsets) {
        Map<?, ?> map = object(value, "an object of " + what + " names to new names (or null to drop)");
        Map<String, String> renames = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String from = String.valueOf(e.getKey());
            Object to = e.getValue();
            if (from.isEmpty()) {
                throw new IllegalArgumentException("has an empty " + what + " name");
            }
            if (to != null && (!(to instanceof String s) || s.isEmpty())) {
                throw new IllegalArgumentException("maps '" + from + "' to " + shown(to) + "; expected a new "
                        + what + " name, or null to drop it");
            }
            if (subsets && to != null) {
                subsetName((String) to);
            }
            renames.put(from, (String) to);
        }
        return Collections.unmodifiableMap(renames);
    }

    /**
     * The target's labels in order: a list of names, or an id map {@code {"person": 0,
     * "car": 1}} whose ids must number the labels 0..n-1 (an id is a label's position).
     */
    static List<String> labelOrder(Object value) {
        Object v = value instanceof String s ? parseJson(s.strip(), "a list of label names or an object of names to ids") : value;
        if (v instanceof List<?> list) {
            List<String> names = new ArrayList<>();
            for (Object name : list) {
                if (!(name instanceof String s) || s.isEmpty()) {
                    throw new IllegalArgumentException("must list label names, got " + shown(name) + " in " + shown(value));
                }
                if (names.contains(s)) {
                    throw new IllegalArgumentException("names '" + s + "' twice");
                }
                names.add(s);
            }
            return List.copyOf(names);
        }
        if (v instanceof Map<?, ?> map) {
            String[] byId = new String[map.size()];
            for (Map.Entry<?, ?> e : map.entrySet()) {
                long id;
                try {
                    id = integer(e.getValue());
                } catch (IllegalArgumentException bad) {
                    throw new IllegalArgumentException("gives label '" + e.getKey() + "' the id " + shown(e.getValue())
                            + "; ids are integers");
                }
                if (id < 0 || id >= byId.length) {
                    throw new IllegalArgumentException("gives label '" + e.getKey() + "' the id " + id + "; ids must number"
                            + " the labels 0.." + (byId.length - 1) + " (an id is the label's position: name every"
                            + " label the target should have, also those the dataset lacks)");
                }
                if (byId[(int) id] != null) {
                    throw new IllegalArgumentException("gives the id " + id + " to both '" + byId[(int) id] + "' and '"
                            + e.getKey() + "'");
                }
                byId[(int) id] = String.valueOf(e.getKey());
            }
            return List.of(byId);
        }
        throw new IllegalArgumentException("must be a list of label names or an object of names to ids, got " + shown(value));
    }

    /** Subset names to positive weights, normalised to fractions that add up to 1. */
    static Map<String, Double> ratios(Object value) {
        Map<?, ?> map = object(value, "an object of subset names to ratios, e.g. {\"train\": 0.8, \"val\": 0.2}");
        double total = 0;
        Map<String, Double> weights = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String subset = subsetName(String.valueOf(e.getKey()));
            if (!(e.getValue() instanceof Number n) || !(n.doubleValue() > 0) || Double.isInfinite(n.doubleValue())) {
                throw new IllegalArgumentException("gives subset '" + subset + "' the ratio " + shown(e.getValue())
                        + "; ratios are positive numbers");
            }
            weights.put(subset, n.doubleValue());
            total += n.doubleValue();
        }
        Map<String, Double> fractions = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : weights.entrySet()) {
            fractions.put(e.getKey(), e.getValue() / total);
        }
        return Collections.unmodifiableMap(fractions);
    }

    private static String subsetName(String name) {
        if (!SUBSET_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("names the subset '" + name + "'; subset names are letters, digits,"
                    + " '.', '_' and '-', starting with a letter or digit");
        }
        return name;
    }

    private static Map<?, ?> object(Object value, String expected) {
        Object v = value instanceof String s ? parseJson(s.strip(), expected) : value;
        if (v instanceof Map<?, ?> map) {
            return map;
        }
        throw new IllegalArgumentException("must be " + expected + ", got " + shown(value));
    }

    private static Object parseJson(String text, String expected) {
        try {
            return JSON.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("must be " + expected + " (as JSON text on the command line), got "
                    + shown(text) + ": " + e.getOriginalMessage());
        }
    }

    /** A value as a user would write it, shortened. */
    static String shown(Object value) {
        String text;
        if (value instanceof String s) {
            text = "'" + s + "'";
        } else {
            try {
                text = JSON.writeValueAsString(value);
            } catch (JsonProcessingException e) {
                text = String.valueOf(value);
            }
        }
        return text.length() > 120 ? text.substring(0, 117) + "..." : text;
    }
}

package org.labelbridge.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Options as the CLI (text), a payload and a descriptor (JSON values) give them. */
class ConversionOptionsTest {

    @Test
    void defaultsThenOverrides() {
        ConversionOptions none = ConversionOptions.fromMap(Map.of());
        assertEquals(ConversionOptions.DEFAULTS, none);
        assertFalse(none.shapesToBoxes());
        assertTrue(none.keepImages());
        assertEquals(Map.of(), none.labelMap());
        assertEquals(List.of(), none.labels());
        assertEquals(ConversionOptions.ALL.stream().map(Option::name).toList(), List.copyOf(none.toMap().keySet()));

        ConversionOptions merged = ConversionOptions.merged(Map.of("shapes_to_boxes", true, "keep_images", true),
                Map.of("keep_images", "false"));
        assertTrue(merged.shapesToBoxes());
        assertFalse(merged.keepImages());
        assertEquals(ConversionOptions.DEFAULTS.with("shapes_to_boxes", true).with("keep_images", false), merged);
    }

    @Test
    void structuredValuesComeAsJsonOrAsJsonText() {
        Map<String, Object> asJson = new HashMap<>();
        Map<String, Object> labelMap = new LinkedHashMap<>();
        labelMap.put("car", "vehicle");
        labelMap.put("truck", "vehicle");
        labelMap.put("person", null);
        asJson.put("label_map", labelMap);
        asJson.put("labels", List.of("vehicle", "bike"));
        asJson.put("subset_map", Map.of("val", "valid"));
        asJson.put("split", Map.of("train", 8, "val", 2));
        asJson.put("split_seed", 42);
        ConversionOptions fromJson = ConversionOptions.fromMap(asJson);

        ConversionOptions fromText = ConversionOptions.fromMap(Map.of(
                "label_map", "{\"car\": \"vehicle\", \"truck\": \"vehicle\", \"person\": null}",
                "labels", "{\"bike\": 1, \"vehicle\": 0}",
                "subset_map", "{\"val\": \"valid\"}",
                "split", "{\"train\": 0.8, \"val\": 0.2}",
                "split_seed", "42"));

        assertEquals(fromJson, fromText);
        assertEquals(labelMap, fromText.labelMap());
        assertEquals(List.of("vehicle", "bike"), fromText.labels(), "an id map is the order by id");
        assertEquals(0.8, fromJson.split().get("train"), 1e-12, "weights are normalised");
        assertEquals(0.2, fromJson.split().get("val"), 1e-12);
        assertEquals(42L, fromText.splitSeed());
    }

    @Test
    void unknownOptionsAndBadValuesAreErrorsThatSayWhatWasExpected() {
        assertEquals("unknown option 'shape_to_boxes'; known options: shapes_to_boxes, boxes_to_polygons,"
                        + " masks_to_polygons, polygon_tolerance, polygons_to_masks, keep_images, label_map, labels,"
                        + " subset_map, split, split_seed, on_problem, missing_images, statistics, checks, preview",
                error(Map.of("shape_to_boxes", true)));
        assertEquals("option 'keep_images' must be true or false, got 'yes'", error(Map.of("keep_images", "yes")));
        assertEquals("option 'label_map' maps 'car' to 3; expected a new label name, or null to drop it",
                error(Map.of("label_map", Map.of("car", 3))));
        assertTrue(error(Map.of("label_map", "{car: vehicle}")).startsWith(
                "option 'label_map' must be an object of label names to new names (or null to drop) (as JSON text on the"
                        + " command line), got '{car: vehicle}'"));
        assertTrue(error(Map.of("labels", Map.of("person", 0, "car", 2))).startsWith(
                "option 'labels' gives label 'car' the id 2; ids must number the labels 0..1"));
        assertEquals("option 'labels' names 'car' twice", error(Map.of("labels", List.of("car", "person", "car"))));
        assertEquals("option 'split' gives subset 'val' the ratio 0; ratios are positive numbers",
                error(Map.of("split", Map.of("val", 0))));
        assertEquals("option 'subset_map' names the subset '../up'; subset names are letters, digits, '.', '_' and"
                + " '-', starting with a letter or digit", error(Map.of("subset_map", Map.of("val", "../up"))));
        assertEquals("option 'split_seed' must be an integer, got '4.5'", error(Map.of("split_seed", "4.5")));
        assertEquals("options 'masks_to_polygons' and 'polygons_to_masks' cannot both be true",
                error(Map.of("masks_to_polygons", true, "polygons_to_masks", "true")));
    }

    @Test
    void aGapInAnIdMapIsAnError() {
        String message = error(Map.of("labels", "{\"person\": 0, \"car\": 2}"));
        assertTrue(message.contains("ids must number the labels 0..1"), message);
        assertTrue(message.contains("name every label the target should have"), message);
    }

    private static String error(Map<String, ?> options) {
        return assertThrows(IllegalArgumentException.class, () -> ConversionOptions.fromMap(options)).getMessage();
    }

    @Test
    void badContentFailsUnlessAskedToSkipIt() {
        assertEquals(ProblemPolicy.FAIL, ConversionOptions.DEFAULTS.onProblem());
        assertEquals(ProblemPolicy.SKIP, ConversionOptions.fromMap(Map.of("on_problem", "skip")).onProblem());
        assertEquals("skip", ConversionOptions.fromMap(Map.of("on_problem", "skip")).toMap().get("on_problem"));
        IllegalArgumentException policy = assertThrows(IllegalArgumentException.class,
                () -> ConversionOptions.fromMap(Map.of("on_problem", "repair")));
        assertEquals("option 'on_problem' must be one of fail, skip, got 'repair'", policy.getMessage());
    }
}

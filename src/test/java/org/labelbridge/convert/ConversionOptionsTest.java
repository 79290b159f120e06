package org.labelbridge.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ConversionOptionsTest {

    @Test
    void defaultsThenOverrides() {
        assertEquals(new ConversionOptions(false, true, ProblemPolicy.FAIL), ConversionOptions.fromMap(Map.of()));
        assertEquals(new ConversionOptions(true, false),
                ConversionOptions.merged(Map.of("shapes_to_boxes", true, "keep_images", true),
                        Map.of("keep_images", "false")));
    }

    @Test
    void unknownOptionsAndBadValuesAreErrors() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> ConversionOptions.fromMap(Map.of("shape_to_boxes", true)));
        assertEquals("unknown option 'shape_to_boxes'; known options: shapes_to_boxes, keep_images, on_problem", unknown.getMessage());
        IllegalArgumentException value = assertThrows(IllegalArgumentException.class,
                () -> ConversionOptions.fromMap(Map.of("keep_images", "yes")));
        assertEquals("option 'keep_images' must be true or false, got 'yes'", value.getMessage());
        IllegalArgumentException policy = assertThrows(IllegalArgumentException.class,
                () -> ConversionOptions.fromMap(Map.of("on_problem", "repair")));
        assertEquals("option 'on_problem' must be one of fail, skip, got 'repair'", policy.getMessage());
    }

    @Test
    void badContentFailsUnlessAskedToSkipIt() {
        assertEquals(ProblemPolicy.FAIL, ConversionOptions.DEFAULTS.onProblem());
        assertEquals(ProblemPolicy.SKIP, ConversionOptions.fromMap(Map.of("on_problem", "skip")).onProblem());
        assertEquals("skip", ConversionOptions.fromMap(Map.of("on_problem", "skip")).toMap().get("on_problem"));
    }
}

package org.labelbridge.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ConversionOptionsTest {

    @Test
    void defaultsThenOverrides() {
        assertEquals(new ConversionOptions(false, true), ConversionOptions.fromMap(Map.of()));
        assertEquals(new ConversionOptions(true, false),
                ConversionOptions.merged(Map.of("shapes_to_boxes", true, "keep_images", true),
                        Map.of("keep_images", "false")));
    }

    @Test
    void unknownOptionsAndBadValuesAreErrors() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> ConversionOptions.fromMap(Map.of("shape_to_boxes", true)));
        assertEquals("unknown option 'shape_to_boxes'; known options: shapes_to_boxes, keep_images", unknown.getMessage());
        IllegalArgumentException value = assertThrows(IllegalArgumentException.class,
                () -> ConversionOptions.fromMap(Map.of("keep_images", "yes")));
        assertEquals("option 'keep_images' must be true or false, got 'yes'", value.getMessage());
    }
}

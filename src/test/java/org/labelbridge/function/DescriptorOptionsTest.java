package org.labelbridge.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.labelbridge.convert.ConversionOptions;

/**
 * A descriptor's default options are the same JSON values a payload gives (and the CLI gives
 * as JSON text), and a payload's options override them name by name.
 */
class DescriptorOptionsTest {

    @Test
    void descriptorDefaultsThenPayloadOverrides() throws IOException {
        FunctionDescriptor descriptor = FunctionDescriptor.parse(new ByteArrayInputStream("""
                {"from": "auto", "to": "yolo", "memory_mb": 2048, "timeout_s": 900,
                 "options": {"shapes_to_boxes": true, "label_map": {"car": "vehicle", "ignore": null},
                             "split": {"train": 8, "val": 2}, "split_seed": 7}}""".getBytes(StandardCharsets.UTF_8)),
                "auto-to-yolo.json");
        Map<String, Object> payloadOptions = new ObjectMapper().readValue("""
                {"split_seed": 8, "labels": ["person", "vehicle"]}""", Map.class);

        ConversionOptions options = ConversionOptions.merged(descriptor.options(), payloadOptions);

        assertTrue(options.shapesToBoxes());
        assertEquals("vehicle", options.labelMap().get("car"));
        assertTrue(options.labelMap().containsKey("ignore") && options.labelMap().get("ignore") == null);
        assertEquals(0.8, options.split().get("train"), 1e-12);
        assertEquals(8, options.splitSeed(), "the payload's seed wins");
        assertEquals(List.of("person", "vehicle"), options.labels());
        assertEquals(ConversionOptions.fromMap(Map.of("shapes_to_boxes", "true",
                "label_map", "{\"car\": \"vehicle\", \"ignore\": null}", "split", "{\"train\": 0.8, \"val\": 0.2}",
                "split_seed", "8", "labels", "[\"person\", \"vehicle\"]")), options, "the CLI's JSON text gives the same");
    }

    @Test
    void aDescriptorWithABadOptionIsCaughtByTheDescriptorRules() {
        FunctionDescriptor bad = new FunctionDescriptor("auto", "yolo", Map.of("label_map", List.of("car")), 2048, 900, null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConversionOptions.fromMap(bad.options()));
        assertTrue(e.getMessage().startsWith("option 'label_map' must be an object of label names"), e.getMessage());
    }
}

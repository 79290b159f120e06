package org.labelbridge.format.coco;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;

/** Fields of a written COCO file, required as pycocotools and CVAT's importer require them. */
final class CocoJsonFields {

    private CocoJsonFields() {
    }

    static JsonNode array(String where, JsonNode node, String field) {
        JsonNode value = node.get(field);
        assertTrue(value != null && value.isArray(), where + ": Missing field '" + field + "' (a list)");
        return value;
    }

    static long integer(String where, JsonNode node, String field) {
        JsonNode value = node.get(field);
        assertTrue(value != null && value.isIntegralNumber(), where + ": Missing integer field '" + field + "'");
        return value.asLong();
    }
}

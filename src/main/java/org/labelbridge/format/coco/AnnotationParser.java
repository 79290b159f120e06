package org.labelbridge.format.coco;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.labelbridge.format.common.CocoRle;
import org.labelbridge.format.common.SafeJson;

/**
 * Reads the fields of one {@code annotations} entry into a {@link ParsedAnnotation}: ids, box,
 * polygons or RLE (either form), keypoints, caption, CVAT's {@code attributes}, panoptic segments.
 */
final class AnnotationParser {

    private final JsonFields json;
    private final JsonParser p;
    private final ParsedAnnotation parsed;

    /** Polygons of fewer than 3 points, dropped; reported by the file. */
    private int shortPolygons;
    private String firstShortPolygon;
    /** Attribute values that were JSON objects, kept as text; reported by the file. */
    private int objectAttributes;

    AnnotationParser(JsonFields json, ParsedAnnotation parsed) {
        this.json = json;
        this.p = json.parser();
        this.parsed = parsed;
    }

    int shortPolygons() {
        return shortPolygons;
    }

    String firstShortPolygon() {
        return firstShortPolygon;
    }

    int objectAttributes() {
        return objectAttributes;
    }

    /** Reads the value of one field of the entry; unknown fields are skipped. */
    void read(String field) throws IOException {
        ParsedAnnotation a = parsed;
        switch (field) {
            case "id" -> {
                a.id = json.integer("id");
                a.hasId = true;
            }
            case "image_id" -> {
                a.imageId = json.integer("image_id");
                a.hasImageId = true;
            }
            case "category_id" -> a.categoryId = p.currentToken() == JsonToken.VALUE_NULL
                    ? 0 : json.integer("category_id");
            case "iscrowd" -> a.crowd = p.currentToken() == JsonToken.VALUE_TRUE
                    || p.currentToken() != JsonToken.VALUE_FALSE && json.integer("iscrowd") != 0;
            case "score" -> {
                a.score = json.number("score");
                a.hasScore = true;
            }
            case "bbox" -> readBbox();
            case "segmentation" -> readSegmentation();
            case "keypoints" -> readKeypoints();
            case "caption" -> a.caption = json.text("caption");
            case "attributes" -> readAttributes();
            case "segments_info" -> readSegmentsInfo();
            case "file_name" -> a.fileName = json.text("file_name");
            default -> p.skipChildren();
        }
    }

    /** Panoptic segments: {@code id} (the PNG's R + 256 G + 256^2 B), {@code category_id}, {@code iscrowd}. */
    private void readSegmentsInfo() throws IOException {
        json.expectArray("segments_info");
        while (p.nextToken() != JsonToken.END_ARRAY) {
            json.expectObject();
            long id = -1;
            long category = 0;
            boolean crowd = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "id" -> id = json.integer("segments_info id");
                    case "category_id" -> category = p.currentToken() == JsonToken.VALUE_NULL
                            ? 0 : json.integer("segments_info category_id");
                    case "iscrowd" -> crowd = p.currentToken() == JsonToken.VALUE_TRUE
                            || p.currentToken() != JsonToken.VALUE_FALSE && json.integer("iscrowd") != 0;
                    default -> p.skipChildren();
                }
            }
            if (id < 0) {
                throw json.error("a 'segments_info' entry needs an 'id'");
            }
            parsed.addSegment(id, category, crowd);
        }
    }

    private void readBbox() throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return;
        }
        json.expectArray("bbox");
        int n = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            double value = json.number("bbox");
            if (n < 4) {
                parsed.bbox[n] = value;
            }
            n++;
        }
        if (n != 4) {
            throw json.error("'bbox' needs 4 numbers [x, y, width, height], got " + n);
        }
        parsed.hasBbox = true;
    }

    private void readSegmentation() throws IOException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return;
        }
        if (token == JsonToken.START_OBJECT) {
            readRle();
            return;
        }
        json.expectArray("segmentation");
        JsonToken next = p.nextToken();
        if (next != JsonToken.END_ARRAY && next != JsonToken.START_ARRAY) {
            readPolygon(0, true); // a flat list: one polygon
            return;
        }
        for (int polygon = 0; next != JsonToken.END_ARRAY; polygon++, next = p.nextToken()) {
            json.expectArray("segmentation");
            p.nextToken();
            readPolygon(polygon, false);
        }
    }

    /** Reads numbers up to the end of the array; the first is the current token. */
    private void readPolygon(int polygon, boolean flat) throws IOException {
        int start = parsed.coordinateCount;
        for (JsonToken t = p.currentToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            parsed.addCoordinate(json.number("segmentation"));
        }
        int count = parsed.coordinateCount - start;
        if (count == 0 && !flat) {
            return; // [[]]: no polygon
        }
        if (count % 2 != 0) {
            throw json.error("polygon " + polygon + " of 'segmentation' has " + count
                    + " numbers; expected x, y pairs");
        }
        if (count < 6) {
            parsed.dropPolygon();
            if (shortPolygons++ == 0) {
                firstShortPolygon = json.where();
            }
            return;
        }
        parsed.endPolygon();
    }

    private void readRle() throws IOException {
        String compressed = null;
        long[] size = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "counts" -> {
                    if (p.currentToken() == JsonToken.VALUE_STRING) {
                        compressed = p.getText();
                    } else {
                        json.expectArray("segmentation.counts");
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            long count = json.integer("segmentation.counts");
                            if (count < 0 || count > Integer.MAX_VALUE) {
                                throw json.error("'segmentation.counts' has a run of " + count + " pixels");
                            }
                            parsed.addRleCount((int) count);
                        }
                    }
                }
                case "size" -> {
                    json.expectArray("segmentation.size");
                    List<Long> values = new ArrayList<>(2);
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        values.add(json.integer("segmentation.size"));
                    }
                    if (values.size() != 2 || values.get(0) < 0 || values.get(1) < 0
                            || values.get(0) > Integer.MAX_VALUE || values.get(1) > Integer.MAX_VALUE) {
                        throw json.error("'segmentation.size' needs [height, width], got " + values);
                    }
                    size = new long[] {values.get(0), values.get(1)};
                }
                default -> p.skipChildren();
            }
        }
        if (size == null) {
            throw json.error("an RLE 'segmentation' needs a 'size' [height, width]");
        }
        parsed.rleHeight = (int) size[0];
        parsed.rleWidth = (int) size[1];
        if (compressed != null) {
            try {
                int[] counts = CocoRle.decode(compressed, parsed.rleHeight, parsed.rleWidth).counts();
                for (int count : counts) {
                    parsed.addRleCount(count);
                }
            } catch (IllegalArgumentException e) {
                throw json.error("compressed RLE 'counts' cannot be decoded: " + e.getMessage());
            }
        } else {
            long total = 0;
            for (int k = 0; k < parsed.rleCount; k++) {
                total += parsed.rleCounts[k];
            }
            if (total != size[0] * size[1]) {
                throw json.error("RLE 'counts' add up to " + total + " pixels; 'size' "
                        + size[0] + "x" + size[1] + " has " + size[0] * size[1]);
            }
        }
        parsed.hasRle = true;
    }

    private void readKeypoints() throws IOException {
        json.expectArray("keypoints");
        while (p.nextToken() != JsonToken.END_ARRAY) {
            parsed.addKeypointValue(json.number("keypoints"));
        }
        if (parsed.keypointCount % 3 != 0) {
            throw json.error("'keypoints' has " + parsed.keypointCount + " numbers; expected x, y, v triplets");
        }
        for (int k = 2; k < parsed.keypointCount; k += 3) {
            double v = parsed.keypoints[k];
            if (v != 0 && v != 1 && v != 2) {
                throw json.error("keypoint " + k / 3 + " has visibility " + v + "; expected 0, 1 or 2");
            }
        }
        parsed.hasKeypoints = true;
    }

    private void readAttributes() throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return;
        }
        json.expectObject();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            Object value = attributeValue();
            if (value != null) {
                parsed.removeAttribute(name);
                parsed.attributeNames.add(name);
                parsed.attributeValues.add(value);
            }
        }
    }

    /** A scalar, a list of them, or an object kept as its JSON text; {@code null} for null. */
    private Object attributeValue() throws IOException {
        switch (p.currentToken()) {
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NUMBER_INT:
                return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? p.getText() : (Object) p.getLongValue();
            case VALUE_NUMBER_FLOAT:
                return SafeJson.finiteDouble(p);
            case VALUE_STRING:
                return p.getText();
            case VALUE_NULL:
                return null;
            case START_ARRAY:
                List<Object> values = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    Object value = attributeValue();
                    if (value != null) {
                        values.add(value);
                    }
                }
                return List.copyOf(values);
            default:
                objectAttributes++;
                StringWriter text = new StringWriter();
                try (JsonGenerator generator = CocoFileParser.JSON.createGenerator(text)) {
                    generator.copyCurrentStructure(p);
                }
                return text.toString();
        }
    }
}

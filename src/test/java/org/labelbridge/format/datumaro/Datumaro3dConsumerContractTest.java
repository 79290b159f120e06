package org.labelbridge.format.datumaro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.labelbridge.testing.CorpusMatrix;
import org.labelbridge.testing.CorpusMatrix.Outcome;
import org.labelbridge.testing.OutputFiles;

/**
 * What CVAT's Datumaro 3D import (its fork's {@code datumaro_format} extractor on point cloud
 * items) reads, checked on the output of every point cloud sample: each item's
 * {@code point_cloud} path a file in {@code point_clouds/<subset>/}, each related image a file
 * in {@code related_images/<subset>/<id>/} with its size {@code [h, w]} when given, each
 * {@code cuboid_3d} with integer id and group, an attributes object, a {@code label_id} below
 * the number of labels and 3 numbers each of position, rotation and scale.
 */
class Datumaro3dConsumerContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    @ParameterizedTest
    @MethodSource("org.labelbridge.testing.CorpusMatrix#pointCloudSamples")
    void everyOutputReadsAsDatumaroReadsIt(String sample) throws IOException {
        Outcome outcome = CorpusMatrix.forContract(sample, "datumaro_3d", work);
        Path root = outcome.output();
        for (Path file : OutputFiles.matching(root, "annotations/*.json")) {
            String subset = file.getFileName().toString().replaceFirst("\\.json$", "");
            JsonNode dataset = JSON.readTree(file.toFile());
            int labels = dataset.get("categories").get("label").get("labels").size();
            for (JsonNode item : dataset.get("items")) {
                String id = item.get("id").asText();
                String at = outcome + " " + subset + "/" + id;
                if (item.has("point_cloud")) {
                    Path cloud = root.resolve("point_clouds").resolve(subset).resolve(item.get("point_cloud").get("path").asText());
                    assertTrue(Files.exists(cloud), at + ": point cloud " + cloud);
                }
                for (JsonNode image : item.path("related_images")) {
                    Path path = root.resolve("related_images").resolve(subset).resolve(id).resolve(image.get("path").asText());
                    assertTrue(Files.exists(path), at + ": related image " + path);
                    if (image.has("size")) {
                        assertEquals(2, image.get("size").size(), at + ": size [h, w]");
                        image.get("size").forEach(n -> assertTrue(n.isInt() && n.asInt() > 0, at + ": size " + image));
                    }
                }
                for (JsonNode ann : item.get("annotations")) {
                    assertTrue(ann.get("id").isIntegralNumber() && ann.get("group").isIntegralNumber(), at + ": " + ann);
                    assertTrue(ann.get("attributes").isObject(), at + ": attributes of " + ann);
                    if (ann.get("type").asText().equals("cuboid_3d")) {
                        assertTrue(ann.get("label_id").asInt() < labels, at + ": label_id of " + ann);
                        for (String field : List.of("position", "rotation", "scale")) {
                            assertEquals(3, ann.get(field).size(), at + ": " + field + " of " + ann);
                            ann.get(field).forEach(n -> assertTrue(n.isNumber(), at + ": " + field + " of " + ann));
                        }
                    }
                }
            }
        }
    }
}

package org.labelbridge.format.slypointcloud;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.labelbridge.testing.CorpusMatrix;
import org.labelbridge.testing.CorpusMatrix.Outcome;
import org.labelbridge.testing.OutputFiles;

/**
 * What CVAT's Sly Point Cloud import (its Datumaro fork's {@code SuperviselyPointCloudExtractor})
 * reads, checked on the output of every point cloud sample: {@code meta.json} and
 * {@code key_id_map.json} at the root; in every {@code ds0/ann/*.json} the frame key, every
 * object key and every figure key in the key map, every figure's {@code objectKey} among the
 * file's objects, every {@code classTitle} a class and every tag a tag of {@code meta.json},
 * geometry x, y, z numbers; and the point cloud {@code ds0/pointcloud/<name>} of each.
 */
class SlyPointCloudConsumerContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    @ParameterizedTest
    @MethodSource("org.labelbridge.testing.CorpusMatrix#pointCloudSamples")
    void everyOutputReadsAsDatumaroReadsIt(String sample) throws IOException {
        Outcome outcome = CorpusMatrix.forContract(sample, "sly_pointcloud", work);
        Path root = outcome.output();
        JsonNode meta = JSON.readTree(root.resolve("meta.json").toFile());
        JsonNode keys = JSON.readTree(root.resolve("key_id_map.json").toFile());
        Set<String> classes = new HashSet<>();
        meta.get("classes").forEach(c -> classes.add(c.get("title").asText()));
        Set<String> tags = new HashSet<>();
        meta.get("tags").forEach(t -> {
            tags.add(t.get("name").asText());
            assertTrue(Set.of("all", "objectsOnly", "imagesOnly").contains(t.get("applicable_type").asText()),
                    outcome + ": applicable_type of " + t);
            assertTrue(Set.of("any_string", "any_number", "oneof_string").contains(t.get("value_type").asText()),
                    outcome + ": value_type of " + t);
        });
        for (Path file : OutputFiles.matching(root, "ds0/ann/**.json")) {
            String at = outcome + " " + root.relativize(file);
            JsonNode ann = JSON.readTree(file.toFile());
            assertTrue(keys.get("videos").has(ann.get("key").asText()), at + ": the frame key is in key_id_map.json");
            ann.get("tags").forEach(t -> assertTrue(tags.contains(t.get("name").asText()), at + ": tag " + t));
            Set<String> objects = new HashSet<>();
            for (JsonNode object : ann.get("objects")) {
                objects.add(object.get("key").asText());
                assertTrue(keys.get("objects").has(object.get("key").asText()), at + ": object key in key_id_map.json");
                assertTrue(classes.contains(object.get("classTitle").asText()), at + ": classTitle " + object.get("classTitle"));
                object.get("tags").forEach(t -> assertTrue(tags.contains(t.get("name").asText()), at + ": object tag " + t));
            }
            for (JsonNode figure : ann.get("figures")) {
                assertTrue(keys.get("figures").has(figure.get("key").asText()), at + ": figure key in key_id_map.json");
                assertTrue(objects.contains(figure.get("objectKey").asText()), at + ": objectKey among the objects");
                for (String field : List.of("position", "rotation", "dimensions")) {
                    for (String axis : List.of("x", "y", "z")) {
                        assertTrue(figure.get("geometry").get(field).get(axis).isNumber(), at + ": " + field + "." + axis);
                    }
                }
            }
            String name = file.getFileName().toString().replaceFirst("\\.json$", "");
            assertTrue(Files.exists(root.resolve("ds0/pointcloud").resolve(name)), at + ": its point cloud " + name);
        }
    }
}

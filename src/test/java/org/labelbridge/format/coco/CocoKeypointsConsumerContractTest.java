package org.labelbridge.format.coco;

import static org.labelbridge.format.coco.CocoJsonFields.array;
import static org.labelbridge.format.coco.CocoJsonFields.integer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.labelbridge.testing.CorpusMatrix;
import org.labelbridge.testing.CorpusMatrix.Outcome;

/**
 * What COCO Keypoints' consumers read, checked on the output of every corpus sample: CVAT's importer
 * (Datumaro's {@code _load_person_kp_categories} and {@code _load_annotations}) and pycocotools'
 * {@code COCO} index. See the package documentation.
 */
class CocoKeypointsConsumerContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    @ParameterizedTest
    @MethodSource("org.labelbridge.testing.CorpusMatrix#samples")
    void everyOutputReadsAsCvatAndPycocotoolsRead(String sample) throws IOException {
        Outcome outcome = CorpusMatrix.forContract(sample, "coco_keypoints", work);
        Path annotations = outcome.output().resolve("annotations");
        List<Path> files;
        try (Stream<Path> list = Files.list(annotations)) {
            files = list.sorted().toList();
        }
        assertFalse(files.isEmpty(), outcome + ": no annotation file");
        for (Path file : files) {
            String name = file.getFileName().toString();
            assertTrue(name.startsWith("person_keypoints_") && name.endsWith(".json"), outcome + ": " + name);
            checkFile(outcome + " " + name, JSON.readTree(file.toFile()));
        }
    }

    /** One person_keypoints file, field by field as the consumers parse it. */
    static void checkFile(String where, JsonNode root) {
        Map<Long, Integer> nodesOfCategory = checkCategories(where, array(where, root, "categories"));
        Set<Long> images = new HashSet<>();
        for (JsonNode image : array(where, root, "images")) {
            assertTrue(images.add(integer(where + " image", image, "id")), where + ": image ids repeat: " + image);
            assertTrue(image.path("file_name").isTextual(), where + ": image without file_name: " + image);
            integer(where + " image", image, "width");
            integer(where + " image", image, "height");
        }
        Set<Long> ids = new HashSet<>();
        for (JsonNode annotation : array(where, root, "annotations")) {
            String at = where + " annotation " + annotation.path("id");
            assertTrue(ids.add(integer(at, annotation, "id")), at + ": annotation ids repeat");
            assertTrue(images.contains(integer(at, annotation, "image_id")), at + ": unknown image_id");
            long category = integer(at, annotation, "category_id");
            Integer nodes = nodesOfCategory.get(category);
            assertTrue(nodes != null, at + ": category_id " + category + " is not a category");
            assertTrue(nodes > 0, at + ": its category declares no keypoints");
            long crowd = integer(at, annotation, "iscrowd");
            assertTrue(crowd == 0 || crowd == 1, at + ": iscrowd " + crowd);
            JsonNode segmentation = annotation.get("segmentation");
            assertTrue(segmentation != null && (segmentation.isArray() || segmentation.isObject()),
                    at + ": segmentation must be a list or an RLE object");
            if (segmentation.isArray()) {
                for (JsonNode polygon : segmentation) {
                    assertTrue(polygon.isArray() && polygon.size() % 2 == 0 && polygon.size() >= 6,
                            at + ": a polygon of at least 3 x, y pairs: " + polygon);
                }
            }
            JsonNode bbox = annotation.get("bbox");
            assertTrue(bbox != null && bbox.isArray() && bbox.size() == 4, at + ": bbox [x, y, w, h]");
            assertTrue(annotation.path("area").isNumber(), at + ": area");
            JsonNode keypoints = annotation.get("keypoints");
            assertTrue(keypoints != null && keypoints.isArray(), at + ": Missing annotation field 'keypoints'");
            assertEquals(3 * nodes, keypoints.size(), at + ": 3 values (x, y, v) per declared node of its category");
            int labelled = 0;
            for (int k = 0; k < keypoints.size(); k += 3) {
                assertTrue(keypoints.get(k).isNumber() && keypoints.get(k + 1).isNumber(), at + ": keypoint x, y");
                assertTrue(keypoints.get(k + 2).canConvertToInt(), at + ": keypoint v " + keypoints.get(k + 2));
                int v = keypoints.get(k + 2).asInt();
                assertTrue(v >= 0 && v <= 2, at + ": keypoint v " + v);
                labelled += v > 0 ? 1 : 0;
            }
            assertEquals(labelled, integer(at, annotation, "num_keypoints"), at + ": num_keypoints = count of v > 0");
        }
    }

    /**
     * Category ids and names unique; every category with {@code keypoints} and {@code skeleton}
     * lists; no category that is a keypoint of another (CVAT adds each keypoint as a label under
     * its category: "Label ... already exists").
     *
     * @return the number of declared keypoints of each category id
     */
    private static Map<Long, Integer> checkCategories(String where, JsonNode categories) {
        Map<Long, Integer> nodes = new HashMap<>();
        Set<String> names = new HashSet<>();
        Set<List<String>> labels = new HashSet<>();
        List<List<String>> keypointLabels = new ArrayList<>();
        for (JsonNode category : categories) {
            String at = where + " category " + category;
            long id = integer(at, category, "id");
            assertTrue(id > 0, at + ": category id 0 is no label");
            String name = category.path("name").asText(null);
            assertTrue(name != null, at + ": name");
            assertTrue(names.add(name), at + ": category names repeat");
            labels.add(List.of(category.path("supercategory").asText(""), name));
            JsonNode keypoints = category.get("keypoints");
            JsonNode skeleton = category.get("skeleton");
            assertTrue(keypoints != null && keypoints.isArray(), at + ": Missing field 'keypoints'");
            assertTrue(skeleton != null && skeleton.isArray(), at + ": Missing field 'skeleton'");
            for (JsonNode keypoint : keypoints) {
                assertTrue(keypoint.isTextual(), at + ": keypoint names are text");
                keypointLabels.add(List.of(name, keypoint.asText()));
            }
            for (JsonNode edge : skeleton) {
                assertTrue(edge.isArray() && edge.size() == 2, at + ": an edge is a pair");
                for (JsonNode end : edge) {
                    assertTrue(end.canConvertToInt() && end.asInt() >= 1 && end.asInt() <= keypoints.size(),
                            at + ": edge ends are 1-based keypoint numbers");
                }
            }
            if (nodes.put(id, keypoints.size()) != null) {
                fail(at + ": category ids repeat");
            }
        }
        for (List<String> keypoint : keypointLabels) {
            assertFalse(labels.contains(keypoint), where + ": keypoint '" + keypoint.get(1) + "' of '"
                    + keypoint.get(0) + "' is also a category (Label already exists)");
            assertTrue(labels.add(keypoint), where + ": keypoint '" + keypoint.get(1) + "' of '" + keypoint.get(0)
                    + "' repeats");
        }
        return nodes;
    }
}

package org.labelbridge.format.datumaro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * What CVAT's Datumaro importer reads of a Datumaro 1.0 dataset, checked on the output of every
 * corpus sample: {@code datumaro/plugins/data_formats/datumaro/base.py} of cvat-ai/datumaro
 * ({@code _load_categories}, {@code _load_items}, {@code _load_annotations}) and the annotation
 * classes' own checks in {@code components/annotation.py}. See the package documentation.
 */
class DatumaroConsumerContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> TYPES = Set.of("label", "mask", "points", "polygon", "polyline", "bbox",
            "caption", "cuboid_3d", "ellipse", "skeleton", "cuboid_2d");

    @TempDir
    Path work;

    @ParameterizedTest
    @MethodSource("org.labelbridge.testing.CorpusMatrix#samples")
    void everyOutputReadsAsDatumaroReadsIt(String sample) throws IOException {
        Outcome outcome = CorpusMatrix.forContract(sample, "datumaro", work);
        List<Path> files;
        try (Stream<Path> list = Files.list(outcome.output().resolve("annotations"))) {
            files = list.sorted().toList();
        }
        assertFalse(files.isEmpty(), outcome + ": no annotation file");
        for (Path file : files) {
            assertTrue(file.getFileName().toString().endsWith(".json"), outcome + ": " + file.getFileName());
            checkFile(outcome + " " + file.getFileName(), JSON.readTree(file.toFile()));
        }
    }

    static void checkFile(String where, JsonNode root) {
        JsonNode categories = root.path("categories");
        assertTrue(categories.isObject(), where + ": categories");
        int labels = checkLabels(where, categories.path("label"));
        Map<Integer, Integer> nodes = new HashMap<>();
        for (JsonNode skeleton : categories.path("points").path("items")) {
            int label = skeleton.path("label_id").asInt(-1);
            assertTrue(label >= 0 && label < labels, where + ": points category of label_id " + label);
            int count = skeleton.path("labels").size();
            nodes.put(label, count);
            for (JsonNode joint : skeleton.path("joints")) {
                assertTrue(joint.size() == 2 && joint.get(0).asInt() >= 1 && joint.get(0).asInt() <= count
                        && joint.get(1).asInt() >= 1 && joint.get(1).asInt() <= count,
                        where + ": joints are 1-based node numbers: " + joint);
            }
        }
        for (JsonNode colour : categories.path("mask").path("colormap")) {
            int label = colour.path("label_id").asInt(-1);
            assertTrue(label >= 0 && label < labels, where + ": colormap entry of label_id " + label);
        }
        JsonNode items = root.get("items");
        assertTrue(items != null && items.isArray(), where + ": items");
        Set<String> ids = new HashSet<>();
        for (JsonNode item : items) {
            String at = where + " item " + item.path("id");
            assertTrue(item.path("id").isTextual(), at + ": id");
            assertTrue(ids.add(item.get("id").asText()), at + ": item ids repeat in a subset (the later replaces)");
            JsonNode image = item.get("image");
            if (image != null) {
                JsonNode path = image.get("path");
                assertTrue(path == null || path.isNull() || path.isTextual(), at + ": image path (absent: <id>.jpg)");
                JsonNode size = image.get("size");
                if (size != null && !size.isNull()) {
                    assertTrue(size.isArray() && size.size() == 2 && size.get(0).isIntegralNumber()
                            && size.get(1).isIntegralNumber(), at + ": image size [h, w]");
                }
            }
            for (JsonNode annotation : item.path("annotations")) {
                checkAnnotation(at + " annotation " + annotation.path("id"), annotation, labels, nodes);
            }
        }
    }

    /** LabelCategories.add: a name once per parent, a parent declared before it is used. */
    private static int checkLabels(String where, JsonNode label) {
        Set<List<String>> keys = new HashSet<>();
        Set<String> names = new HashSet<>();
        JsonNode list = label.path("labels");
        for (JsonNode entry : list) {
            String name = entry.path("name").asText(null);
            assertTrue(name != null, where + ": a label without a name");
            String parent = entry.path("parent").asText("");
            assertTrue(keys.add(List.of(parent, name)), where + ": label '" + name + "' repeats under '" + parent + "'");
            names.add(name);
            for (JsonNode attribute : entry.path("attributes")) {
                assertTrue(attribute.isTextual(), where + ": attribute names are text");
            }
        }
        for (JsonNode entry : list) {
            String parent = entry.path("parent").asText("");
            assertTrue(parent.isEmpty() || names.contains(parent), where + ": parent '" + parent + "' is no label");
        }
        return list.size();
    }

    private static void checkAnnotation(String at, JsonNode annotation, int labels, Map<Integer, Integer> nodes) {
        String type = annotation.path("type").asText();
        assertTrue(TYPES.contains(type), at + ": type '" + type + "' is no AnnotationType");
        assertTrue(annotation.path("id").isIntegralNumber(), at + ": id");
        assertTrue(annotation.path("attributes").isObject(), at + ": attributes");
        assertTrue(annotation.path("group").isIntegralNumber(), at + ": group");
        JsonNode label = annotation.get("label_id");
        if (label != null && !label.isNull()) {
            assertTrue(label.isIntegralNumber() && label.asInt() >= 0 && label.asInt() < labels,
                    at + ": label_id " + label + " of " + labels + " labels (CVAT indexes the categories by it)");
        }
        switch (type) {
            case "bbox" -> {
                JsonNode box = annotation.path("bbox");
                assertTrue(box.size() == 4 && box.get(2).asDouble() >= 0 && box.get(3).asDouble() >= 0,
                        at + ": bbox [x, y, w, h]");
            }
            case "polygon" -> {
                int n = numbers(at, annotation.path("points"));
                assertTrue(n % 2 == 0 && n >= 6, at + ": Polygon needs 3 x, y pairs or more (annotation.py asserts it)");
            }
            case "polyline" -> {
                int n = numbers(at, annotation.path("points"));
                assertTrue(n % 2 == 0 && n >= 4, at + ": a polyline of 2 points or more");
            }
            case "points" -> assertEquals(0, numbers(at, annotation.path("points")) % 2, at + ": x, y pairs");
            case "ellipse" -> assertEquals(4, numbers(at, annotation.path("points")), at + ": ellipse corners");
            case "mask" -> {
                JsonNode rle = annotation.path("rle");
                assertTrue(rle.path("counts").isTextual(), at + ": rle counts as COCO's compressed string");
                assertTrue(rle.path("size").size() == 2, at + ": rle size [h, w]");
            }
            case "skeleton" -> {
                if (annotation.has("elements")) {
                    for (JsonNode element : annotation.path("elements")) {
                        checkAnnotation(at + " element", element, labels, nodes);
                    }
                } else {
                    Integer count = nodes.get(label == null ? -1 : label.asInt());
                    assertTrue(count != null, at + ": a compact skeleton's label has a points category");
                    assertEquals(3 * count, numbers(at, annotation.path("points")), at + ": x, y, v per node");
                }
            }
            default -> {
            }
        }
    }

    private static int numbers(String at, JsonNode values) {
        assertTrue(values.isArray(), at + ": points is a list");
        for (JsonNode value : values) {
            assertTrue(value.isNumber(), at + ": points are numbers: " + value);
        }
        return values.size();
    }
}

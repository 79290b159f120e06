package org.labelbridge.format.labelstudio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.labelbridge.format.FormatException;
import org.labelbridge.testing.CorpusMatrix;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What Label Studio needs of an import, on the output of every corpus sample: a list of tasks
 * whose {@code data.image} the config's Image tag reads; no {@code completed_by} (an id or email
 * that is no member of the organisation fails the import, BaseTaskSerializerBulk
 * {@code _insert_valid_completed_by}); every result's {@code from_name} a control tag of the
 * written config of the result's {@code type}, its {@code to_name} the Image tag, its labels among
 * the tag's, as LabelInterface.validate_prediction checks predictions; region results in percent
 * (0..100) with {@code original_width}/{@code original_height}; a brush RLE of
 * {@code 4 x width x height} values; a {@code parentID} or per-region result naming a region of
 * the same annotation.
 */
class LabelStudioConsumerContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    static Stream<String> samples() {
        return CorpusMatrix.samples().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everyOutputImportsIntoLabelStudio(String sample) throws Exception {
        CorpusMatrix.Outcome outcome = CorpusMatrix.forContract(sample, "label_studio", work);
        Path root = outcome.output();
        Map<String, Tag> tags = config(root.resolve("label_config.xml"));
        JsonNode tasks = JSON.readTree(root.resolve("tasks.json").toFile());
        assertTrue(tasks.isArray(), outcome + ": a list of tasks");
        for (JsonNode task : tasks) {
            String at = outcome + ", task " + task.path("id");
            assertTrue(task.path("id").isIntegralNumber(), at + ": id");
            assertTrue(task.path("data").path("image").isTextual(), at + ": data.image for <Image value=\"$image\">");
            for (JsonNode annotation : task.path("annotations")) {
                assertTrue(annotation.path("completed_by").isMissingNode(), at + ": completed_by");
                assertFalse(annotation.path("ground_truth").asBoolean(true), at + ": ground_truth (true when absent)");
                results(at, annotation.path("result"), tags);
            }
            for (JsonNode prediction : task.path("predictions")) {
                assertTrue(prediction.path("model_version").isTextual(), at + ": model_version");
                assertTrue(prediction.path("score").isMissingNode() || prediction.path("score").isNumber(), at);
                results(at, prediction.path("result"), tags);
            }
        }
    }

    private record Tag(String type, Set<String> labels, boolean perRegion) {
    }

    private static void results(String at, JsonNode results, Map<String, Tag> tags) throws Exception {
        assertTrue(results.isArray(), at + ": result is a list");
        Set<String> regions = new HashSet<>();
        for (JsonNode result : results) {
            if (LabelledShape.isShape(result.path("type").asText())) {
                assertTrue(regions.add(result.path("id").asText()), at + ": region ids are unique: " + result);
            }
        }
        for (JsonNode result : results) {
            String type = result.path("type").asText();
            String where = at + ", result " + result.path("id").asText("(whole image)") + " (" + type + ")";
            Tag tag = tags.get(result.path("from_name").asText());
            assertTrue(tag != null, where + ": from_name '" + result.path("from_name").asText() + "' is no tag of "
                    + tags.keySet());
            assertEquals(tag.type(), type, where + ": the tag's type");
            assertEquals("image", result.path("to_name").asText(), where + ": to_name");
            JsonNode value = result.path("value");
            if (LabelledShape.isShape(type)) {
                int width = result.path("original_width").asInt();
                int height = result.path("original_height").asInt();
                assertTrue(width > 0 && height > 0, where + ": original_width and original_height");
                region(where, type, value, width, height);
                String parent = result.path("parentID").asText(null);
                assertTrue(parent == null || regions.contains(parent), where + ": parentID " + parent);
            } else if (tag.perRegion()) {
                assertTrue(regions.contains(result.path("id").asText()), where + ": a per-region result names a region");
            }
            if (!tag.labels().isEmpty() || type.endsWith("labels")) {
                for (JsonNode label : value.path(type)) {
                    assertTrue(tag.labels().contains(label.asText()), where + ": '" + label.asText() + "' is no"
                            + " label of its tag");
                }
            }
        }
    }

    private static void region(String where, String type, JsonNode value, int width, int height) throws Exception {
        if (type.startsWith("brush")) {
            assertEquals("rle", value.path("format").asText(), where);
            int[] bytes = new int[value.path("rle").size()];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = value.path("rle").get(i).asInt();
            }
            try {
                BrushRle.decode(bytes, width, height);
            } catch (FormatException e) {
                throw new AssertionError(where + ": " + e.getMessage(), e);
            }
            return;
        }
        if (type.startsWith("polygon")) {
            assertTrue(value.path("points").size() >= 3, where + ": 3 or more points");
            value.path("points").forEach(p -> {
                percent(where, p.get(0));
                percent(where, p.get(1));
            });
            return;
        }
        for (String field : new String[] {"x", "y", "width", "height"}) {
            if (value.has(field) || !type.startsWith("keypoint")) {
                assertTrue(value.path(field).isNumber(), where + ": value." + field);
            }
        }
        if (type.startsWith("keypoint")) {
            percent(where, value.path("x"));
            percent(where, value.path("y"));
        } else {
            assertTrue(value.path("width").asDouble() >= 0 && value.path("height").asDouble() >= 0, where);
        }
    }

    /** A point may lie a little outside the image in every format; Label Studio keeps what it is given. */
    private static void percent(String where, JsonNode n) {
        assertTrue(n.isNumber() && Double.isFinite(n.asDouble()), where + ": a percentage " + n);
    }

    /** Control tags by name: the result type each gives, its labels, whether it is per region. */
    private static Map<String, Tag> config(Path file) throws Exception {
        assertTrue(Files.exists(file), "label_config.xml");
        Element view = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile())
                .getDocumentElement();
        assertEquals("View", view.getTagName());
        Map<String, Tag> tags = new HashMap<>();
        NodeList children = view.getChildNodes();
        boolean image = false;
        for (int i = 0; i < children.getLength(); i++) {
            if (!(children.item(i) instanceof Element tag)) {
                continue;
            }
            if (tag.getTagName().equals("Image")) {
                image = tag.getAttribute("name").equals("image") && tag.getAttribute("value").equals("$image");
                continue;
            }
            Set<String> labels = new HashSet<>();
            NodeList values = tag.getChildNodes();
            for (int k = 0; k < values.getLength(); k++) {
                if (values.item(k) instanceof Element v) {
                    labels.add(v.getAttribute("value"));
                }
            }
            assertEquals("image", tag.getAttribute("toName"), tag.getTagName());
            Tag before = tags.put(tag.getAttribute("name"), new Tag(tag.getTagName().toLowerCase(Locale.ROOT), labels,
                    "true".equals(tag.getAttribute("perRegion"))));
            assertTrue(before == null, "tag names are unique: " + tag.getAttribute("name"));
        }
        assertTrue(image, "<Image name=\"image\" value=\"$image\"/>");
        return tags;
    }
}

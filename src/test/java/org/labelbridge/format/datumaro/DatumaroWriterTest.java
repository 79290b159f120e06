package org.labelbridge.format.datumaro;

import org.labelbridge.testing.RecordedProblems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.format.common.CocoRle;
import org.labelbridge.model.AttributeDef;
import org.labelbridge.model.AttributeType;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;
import org.labelbridge.model.Label;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.Datasets;

/** What the writer puts in the files, checked on the JSON itself. */
class DatumaroWriterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DatumaroFormat format = new DatumaroFormat();
    @TempDir
    Path dir;
    private JsonNode train;

    @BeforeEach
    void writeEveryKind() throws IOException {
        Datasets.write(format, EveryKindDataset.dataset(), dir, null, new RecordedProblems());
        train = JSON.readTree(dir.resolve("annotations/train.json").toFile());
    }

    private static JsonNode json(String text) throws IOException {
        return JSON.readTree(text.replace('\'', '"'));
    }

    private JsonNode annotation(int index) {
        return train.get("items").get(0).get("annotations").get(index);
    }

    @Test
    void oneFilePerSubsetUnderAnnotations() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            assertEquals(List.of("annotations/test.json", "annotations/train.json", "annotations/val.json"),
                    files.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList());
        }
    }

    @Test
    void fileStartsWithInfoAndCategoriesThenItems() {
        List<String> fields = new ArrayList<>();
        train.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("info", "categories", "items"), fields);
    }

    @Test
    void categoriesHoldLabelsColoursAndSkeletonWithOneBasedJoints() throws IOException {
        assertEquals(json("""
                {'label': {'labels': [
                   {'name': 'car', 'parent': '', 'attributes': ['color', 'count']},
                   {'name': 'sedan', 'parent': 'car', 'attributes': []},
                   {'name': 'person', 'parent': '', 'attributes': []},
                   {'name': 'body', 'parent': '', 'attributes': []},
                   {'name': 'head', 'parent': 'body', 'attributes': []},
                   {'name': 'hand', 'parent': 'body', 'attributes': ['custom']}],
                  'attributes': ['occluded', 'score']},
                 'mask': {'colormap': [{'label_id': 0, 'r': 255, 'g': 0, 'b': 0},
                                       {'label_id': 2, 'r': 0, 'g': 128, 'b': 255}]},
                 'points': {'items': [{'label_id': 3, 'labels': ['head', 'hand'], 'joints': [[1, 2]]}]}}
                """), train.get("categories"));
    }

    @Test
    void itemHasIdAttributesAndImagePathWithSizeAsHeightWidth() throws IOException {
        JsonNode item = train.get("items").get(0);
        assertEquals("a", item.get("id").asText());
        assertEquals(json("{'frame': 3, 'id': 17, 'note': 'first', 'ratio': 0.25, 'checked': false}"), item.get("attr"));
        assertEquals(json("{'path': 'a.png', 'size': [6, 8]}"), item.get("image"));
        JsonNode withoutMedia = train.get("items").get(1);
        assertEquals("sub/b", withoutMedia.get("id").asText());
        assertFalse(withoutMedia.has("image"));
        assertFalse(withoutMedia.has("attr"));
    }

    @Test
    void imageWithoutPathKeepsItsSizeOnly() throws IOException {
        JsonNode test = JSON.readTree(dir.resolve("annotations/test.json").toFile());
        assertEquals(json("{'size': [4, 5]}"), test.get("items").get(0).get("image"));
    }

    @Test
    void boxCarriesTrackDataAndRotationAsAttributes() throws IOException {
        assertEquals(json("""
                {'id': 2, 'type': 'bbox',
                 'attributes': {'occluded': true, 'color': 'red', 'count': 3, 'score': 0.75, 'tags': ['x', 1, true],
                                'track_id': 7, 'keyframe': true, 'outside': false, 'rotation': 30.5},
                 'group': 3, 'label_id': 0, 'bbox': [1.5, 2.0, 3.25, 4.0], 'z_order': 1}
                """), annotation(1));
    }

    @Test
    void tagIsALabelAnnotationWithoutZOrder() throws IOException {
        assertEquals(json("{'id': 1, 'type': 'label', 'attributes': {'score': 0.5}, 'group': 0, 'label_id': 2}"),
                annotation(0));
    }

    @Test
    void unlabelledShapeHasANullLabelId() {
        assertTrue(annotation(3).get("label_id").isNull());
        assertEquals("polyline", annotation(3).get("type").asText());
    }

    @Test
    void pointsCarryTheirVisibility() throws IOException {
        assertEquals(json("[1.0, 2.0, 3.0, 4.0, 5.0, 6.0]"), annotation(4).get("points"));
        assertEquals(json("[2, 1, 0]"), annotation(4).get("visibility"));
    }

    @Test
    void maskIsCocoCompressedRleWithSizeAsHeightWidth() throws IOException {
        JsonNode rle = annotation(5).get("rle");
        assertEquals(CocoRle.encode(EveryKindDataset.mask()), rle.get("counts").asText());
        assertEquals(json("[6, 8]"), rle.get("size"));
    }

    @Test
    void ellipseIsWrittenAsItsBoundingCorners() throws IOException {
        assertEquals(json("[2.0, 1.75, 7.0, 4.25]"), annotation(6).get("points"));
        assertFalse(annotation(6).get("attributes").has("rotation"));
        assertEquals(json("[2.0, 2.0, 6.0, 4.0]"), annotation(7).get("points"));
        assertEquals(json("{'track_id': 8, 'keyframe': false, 'outside': true, 'rotation': 15.0}"),
                annotation(7).get("attributes"));
    }

    @Test
    void cuboidsKeepTheirPointsAndPose() throws IOException {
        assertEquals(json("[[1.0, 1.0], [1.0, 4.0], [4.0, 1.0], [4.0, 4.0], [2.0, 0.5], [2.0, 3.5], [5.0, 0.5], [5.0, 3.5]]"),
                annotation(8).get("points"));
        JsonNode cuboid = annotation(9);
        assertEquals(json("[1.0, 2.0, 3.0]"), cuboid.get("position"));
        assertEquals(json("[0.0, 0.5, 0.25]"), cuboid.get("rotation"));
        assertEquals(json("[2.0, 1.0, 1.5]"), cuboid.get("scale"));
        assertEquals(5, cuboid.get("group").asInt());
    }

    @Test
    void skeletonWhoseNodesCarryIdsIsWrittenAsPointsElements() throws IOException {
        assertEquals(json("""
                {'id': 11, 'type': 'skeleton',
                 'attributes': {'occluded': false, 'track_id': 9, 'keyframe': true, 'outside': false},
                 'group': 4, 'label_id': 3,
                 'elements': [
                   {'id': 12, 'type': 'points', 'attributes': {'outside': false}, 'group': 0, 'label_id': 4,
                    'points': [2.0, 1.0], 'visibility': [2], 'z_order': 0},
                   {'id': 13, 'type': 'points', 'attributes': {'custom': 'v'}, 'group': 0, 'label_id': 5,
                    'points': [3.0, 2.5], 'visibility': [1], 'z_order': 0}],
                 'z_order': 3}
                """), annotation(10));
    }

    @Test
    void skeletonThatFollowsItsLayoutIsWrittenInCvatsCompactForm() throws IOException {
        assertEquals(json("""
                {'id': 16, 'type': 'skeleton', 'attributes': {}, 'group': 0, 'label_id': 3,
                 'points': [5.0, 6.0, 2, 7.0, 8.5, 0], 'points_attributes': [{}, {'custom': 'w'}], 'z_order': 0}
                """), train.get("items").get(1).get("annotations").get(1));
    }

    @Test
    void captionHasItsTextAndNoLabelUnlessGiven() throws IOException {
        assertEquals(json("{'id': 14, 'type': 'caption', 'attributes': {}, 'group': 1, 'caption': 'a red car'}"),
                annotation(11));
        assertEquals(2, annotation(12).get("label_id").asInt());
        assertEquals(5, annotation(12).get("z_order").asInt());
    }

    @Test
    void skeletonSampleIsWrittenBackAsCvatWroteIt(@TempDir Path out) throws IOException {
        Datasets.write(format, Datasets.read(format, Corpus.source("datumaro_1.0/cvd_with_skeleton")), out, null,
                new RecordedProblems());
        JsonNode written = JSON.readTree(out.resolve("annotations/default.json").toFile());
        JsonNode original = JSON.readTree(Corpus.path("datumaro_1.0/cvd_with_skeleton/annotations/default.json").toFile());
        // The one difference: z_order, which the model has for every shape and is written for them all.
        JsonNode skeleton = written.get("items").get(0).get("annotations").get(0);
        assertEquals(0, skeleton.get("z_order").asInt());
        ((com.fasterxml.jackson.databind.node.ObjectNode) skeleton).remove("z_order");
        assertEquals(original, written);
    }

    @Test
    void emptyDatasetStillWritesItsCategories(@TempDir Path empty) throws IOException {
        Datasets.write(format, new Datasets.Loaded(Categories.ofNames(List.of("a", "b")), List.of()), empty, null,
                new RecordedProblems());
        JsonNode file = JSON.readTree(empty.resolve("annotations/default.json").toFile());
        assertEquals(2, file.get("categories").get("label").get("labels").size());
        assertEquals(0, file.get("items").size());
    }

    @Test
    void imagesAreCopiedUnderTheirSubsetAsIdAndExtension(@TempDir Path out) throws IOException {
        Datasets.Loaded sample = Datasets.read(format, Corpus.source("datumaro_1.0/cvd_with_skeleton"));
        Datasets.Loaded moved = new Datasets.Loaded(sample.categories(),
                List.of(sample.items().get(0).withSubset("train")));
        Datasets.write(format, moved, out, Corpus.source("datumaro_1.0/cvd_with_skeleton"), new RecordedProblems());
        assertTrue(Files.isRegularFile(out.resolve("images/train/100.jpg")));
        JsonNode item = JSON.readTree(out.resolve("annotations/train.json").toFile()).get("items").get(0);
        assertEquals(json("{'path': '100.jpg', 'size': [10, 6]}"), item.get("image"));
    }

    @Test
    void twoItemsWithOneIdInASubsetCopyTheImageOnce(@TempDir Path out) throws IOException {
        Datasets.Loaded sample = Datasets.read(format, Corpus.source("datumaro_1.0/cvd_with_skeleton"));
        Item item = sample.items().get(0);
        RecordedProblems problems = new RecordedProblems();
        Path zip = out.resolve("out.zip");
        try (org.labelbridge.archive.ZipOutput output = new org.labelbridge.archive.ZipOutput(zip,
                Corpus.source("datumaro_1.0/cvd_with_skeleton"), true)) {
            var writer = format.writer(output, problems);
            writer.begin(sample.categories());
            writer.write(item);
            writer.write(item);
            writer.finish();
            output.finish();
            assertEquals(1, output.mediaCopied());
        }
        assertTrue(problems.any("item 100: an earlier item of subset 'default' has the same id"), problems.lines.toString());
    }

    @Test
    void missingImagesAndTypedAttributeDefinitionsAreReported(@TempDir Path out) throws IOException {
        Categories typed = Categories.of(List.of(new Label("car", "", List.of(
                new AttributeDef("color", AttributeType.SELECT, false, List.of("red", "blue"), "red")))));
        RecordedProblems problems = new RecordedProblems();
        Datasets.write(format, new Datasets.Loaded(typed, List.of(new Item("x", "default",
                new org.labelbridge.model.Media("nowhere/x.jpg", 2, 2), List.of(), Map.of()))),
                out, Corpus.source("datumaro_1.0/cvd_with_skeleton"), problems);
        assertTrue(problems.any("keeps only the names of label attributes"), problems.lines.toString());
        assertTrue(problems.any("1 image(s) are not in the source and were not copied (the first: nowhere/x.jpg)"),
                problems.lines.toString());
    }
}

package org.labelbridge.format.coco;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.labelbridge.archive.DirectorySource;
import org.labelbridge.archive.InputArchive;
import org.labelbridge.convert.ConversionOptions;
import org.labelbridge.convert.ConversionRequest;
import org.labelbridge.convert.ConversionResult;
import org.labelbridge.convert.Converter;
import org.labelbridge.format.Detection;
import org.labelbridge.format.FormatException;
import org.labelbridge.format.Formats;
import org.labelbridge.format.Problems;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.AnnotationInfo;
import org.labelbridge.model.Bbox;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;
import org.labelbridge.model.Label;
import org.labelbridge.model.Media;
import org.labelbridge.model.Points;
import org.labelbridge.model.Polygon;
import org.labelbridge.model.Skeleton;
import org.labelbridge.model.SkeletonDef;
import org.labelbridge.model.Tag;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.Datasets;
import org.labelbridge.testing.Datasets.Loaded;
import org.labelbridge.testing.RecordedProblems;

/**
 * COCO Keypoints 1.0: {@code annotations/person_keypoints_<subset>.json}; a skeleton category names
 * its keypoints and edges, each object has x, y, v keypoints with the box and polygons of its group.
 */
class CocoKeypointsTest {

    private static final CocoKeypointsFormat KEYPOINTS = new CocoKeypointsFormat();
    private static final CocoFormat COCO = new CocoFormat();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** Labels: person (skeleton of nose, l_eye, r_eye), its nodes, and car. */
    static Categories personCategories() {
        return new Categories(List.of(Label.named("person"), new Label("nose", "person", List.of()),
                new Label("l_eye", "person", List.of()), new Label("r_eye", "person", List.of()), Label.named("car")),
                List.of(), Map.of(0, new SkeletonDef(List.of(1, 2, 3),
                        List.of(new SkeletonDef.Edge(0, 1), new SkeletonDef.Edge(0, 2)))), Map.of());
    }

    private static Skeleton person(long id, Map<String, Object> attributes, double[] xy, byte[] v) {
        List<Points> nodes = List.of(
                new Points(AnnotationInfo.of(1), new double[] {xy[0], xy[1]}, new byte[] {v[0]}),
                new Points(AnnotationInfo.of(2), new double[] {xy[2], xy[3]}, new byte[] {v[1]}),
                new Points(AnnotationInfo.of(3), new double[] {xy[4], xy[5]}, new byte[] {v[2]}));
        return new Skeleton(new AnnotationInfo(0, id, (int) id, 0, attributes, null), nodes);
    }

    private static AnnotationInfo info(int label, long id, Map<String, Object> attributes) {
        return new AnnotationInfo(label, id, (int) id, 0, attributes, null);
    }

    /** Several items: skeletons with hidden and absent nodes, group boxes, a segmentation, images without objects. */
    static Loaded personDataset() {
        Map<String, Object> plain = Map.of("is_crowd", false);
        Map<String, Object> scored = Map.of("is_crowd", false, "score", 0.5, "pose", "front");
        Item first = new Item("walk/p1", "train", new Media("images/train/walk/p1.jpg", 40, 30), List.of(
                person(1, plain, new double[] {10, 5, 8, 3, 12.5, 3}, new byte[] {2, 2, 1}),
                new Bbox(info(0, 1, plain), 4, 1, 14, 20),
                new Polygon(info(0, 1, plain), new double[] {5, 2, 17, 2, 17, 20, 5, 20}),
                person(2, scored, new double[] {30, 20, 0, 0, 33, 18}, new byte[] {2, 0, 2})),
                Map.of("id", 7L));
        Item second = new Item("p2", "train", new Media("images/train/p2.jpg", 20, 20), List.of(
                person(5, plain, new double[] {1, 1, 2, 2, 3, 3}, new byte[] {1, 1, 1}),
                new Bbox(info(0, 5, plain), 0.5, 0.5, 3, 3.25)),
                Map.of("id", 8L));
        Item third = new Item("c1", "val", new Media("images/val/c1.jpg", 10, 10), List.of(), Map.of("id", 1L));
        Item empty = new Item("none", "val", new Media("images/val/none.jpg", 10, 10), List.of(), Map.of("id", 2L));
        return new Loaded(personCategories(), List.of(first, second, third, empty));
    }

    @Test
    void roundTripKeepsSkeletonsVisibilityBoxesAndGroups() throws IOException {
        Loaded original = personDataset();
        Datasets.write(KEYPOINTS, original, dir, null, Problems.IGNORE);
        Loaded again = Datasets.read(KEYPOINTS, DirectorySource.of(dir));

        assertEquals(original.categories(), again.categories());
        assertEquals(original.items(), again.items());
        assertEquals(List.of("annotations/person_keypoints_train.json", "annotations/person_keypoints_val.json"),
                DirectorySource.of(dir).files());
        assertEquals(Detection.STRONG, KEYPOINTS.detect(DirectorySource.of(dir)).confidence());
        assertEquals(Detection.MEDIUM, COCO.detect(DirectorySource.of(dir)).confidence());
    }

    @Test
    void writesCategoriesWithKeypointNamesAndOneBasedEdges() throws IOException {
        Datasets.write(KEYPOINTS, personDataset(), dir, null, Problems.IGNORE);
        JsonNode train = JSON.readTree(dir.resolve("annotations/person_keypoints_train.json").toFile());

        assertEquals(JSON.readTree("""
                [{"id":1,"name":"person","supercategory":"","keypoints":["nose","l_eye","r_eye"],
                  "skeleton":[[1,2],[1,3]]},
                 {"id":5,"name":"car","supercategory":"","keypoints":[],"skeleton":[]}]"""),
                train.get("categories"));
        JsonNode annotations = train.get("annotations");
        assertEquals(3, annotations.size());
        assertEquals(JSON.readTree("""
                {"id":1,"image_id":7,"category_id":1,"segmentation":[[5.0,2.0,17.0,2.0,17.0,20.0,5.0,20.0]],
                 "area":216.0,"bbox":[4.0,1.0,14.0,20.0],"iscrowd":0,
                 "keypoints":[10.0,5.0,2,8.0,3.0,2,12.5,3.0,1],"num_keypoints":3}"""), annotations.get(0));
        // no box in its group: the frame of the labelled keypoints; an absent point keeps its place
        assertEquals(JSON.readTree("""
                {"id":2,"image_id":7,"category_id":1,"segmentation":[],"area":6.0,"bbox":[30.0,18.0,3.0,2.0],
                 "iscrowd":0,"keypoints":[30.0,20.0,2,0.0,0.0,0,33.0,18.0,2],"num_keypoints":2,"score":0.5,
                 "attributes":{"pose":"front"}}"""), annotations.get(1));
        assertEquals(List.of(7L, 8L), List.of(train.get("images").get(0).get("id").asLong(),
                train.get("images").get(1).get("id").asLong()));
        assertEquals("walk/p1.jpg", train.get("images").get(0).get("file_name").asText());
    }

    @Test
    void reportsWhatItCannotHold() throws IOException {
        Item item = new Item("x", "default", new Media("images/default/x.jpg", 10, 10), List.of(
                new Bbox(info(4, 1, Map.of()), 1, 1, 2, 2),
                new Tag(AnnotationInfo.of(4)),
                person(2, Map.of(), new double[] {1, 1, 2, 2, 3, 3}, new byte[] {2, 2, 2}),
                new Bbox(info(0, 2, Map.of()), 1, 1, 2, 2)), Map.of());
        RecordedProblems problems = new RecordedProblems();
        Datasets.write(KEYPOINTS, new Loaded(personCategories(), List.of(item)), dir, null, problems);

        String all = String.join("\n", problems.lines);
        assertTrue(all.contains("only beside the keypoints of their group"), all);
        assertTrue(all.contains("COCO Keypoints holds keypoints"), all);
        assertTrue(all.contains("exactly the frame of its"), all);
    }

    /** The corpus' person_keypoints files alone: unnamed keypoints are points; the box is kept beside them. */
    @Test
    void corpusKeypointsFilesAlone() throws IOException {
        Path sample = Corpus.path("coco_1.0/coco");
        Files.createDirectories(dir.resolve("annotations"));
        for (String subset : List.of("train", "val")) {
            Files.copy(sample.resolve("annotations/person_keypoints_" + subset + ".json"),
                    dir.resolve("annotations/person_keypoints_" + subset + ".json"));
        }
        assertEquals(Detection.STRONG, KEYPOINTS.detect(DirectorySource.of(dir)).confidence());
        assertEquals("coco_keypoints", Converter.detect(dir).format().id());

        Loaded loaded = Datasets.read(KEYPOINTS, DirectorySource.of(dir));
        assertEquals(List.of("a", "b"), loaded.categories().labels().stream().map(Label::name).toList());
        assertTrue(loaded.categories().skeletons().isEmpty());
        Item a = loaded.item("train", "a");
        assertEquals(new Media("images/train/a.jpg", 10, 5).path(), a.media().path());
        AnnotationInfo expected = new AnnotationInfo(1, 1, 1, 0, Map.of("is_crowd", false), null);
        assertEquals(List.<Annotation>of(
                new Points(expected, new double[] {0, 0, 0, 2, 4, 1}, new byte[] {0, 1, 2}),
                new Bbox(expected, 2, 2, 3, 1)), a.annotations());
    }

    @Test
    void cocoSamplesStayCoco() throws IOException {
        for (String sample : List.of("coco", "coco_instances", "coco_stuff", "coco_captions")) {
            assertEquals(Detection.NONE, KEYPOINTS.detect(Corpus.source("coco_1.0/" + sample)), sample);
            assertEquals("coco", Converter.detect(Corpus.path("coco_1.0/" + sample)).format().id(), sample);
        }
    }

    static Stream<String> otherSamples() throws IOException {
        return CocoDetectTest.otherSamples();
    }

    @ParameterizedTest
    @MethodSource("otherSamples")
    void declinesOtherFormats(String sample) throws IOException {
        assertEquals(Detection.NONE, KEYPOINTS.detect(Corpus.source(sample)), sample);
    }

    @Test
    void brokenKeypointsNameTheFileAndEntry() throws IOException {
        Files.createDirectories(dir.resolve("annotations"));
        Files.writeString(dir.resolve("annotations/person_keypoints_default.json"), """
                {"images":[{"id":1,"file_name":"a.jpg","width":4,"height":4}],
                 "categories":[{"id":1,"name":"person","keypoints":["a","b"],"skeleton":[[1,2]]}],
                 "annotations":[{"id":1,"image_id":1,"category_id":1,"bbox":[0,0,1,1],"keypoints":[1,2,2,3]}]}
                """);
        FormatException error = assertThrows(FormatException.class,
                () -> Datasets.read(KEYPOINTS, DirectorySource.of(dir)));
        assertTrue(error.getMessage().contains("person_keypoints_default.json"), error.getMessage());
        assertTrue(error.getMessage().contains("triplets"), error.getMessage());
    }

    @Test
    void cvatSkeletonThroughCocoKeypointsBackToCvat() throws IOException {
        Path cvat = Corpus.path("cvat_images_1.1/cvat_docs_annotation_example");
        // The sample's tag has a label its <meta> does not declare: skipped, not a failure.
        Converter.convert(new ConversionRequest(cvat, "auto", "coco_keypoints",
                ConversionOptions.fromMap(java.util.Map.of("on_problem", "skip")), dir.resolve("kp.zip")));
        ConversionResult back = Converter.convert(new ConversionRequest(dir.resolve("kp.zip"), "auto", "cvat_images",
                ConversionOptions.DEFAULTS, dir.resolve("cvat.zip")));
        assertEquals("coco_keypoints", back.source().format().id());

        Loaded result;
        try (InputArchive archive = InputArchive.open(dir.resolve("cvat.zip"))) {
            result = Datasets.read(Formats.require("cvat_images"), archive.source());
        }
        Item item = result.items().get(0);
        assertEquals("filename000", item.id());
        List<Skeleton> skeletons = item.annotations().stream()
                .filter(a -> a instanceof Skeleton).map(a -> (Skeleton) a).toList();
        assertEquals(1, skeletons.size());
        Skeleton s1 = skeletons.get(0);
        assertEquals("s1", result.labelOf(s1));
        assertEquals(List.of("1", "2", "3"), s1.nodes().stream().map(result::labelOf).toList());
        assertEquals(List.of(54.47, 94.81, 68.02, 162.34, 125.87, 62.85), s1.nodes().stream()
                .flatMap(n -> Stream.of(n.x(0), n.y(0))).toList());
    }

    /**
     * Regression: node labels were written as categories of their own (CVAT: "Label 'skeleton-label'
     * 'point1-label' already exists") and categories without a skeleton had no keypoints ("Missing
     * annotation field 'keypoints'"). Now only top-level labels are categories, each with keypoints and
     * skeleton lists, ids as CVAT gives them (1 + the label's index).
     */
    @Test
    void datumaroSkeletonWritesTopLevelCategoriesOnly() throws IOException {
        Path out = dir.resolve("out");
        ConversionResult result = Converter.convert(new ConversionRequest(Corpus.path("datumaro_1.0/cvd_with_skeleton"),
                "auto", "coco_keypoints", ConversionOptions.DEFAULTS, out));
        JsonNode file = JSON.readTree(out.resolve("annotations/person_keypoints_default.json").toFile());

        assertEquals(JSON.readTree("""
                [{"id":1,"name":"skeleton-label","supercategory":"",
                  "keypoints":["point1-label","point3-label","point2-label"],"skeleton":[[2,3],[1,2]]}]"""),
                file.get("categories"));
        JsonNode object = file.get("annotations").get(0);
        assertEquals(JSON.readTree("[0.9,3.53,2,2.45,7.6,2,5.2,2.5,2]"), object.get("keypoints"));
        assertEquals(3, object.get("num_keypoints").asInt());
        assertEquals(1, object.get("category_id").asInt());

        Loaded again = Datasets.read(KEYPOINTS, DirectorySource.of(out));
        assertEquals(List.of("skeleton-label", "point1-label", "point3-label", "point2-label"),
                again.categories().labels().stream().map(Label::name).toList());
        Skeleton skeleton = (Skeleton) again.item("default", "100").annotations().get(0);
        assertEquals("skeleton-label", again.labelOf(skeleton));
        assertEquals(List.of("point1-label", "point3-label", "point2-label"),
                skeleton.nodes().stream().map(again::labelOf).toList());
        assertEquals(List.of(0.9, 3.53, 2.45, 7.6, 5.2, 2.5), skeleton.nodes().stream()
                .flatMap(n -> Stream.of(n.x(0), n.y(0))).toList());
        assertTrue(result.report().entries().stream().anyMatch(e -> e.reason().contains("a skeleton node's id,"
                + " group, attributes or track are not kept")), result.report().toMap().toString());
    }

    /**
     * What the keypoints target cannot hold is a reported drop: plain points before writing (the
     * descriptor has no points), boxes outside a skeleton's group by the writer.
     */
    @Test
    void objectsWithoutASkeletonAreReportedDrops() throws IOException {
        Path out = dir.resolve("out");
        ConversionResult result = Converter.convert(new ConversionRequest(
                Corpus.path("ultralytics_yolo/yolov8_detection"), "auto", "coco_keypoints",
                ConversionOptions.DEFAULTS, out));
        JsonNode file = JSON.readTree(out.resolve("annotations/person_keypoints_train.json").toFile());

        assertEquals(0, file.get("annotations").size());
        assertEquals(10, file.get("categories").size());
        for (JsonNode category : file.get("categories")) {
            assertEquals(JSON.readTree("[]"), category.get("keypoints"), category.toString());
            assertEquals(JSON.readTree("[]"), category.get("skeleton"), category.toString());
        }
        assertEquals(2, result.report().droppedAnnotations());
        assertTrue(result.report().entries().stream().anyMatch(e -> e.action().equals("dropped")
                && e.reason().contains("only beside the keypoints of their group")),
                result.report().toMap().toString());

        Item item = new Item("p", "default", new Media("p.jpg", 10, 10), List.of(
                new Points(AnnotationInfo.of(0), new double[] {1, 2}, new byte[] {2})), Map.of());
        Path input = dir.resolve("points");
        Datasets.write(Formats.require("datumaro"), new Loaded(personCategories(), List.of(item)), input, null,
                Problems.IGNORE);
        result = Converter.convert(new ConversionRequest(input, "datumaro", "coco_keypoints",
                ConversionOptions.DEFAULTS, dir.resolve("out2")));
        assertEquals(1, result.report().droppedAnnotations());
        assertTrue(result.report().entries().stream().anyMatch(e -> e.reason().contains("cannot hold points")),
                result.report().toMap().toString());
    }

    @Test
    void registered() throws FormatException {
        assertEquals("COCO Keypoints 1.0", Formats.require("coco_keypoints").descriptor().displayName());
    }
}

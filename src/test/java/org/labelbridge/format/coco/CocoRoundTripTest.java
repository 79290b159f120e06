package org.labelbridge.format.coco;

import org.labelbridge.testing.RecordedProblems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.labelbridge.format.coco.CocoCorpusTest.MASK_B;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.archive.DirectoryOutput;
import org.labelbridge.archive.DirectorySource;
import org.labelbridge.format.Problems;
import org.labelbridge.format.common.CocoRle;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.AnnotationInfo;
import org.labelbridge.model.Bbox;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;
import org.labelbridge.model.Mask;
import org.labelbridge.model.Media;
import org.labelbridge.model.Polygon;
import org.labelbridge.model.Rle;
import org.labelbridge.model.Track;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.Datasets;
import org.labelbridge.testing.Datasets.Loaded;

/** What the writer puts in instances_<subset>.json, and that reading it back gives the same dataset. */
class CocoRoundTripTest {

    private static final CocoFormat COCO = new CocoFormat();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void instancesRoundTrip() throws IOException {
        Loaded original = Datasets.read(COCO, Corpus.source("coco_1.0/coco_instances"));
        Loaded again = Datasets.roundTrip(COCO, original, dir, Corpus.source("coco_1.0/coco_instances"));

        assertEquals(original.categories(), again.categories());
        assertEquals(original.items(), again.items());
        assertTrue(Files.exists(dir.resolve("images/train/a.jpg")));
        assertTrue(Files.exists(dir.resolve("images/val/b.jpg")));
        assertEquals(List.of("annotations/instances_train.json", "annotations/instances_val.json",
                "images/train/a.jpg", "images/val/b.jpg"), DirectorySource.of(dir).files());
    }

    @Test
    void instancesFileContent() throws IOException {
        Datasets.write(COCO, Datasets.read(COCO, Corpus.source("coco_1.0/coco_instances")), dir, null, Problems.IGNORE);
        JsonNode val = JSON.readTree(dir.resolve("annotations/instances_val.json").toFile());

        assertEquals(JSON.readTree("""
                [{"id":1,"name":"a","supercategory":""},{"id":2,"name":"b","supercategory":""},
                 {"id":3,"name":"c","supercategory":""}]"""), val.get("categories"));
        assertEquals(JSON.readTree("""
                [{"id":1,"image_id":40,"category_id":1,"segmentation":[[0.0,0.0,1.0,0.0,1.0,2.0,0.0,2.0]],
                  "area":2.0,"bbox":[0.0,0.0,1.0,2.0],"iscrowd":0,"attributes":{"x":1,"y":"hello"}},
                 {"id":2,"image_id":40,"category_id":2,"segmentation":{"counts":[0,20,30],"size":[10,5]},
                  "area":20.0,"bbox":[0.0,0.0,2.0,10.0],"iscrowd":1}]"""), val.get("annotations"));
        assertEquals(JSON.readTree("""
                [{"id":40,"width":5,"height":10,"file_name":"b.jpg","license":0,"flickr_url":"",
                  "coco_url":"","date_captured":0}]"""), val.get("images"));
        assertEquals(List.of("licenses", "info", "categories", "annotations", "images"),
                iterable(val.fieldNames()));
        assertEquals(JSON.readTree("""
                [{"id":1,"image_id":5,"category_id":2,"segmentation":[],"area":3.0,"bbox":[2.0,2.0,3.0,1.0],
                  "iscrowd":0}]"""), JSON.readTree(dir.resolve("annotations/instances_train.json").toFile()).get("annotations"));
    }

    /** What CVAT puts in COCO's attributes object (occluded, custom ones, rotation, track_id, keyframe) and score. */
    @Test
    void cvatAttributesTracksAndScore() throws IOException {
        Categories categories = Categories.ofNames(List.of("car", "person"));
        AnnotationInfo box = new AnnotationInfo(0, 7, 0, 0,
                Map.of("occluded", true, "color", "red", "count", 3L, "ratio", 0.5, "score", 0.75), new Track(4, true, false));
        AnnotationInfo polygon = new AnnotationInfo(1, 8, 3, 0, Map.of("occluded", false, "a3", "0003"), null);
        Item item = new Item("frame_000001", "train", new Media("img/frame_000001.png", 20, 10), List.of(
                new Bbox(box, 1, 2, 3, 4, 30),
                new Polygon(polygon, new double[] {0, 0, 4, 0, 4, 4}),
                new Polygon(polygon, new double[] {10, 5, 12.5, 5, 12.5, 8.25}),
                new Mask(AnnotationInfo.of(1), new Rle(10, 20, new int[] {5, 10, 185}))),
                Map.of("id", 12L, "frame", 1L));

        Datasets.write(COCO, new Loaded(categories, List.of(item)), dir, null, Problems.IGNORE);
        JsonNode annotations = JSON.readTree(dir.resolve("annotations/instances_train.json").toFile()).get("annotations");

        assertEquals(JSON.readTree("""
                {"id":7,"image_id":12,"category_id":1,"segmentation":[],"area":12.0,"bbox":[1.0,2.0,3.0,4.0],
                 "iscrowd":0,"score":0.75,
                 "attributes":{"occluded":true,"color":"red","count":3,"ratio":0.5,"rotation":30.0,"track_id":4,"keyframe":true}}"""),
                annotations.get(0));
        // two polygons of one group and label: one object, area and box over both
        assertEquals(JSON.readTree("""
                {"id":8,"image_id":12,"category_id":2,
                 "segmentation":[[0.0,0.0,4.0,0.0,4.0,4.0],[10.0,5.0,12.5,5.0,12.5,8.25]],
                 "area":12.0625,"bbox":[0.0,0.0,12.5,8.25],"iscrowd":0,"attributes":{"occluded":false,"a3":"0003"}}"""),
                annotations.get(1));
        // a mask without id gets the next free one; it is a crowd region unless it says otherwise
        assertEquals(JSON.readTree("""
                {"id":1,"image_id":12,"category_id":2,"segmentation":{"counts":[5,10,185],"size":[10,20]},
                 "area":10.0,"bbox":[0.0,0.0,2.0,10.0],"iscrowd":1}"""), annotations.get(2));

        Item back = Datasets.read(COCO, DirectorySource.of(dir)).item("train", "frame_000001");
        assertEquals(new Media("images/train/frame_000001.png", 20, 10), back.media());
        assertEquals(Map.of("id", 12L), back.attributes());
        assertEquals(List.<Annotation>of(
                new Bbox(new AnnotationInfo(0, 7, 7, 0, Map.of("occluded", true, "color", "red", "count", 3L,
                        "ratio", 0.5, "score", 0.75, "is_crowd", false), new Track(4, true, false)), 1, 2, 3, 4, 30),
                new Polygon(new AnnotationInfo(1, 8, 8, 0, Map.of("occluded", false, "a3", "0003", "is_crowd", false), null),
                        new double[] {0, 0, 4, 0, 4, 4}),
                new Polygon(new AnnotationInfo(1, 8, 8, 0, Map.of("occluded", false, "a3", "0003", "is_crowd", false), null),
                        new double[] {10, 5, 12.5, 5, 12.5, 8.25}),
                new Mask(new AnnotationInfo(1, 1, 1, 0, Map.of("is_crowd", true), null),
                        new Rle(10, 20, new int[] {5, 10, 185}))), back.annotations());
    }

    @Test
    void compressedMaskCounts() throws IOException {
        Loaded original = Datasets.read(COCO, Corpus.source("coco_1.0/coco_instances"));
        var writer = new CocoWriter(new DirectoryOutput(dir, null, false), Problems.IGNORE, true);
        writer.begin(original.categories());
        for (Item item : original.items()) {
            writer.write(item);
        }
        writer.finish();

        JsonNode mask = JSON.readTree(dir.resolve("annotations/instances_val.json").toFile()).get("annotations").get(1);
        assertEquals(CocoRle.encode(MASK_B), mask.get("segmentation").get("counts").asText());
        assertEquals(original.items(), Datasets.read(COCO, DirectorySource.of(dir)).items());
    }

    @Test
    void whatTheGroupRuleCannotJoinIsReported() throws IOException {
        Categories categories = Categories.ofNames(List.of("a", "b"));
        // Kinds COCO does not hold never reach the writer (TargetFit drops them; see TargetFitTest).
        Item item = new Item("x", "default", Media.NONE, List.of(
                new Bbox(new AnnotationInfo(0, 0, 5, 0, Map.of(), null), 0, 0, 2, 2),
                new Polygon(new AnnotationInfo(1, 0, 5, 0, Map.of(), null), new double[] {0, 0, 1, 0, 1, 1})));
        RecordedProblems problems = new RecordedProblems();

        Datasets.write(COCO, new Loaded(categories, List.of(item)), dir, null, problems);

        assertEquals(List.of(
                "item x: image size unknown: written as width 0 and height 0, which COCO tools that need the size"
                        + " (pycocotools' annToMask, frPyObjects) cannot use",
                "changed x bbox: group 5 not kept: COCO joins only polygons and masks of one label into one object"),
                problems.lines);
        JsonNode file = JSON.readTree(dir.resolve("annotations/instances_default.json").toFile());
        assertEquals(2, file.get("annotations").size());
        assertEquals(1, file.get("annotations").get(0).get("id").asInt());
        assertEquals(2, file.get("annotations").get(1).get("id").asInt());
        assertEquals("x.jpg", file.get("images").get(0).get("file_name").asText());
        assertEquals(0, file.get("images").get(0).get("width").asInt());
    }

    @Test
    void imageAndAnnotationIdsStayUniquePerFile() throws IOException {
        RecordedProblems problems = new RecordedProblems();
        Media sized = new Media(null, 4, 4);
        Item first = new Item("a", "s", sized, List.of(new Bbox(new AnnotationInfo(null, 2, 0, 0, Map.of(), null), 0, 0, 1, 1)));
        Item second = new Item("b", "s", sized,
                List.of(new Bbox(new AnnotationInfo(null, 2, 0, 0, Map.of(), null), 0, 0, 1, 1)), Map.of("id", 1L));

        Datasets.write(COCO, new Loaded(Categories.EMPTY, List.of(first, second)), dir, null, problems);

        JsonNode file = JSON.readTree(dir.resolve("annotations/instances_s.json").toFile());
        assertEquals(List.of(1, 2), file.get("images").findValuesAsText("id").stream().map(Integer::valueOf).toList());
        assertEquals(List.of(2, 1), file.get("annotations").findValuesAsText("id").stream().map(Integer::valueOf).toList());
        assertEquals(0, file.get("annotations").get(0).get("category_id").asInt()); // unlabelled
        assertEquals(List.of("item b: image id 1 is taken by another image of subset 's'; written as 2"), problems.lines);
        Loaded back = Datasets.read(COCO, DirectorySource.of(dir));
        assertEquals(null, back.item("a").annotations().get(0).label());
    }

    @Test
    void emptyDatasetGivesAnEmptyDefaultFile() throws IOException {
        Datasets.write(COCO, new Loaded(Categories.ofNames(List.of("a")), List.of()), dir, null, Problems.IGNORE);
        JsonNode file = JSON.readTree(dir.resolve("annotations/instances_default.json").toFile());
        assertEquals(0, file.get("images").size());
        assertEquals(0, file.get("annotations").size());
        assertEquals(1, file.get("categories").size());
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> list = new java.util.ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }
}

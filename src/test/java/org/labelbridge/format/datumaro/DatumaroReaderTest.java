package org.labelbridge.format.datumaro;

import org.labelbridge.testing.RecordedProblems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.archive.DirectorySource;
import org.labelbridge.archive.InputArchive;
import org.labelbridge.model.AnnotationInfo;
import org.labelbridge.model.Bbox;
import org.labelbridge.model.Cuboid2d;
import org.labelbridge.model.Ellipse;
import org.labelbridge.model.Item;
import org.labelbridge.model.Mask;
import org.labelbridge.model.Media;
import org.labelbridge.model.Points;
import org.labelbridge.model.Polygon;
import org.labelbridge.model.Rle;
import org.labelbridge.model.Skeleton;
import org.labelbridge.model.SkeletonDef;
import org.labelbridge.model.Tag;
import org.labelbridge.model.Track;
import org.labelbridge.testing.Datasets;

/** How the reader maps what Datumaro (and CVAT through it) writes onto the model. */
class DatumaroReaderTest {

    private static final String CATEGORIES = """
            "categories": {"label": {"labels": [{"name": "car", "parent": "", "attributes": []},
                                                {"name": "person", "parent": "", "attributes": []}],
                                     "attributes": ["occluded"]}}""";

    private final DatumaroFormat format = new DatumaroFormat();
    @TempDir
    Path dir;

    private void file(String path, String json) throws IOException {
        Path target = dir.resolve(path);
        Files.createDirectories(target.getParent());
        Files.writeString(target, json);
    }

    private Datasets.Loaded read(RecordedProblems problems) throws IOException {
        return Datasets.read(format, DirectorySource.of(dir), problems);
    }

    private static String items(String items) {
        return "{\"info\": {}, " + CATEGORIES + ", \"items\": [" + items + "]}";
    }

    @Test
    void cvatTrackAttributesBecomeTheTypedTrackAndRotationTheBoxRotation() throws IOException {
        file("annotations/default.json", items("""
                {"id": "frame_000010", "annotations": [
                  {"id": 0, "type": "bbox", "attributes": {"occluded": true, "rotation": 45.0, "track_id": 3,
                   "keyframe": true, "outside": false, "color": "red"}, "group": 0, "label_id": 0,
                   "bbox": [3.0, 4.0, 7.0, 1.0], "z_order": 2},
                  {"id": 1, "type": "polygon", "attributes": {"track_id": 4, "rotation": 5.0}, "group": 0,
                   "label_id": 1, "points": [0, 0, 1, 0, 1, 1], "z_order": 0}],
                 "attr": {"frame": 10}}"""));
        Item item = read(new RecordedProblems()).item("frame_000010");

        assertEquals(new Bbox(new AnnotationInfo(0, 0, 0, 2, Map.of("occluded", true, "color", "red"),
                new Track(3, true, false)), 3, 4, 7, 1, 45), item.annotations().get(0));
        // Only boxes and ellipses rotate; a missing keyframe or outside flag is false.
        assertEquals(new Polygon(new AnnotationInfo(1, 1, 0, 0, Map.of("rotation", 5.0), new Track(4, false, false)),
                new double[] {0, 0, 1, 0, 1, 1}), item.annotations().get(1));
        assertEquals(Map.of("frame", 10L), item.attributes());
    }

    @Test
    void ellipseCornersBecomeCentreAndRadii() throws IOException {
        file("annotations/default.json", items("""
                {"id": "e", "annotations": [
                  {"id": 0, "type": "ellipse", "attributes": {"rotation": 20.0}, "group": 0, "label_id": 1,
                   "points": [1.0, 2.0, 5.0, 8.0], "z_order": 0}]}"""));
        assertEquals(new Ellipse(AnnotationInfo.of(1), 3, 5, 2, 3, 20),
                read(new RecordedProblems()).item("e").annotations().get(0));
    }

    @Test
    void maskAcceptsCompressedAndPlainCounts() throws IOException {
        file("annotations/default.json", items("""
                {"id": "m", "annotations": [
                  {"id": 0, "type": "mask", "attributes": {}, "group": 0, "label_id": 0,
                   "rle": {"counts": "132", "size": [2, 3]}, "z_order": 0},
                  {"id": 1, "type": "mask", "attributes": {}, "group": 0, "label_id": 0,
                   "rle": {"counts": [0, 2, 4], "size": [2, 3]}, "z_order": 0}]}"""));
        List<?> masks = read(new RecordedProblems()).item("m").annotations();
        assertEquals(new Rle(2, 3, new int[] {1, 3, 2}), ((Mask) masks.get(0)).rle());
        assertEquals(new Rle(2, 3, new int[] {0, 2, 4}), ((Mask) masks.get(1)).rle());
    }

    @Test
    void cuboid2dPointsMayBePairsOrFlat() throws IOException {
        file("annotations/default.json", items("""
                {"id": "c", "annotations": [
                  {"id": 0, "type": "cuboid_2d", "attributes": {}, "group": 0, "label_id": 0,
                   "points": [[1, 1], [1, 4], [4, 1], [4, 4], [2, 0], [2, 3], [5, 0], [5, 3]], "z_order": 0},
                  {"id": 0, "type": "cuboid_2d", "attributes": {}, "group": 0, "label_id": 0,
                   "points": [1, 1, 1, 4, 4, 1, 4, 4, 2, 0, 2, 3, 5, 0, 5, 3], "z_order": 0}]}"""));
        List<?> cuboids = read(new RecordedProblems()).item("c").annotations();
        Cuboid2d expected = new Cuboid2d(AnnotationInfo.of(0), new double[] {1, 1, 1, 4, 4, 1, 4, 4, 2, 0, 2, 3, 5, 0, 5, 3});
        assertEquals(List.of(expected, expected), cuboids);
    }

    @Test
    void compactSkeletonWithoutALayoutHasUnlabelledNodesAndSaysSo() throws IOException {
        file("annotations/default.json", items("""
                {"id": "s", "annotations": [
                  {"id": 0, "type": "skeleton", "attributes": {}, "group": 0, "label_id": 1,
                   "points": [1.0, 2.0, 2, 3.0, 4.0, 0]}]}"""));
        RecordedProblems problems = new RecordedProblems();
        Skeleton skeleton = (Skeleton) read(problems).item("s").annotations().get(0);
        assertEquals(List.of(
                new Points(AnnotationInfo.EMPTY, new double[] {1, 2}, new byte[] {Points.VISIBLE}),
                new Points(AnnotationInfo.EMPTY, new double[] {3, 4}, new byte[] {Points.ABSENT})), skeleton.nodes());
        assertTrue(problems.any("changed s skeleton: items[0].annotations[0]: the skeleton's label declares no layout"),
                problems.lines.toString());
    }

    @Test
    void subsetsComeFromFileNamesAndItemsMayPrecedeCategories() throws IOException {
        file("annotations/train.json", "{\"items\": [{\"id\": \"1\", \"annotations\": [{\"id\": 0, \"type\": \"label\","
                + " \"attributes\": {}, \"group\": 0, \"label_id\": 1}]}], " + CATEGORIES + "}");
        file("annotations/val.json", items("{\"id\": 2, \"annotations\": []}"));
        Datasets.Loaded dataset = read(new RecordedProblems());
        assertEquals(List.of("train/1", "val/2"), dataset.ids());
        assertEquals(new Tag(AnnotationInfo.of(1)), dataset.item("train", "1").annotations().get(0));
        assertEquals("person", dataset.labelOf(dataset.item("1").annotations().get(0)));
    }

    @Test
    void bareSubsetFileGivenAloneIsItsSubset() throws IOException {
        file("test.json", items("{\"id\": \"x\", \"annotations\": [], \"image\": {\"path\": \"x.png\", \"size\": [3, 4]}}"));
        try (InputArchive archive = InputArchive.open(dir.resolve("test.json"))) {
            Datasets.Loaded dataset = Datasets.read(format, archive.source());
            assertEquals(List.of(new Item("x", "test", new Media("images/test/x.png", 4, 3), List.of(), Map.of())),
                    dataset.items());
        }
    }

    @Test
    void imagePathsResolveUnderTheSubsetOrTheLegacyFlatFolder() throws IOException {
        file("annotations/default.json", items("""
                {"id": "in_subset", "annotations": [], "image": {"path": "in_subset.jpg"}},
                {"id": "legacy", "annotations": [], "image": {"path": "legacy.jpg"}},
                {"id": "guessed", "annotations": [], "image": {"size": [2, 2]}},
                {"id": "nameless", "annotations": [], "image": {"size": [2, 2]}}"""));
        file("images/default/in_subset.jpg", "x");
        file("images/legacy.jpg", "x");
        file("images/default/guessed.jpg", "x");
        Datasets.Loaded dataset = read(new RecordedProblems());
        assertEquals("images/default/in_subset.jpg", dataset.item("in_subset").media().path());
        assertEquals("images/legacy.jpg", dataset.item("legacy").media().path());
        assertEquals("images/default/guessed.jpg", dataset.item("guessed").media().path());
        assertNull(dataset.item("nameless").media().path());
    }

    @Test
    void whatTheModelCannotHoldIsReportedNotSilent() throws IOException {
        file("annotations/default.json", """
                {"dm_format_version": "1.0", "info": {"author": "me"}, %s,
                 "items": [{"id": "u", "subset": "x", "annotations": [
                   {"id": 0, "type": "hash_key", "hash_key": [1, 2]},
                   {"id": 1, "type": "label", "label_id": 0, "object_id": 4,
                    "attributes": {"nested": {"a": 1}, "nothing": null, "kept": "yes"}}]}]}
                """.formatted(CATEGORIES));
        RecordedProblems problems = new RecordedProblems();
        Item item = read(problems).item("u");
        assertEquals(List.of(new Tag(new AnnotationInfo(0, 1, 0, 0, Map.of("kept", "yes"), null))), item.annotations());
        assertTrue(problems.any("'info' (dataset information) is not kept"), problems.lines.toString());
        assertTrue(problems.any("item field 'subset' is not kept"), problems.lines.toString());
        assertTrue(problems.any("item u: items[0].annotations[0]: annotation type 'hash_key' is not known; dropped"),
                problems.lines.toString());
        assertTrue(problems.any("annotation field 'object_id' is not kept"), problems.lines.toString());
        assertTrue(problems.any("attribute 'nested' is null or a JSON object"), problems.lines.toString());
        assertTrue(problems.any("attribute 'nothing' is null or a JSON object"), problems.lines.toString());
        assertTrue(problems.lines.stream().noneMatch(l -> l.contains("dm_format_version")), problems.lines.toString());
    }

    @Test
    void jointsAreOneBasedAsCvatWritesThemAndThoseOutsideAreReported() throws IOException {
        file("annotations/default.json", """
                {"categories": {"label": {"labels": [{"name": "s", "parent": ""}, {"name": "n1", "parent": "s"},
                                                     {"name": "n2", "parent": "s"}]},
                                "points": {"items": [{"label_id": 0, "labels": ["n1", "n2"], "joints": [[2, 1], [1, 3]]}]}},
                 "items": []}""");
        RecordedProblems problems = new RecordedProblems();
        Datasets.Loaded dataset = read(problems);
        assertEquals(new SkeletonDef(List.of(1, 2), List.of(new SkeletonDef.Edge(1, 0))),
                dataset.categories().skeletons().get(0));
        assertTrue(problems.any("joint [1, 3] is not between nodes 1..2; dropped"), problems.lines.toString());
    }

    @Test
    void jointsWithANodeZeroAreZeroBasedAsDatumarosOwnFiles() throws IOException {
        file("annotations/default.json", """
                {"categories": {"label": {"labels": [{"name": "cat0", "parent": ""}, {"name": "cat1", "parent": ""},
                                                     {"name": "cat2", "parent": ""}]},
                                "points": {"items": [{"label_id": 0, "labels": ["cat1", "cat2"], "joints": [[0, 1]]}]}},
                 "items": []}""");
        assertEquals(new SkeletonDef(List.of(1, 2), List.of(new SkeletonDef.Edge(0, 1))),
                read(new RecordedProblems()).categories().skeletons().get(0));
    }

    @Test
    void emptyMediaPathsThatCvatWritesMeanNoMedia() throws IOException {
        file("annotations/default.json", items("""
                {"id": "Slide9", "annotations": [], "attr": {"frame": 5},
                 "point_cloud": {"path": ""}, "media": {"path": ""}}"""));
        RecordedProblems problems = new RecordedProblems();
        assertEquals(Media.NONE, read(problems).item("Slide9").media());
        assertEquals(List.of(), problems.lines);
    }
}

package org.labelbridge.format.coco;

import org.labelbridge.testing.RecordedProblems;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.labelbridge.format.common.CocoRle;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.AnnotationInfo;
import org.labelbridge.model.Bbox;
import org.labelbridge.model.Label;
import org.labelbridge.model.Mask;
import org.labelbridge.model.Media;
import org.labelbridge.model.Points;
import org.labelbridge.model.Polygon;
import org.labelbridge.model.Rle;
import org.labelbridge.model.Skeleton;
import org.labelbridge.model.SkeletonDef;
import org.labelbridge.model.Track;
import org.labelbridge.testing.Datasets;
import org.labelbridge.testing.Datasets.Loaded;

/** COCO as other tools write it: any key order, CVAT's attributes, compressed masks, keypoints. */
class CocoReaderTest {

    private static final CocoFormat COCO = new CocoFormat();

    @TempDir
    Path dir;

    private Loaded read(String file, String json, RecordedProblems problems) throws IOException {
        Path path = dir.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, json);
        return Datasets.read(COCO, DirectorySource.of(dir), problems);
    }

    /** Real COCO puts categories last, and annotations of one image are scattered. */
    @Test
    void keysInAnyOrderAndAnnotationsScattered() throws IOException {
        Loaded dataset = read("annotations/instances_val2017.json", """
                {"annotations": [
                   {"id": 10, "image_id": 2, "category_id": 90, "bbox": [1, 1, 2, 2], "iscrowd": 0},
                   {"id": 11, "image_id": 1, "category_id": 18, "bbox": [0.5, 0.25, 3, 4], "iscrowd": 0},
                   {"id": 12, "image_id": 2, "category_id": 18, "segmentation": [1, 1, 4, 1, 4, 4], "iscrowd": 0}],
                 "images": [{"id": 1, "file_name": "dir/one.png", "width": 8, "height": 6},
                            {"id": 2, "file_name": "two.jpg"}],
                 "categories": [{"id": 90, "name": "toothbrush", "supercategory": "indoor"},
                                {"id": 18, "name": "dog", "supercategory": "animal"}]}""", new RecordedProblems());

        assertEquals(List.of(new Label("toothbrush", "indoor", List.of()), new Label("dog", "animal", List.of())),
                dataset.categories().labels());
        assertEquals(List.of("val2017/dir/one", "val2017/two"), dataset.ids());
        assertEquals(new Media("images/val2017/dir/one.png", 8, 6), dataset.item("dir/one").media());
        assertEquals(new Media("images/val2017/two.jpg", null, null), dataset.item("two").media());
        assertEquals(List.of(new Bbox(new AnnotationInfo(1, 11, 11, 0, Map.of("is_crowd", false), null), 0.5, 0.25, 3, 4)),
                dataset.item("dir/one").annotations());
        assertEquals(List.of(
                new Bbox(new AnnotationInfo(0, 10, 10, 0, Map.of("is_crowd", false), null), 1, 1, 2, 2),
                new Polygon(new AnnotationInfo(1, 12, 12, 0, Map.of("is_crowd", false), null), new double[] {1, 1, 4, 1, 4, 4})),
                dataset.item("two").annotations());
    }

    @Test
    void cvatAttributesBecomeTypedData() throws IOException {
        RecordedProblems problems = new RecordedProblems();
        Loaded dataset = read("annotations/instances_default.json", """
                {"images": [{"id": 1, "file_name": "f.jpg", "width": 10, "height": 10}],
                 "categories": [{"id": 1, "name": "car", "supercategory": ""}],
                 "annotations": [
                   {"id": 3, "image_id": 1, "category_id": 1, "segmentation": [], "area": 4.0, "bbox": [1, 2, 2, 2],
                    "iscrowd": 0, "score": 1,
                    "attributes": {"occluded": false, "rotation": 45.5, "track_id": 0, "keyframe": false,
                                   "model": "sedan", "doors": 4, "ratio": 0.25, "tags": ["a", 2], "extra": {"k": [1]},
                                   "gone": null}},
                   {"id": 4, "image_id": 1, "category_id": 1, "segmentation": [[0, 0, 2, 0, 2, 2]], "iscrowd": 0,
                    "attributes": {"rotation": 10, "track_id": "7"}}]}""", problems);

        List<Annotation> annotations = dataset.item("f").annotations();
        assertEquals(new Bbox(new AnnotationInfo(0, 3, 3, 0, Map.of("occluded", false, "model", "sedan", "doors", 4L,
                "ratio", 0.25, "tags", List.of("a", 2L), "extra", "{\"k\":[1]}", "score", 1.0, "is_crowd", false),
                new Track(0, false, false)), 1, 2, 2, 2, 45.5), annotations.get(0));
        // only a box has a rotation; a track id that is not a number stays an attribute
        assertEquals(Map.of("rotation", 10L, "track_id", "7", "is_crowd", false), annotations.get(1).attributes());
        assertEquals(null, annotations.get(1).info().track());
        assertEquals(List.of("dataset: " + dir.getFileName() + "!/annotations/instances_default.json: 1 attribute values"
                + " that are JSON objects kept as their JSON text"), problems.lines);
    }

    @Test
    void compressedAndUncompressedMasksAreTheSame() throws IOException {
        Rle rle = new Rle(3, 4, new int[] {1, 3, 2, 4, 2});
        Loaded dataset = read("annotations/stuff_train.json", """
                {"images": [{"id": 1, "file_name": "m.png", "width": 4, "height": 3}],
                 "categories": [{"id": 1, "name": "sky"}],
                 "annotations": [
                   {"id": 1, "image_id": 1, "category_id": 1, "iscrowd": 1, "bbox": [0, 0, 4, 3],
                    "segmentation": {"counts": "%s", "size": [3, 4]}},
                   {"id": 2, "image_id": 1, "category_id": 1, "iscrowd": 0, "bbox": [0, 0, 4, 3],
                    "segmentation": {"size": [3, 4], "counts": [1, 3, 2, 4, 2]}}]}""".formatted(CocoRle.encode(rle)),
                new RecordedProblems());

        List<Annotation> annotations = dataset.item("m").annotations();
        assertEquals(new Mask(new AnnotationInfo(0, 1, 1, 0, Map.of("is_crowd", true), null), rle), annotations.get(0));
        assertEquals(new Mask(new AnnotationInfo(0, 2, 2, 0, Map.of("is_crowd", false), null), rle), annotations.get(1));
    }

    /** Several polygons are parts of one object; COCO's crowd ids go beyond int. */
    @Test
    void polygonsOfOneObjectShareItsGroup() throws IOException {
        Loaded dataset = read("annotations/instances_train.json", """
                {"images": [{"id": 1, "file_name": "p.jpg", "width": 10, "height": 10}],
                 "categories": [{"id": 1, "name": "a"}],
                 "annotations": [
                   {"id": 900100581904, "image_id": 1, "category_id": 1, "iscrowd": 0,
                    "segmentation": [[0, 0, 1, 0, 1, 1], [5, 5, 6, 5, 6, 6]]},
                   {"id": 6, "image_id": 1, "category_id": 0, "iscrowd": 0, "bbox": [0, 0, 1, 1]}]}""",
                new RecordedProblems());

        List<Annotation> annotations = dataset.item("p").annotations();
        AnnotationInfo info = new AnnotationInfo(0, 900100581904L, Integer.MAX_VALUE, 0, Map.of("is_crowd", false), null);
        assertEquals(new Polygon(info, new double[] {0, 0, 1, 0, 1, 1}), annotations.get(0));
        assertEquals(new Polygon(info, new double[] {5, 5, 6, 5, 6, 6}), annotations.get(1));
        assertEquals(null, annotations.get(2).label()); // category 0: unlabelled
        assertEquals(6, annotations.get(2).info().group());
    }

    @Test
    void namedKeypointsAreASkeleton() throws IOException {
        Loaded dataset = read("annotations/person_keypoints_val.json", """
                {"images": [{"id": 1, "file_name": "k.jpg", "width": 10, "height": 10}],
                 "categories": [{"id": 1, "name": "person", "supercategory": "person",
                                 "keypoints": ["nose", "left_eye", "right_eye"], "skeleton": [[1, 2], [1, 3]]}],
                 "annotations": [{"id": 5, "image_id": 1, "category_id": 1, "iscrowd": 0, "num_keypoints": 2,
                                  "keypoints": [4, 4, 2, 3, 3, 1, 0, 0, 0], "bbox": [2, 2, 4, 4],
                                  "segmentation": [[2, 2, 6, 2, 6, 6]]}]}""", new RecordedProblems());

        assertEquals(List.of(new Label("person", "person", List.of()), new Label("nose", "person", List.of()),
                new Label("left_eye", "person", List.of()), new Label("right_eye", "person", List.of())),
                dataset.categories().labels());
        assertEquals(Map.of(0, new SkeletonDef(List.of(1, 2, 3), List.of(new SkeletonDef.Edge(0, 1), new SkeletonDef.Edge(0, 2)))),
                dataset.categories().skeletons());
        AnnotationInfo info = new AnnotationInfo(0, 5, 5, 0, Map.of("is_crowd", false), null);
        assertEquals(List.of(
                new Skeleton(info, List.of(
                        new Points(AnnotationInfo.of(1), new double[] {4, 4}, new byte[] {Points.VISIBLE}),
                        new Points(AnnotationInfo.of(2), new double[] {3, 3}, new byte[] {Points.HIDDEN}),
                        new Points(AnnotationInfo.of(3), new double[] {0, 0}, new byte[] {Points.ABSENT}))),
                new Polygon(info, new double[] {2, 2, 6, 2, 6, 6})), dataset.item("k").annotations());
    }

    @Test
    void bareFileNamedAfterNoTaskIsDefaultInstances() throws IOException {
        Path file = dir.resolve("export.json");
        Files.writeString(file, """
                {"images": [{"id": 3, "file_name": "x.jpg", "width": 2, "height": 2}],
                 "categories": [{"id": 1, "name": "a"}],
                 "annotations": [{"id": 1, "image_id": 3, "category_id": 1, "bbox": [0, 0, 1, 1], "iscrowd": 0}]}""");
        try (InputArchive input = InputArchive.open(file)) {
            Loaded dataset = Datasets.read(COCO, input.source());
            assertEquals(List.of("default/x"), dataset.ids());
            assertEquals(1, dataset.item("x").annotations().size());
        }
    }

    @Test
    void whatIsNotReadIsReported() throws IOException {
        Files.createDirectories(dir.resolve("annotations"));
        Files.writeString(dir.resolve("annotations/notes.json"), "{}");
        RecordedProblems problems = new RecordedProblems();
        Loaded dataset = read("annotations/instances_train.json", """
                {"images": [{"id": 1, "file_name": "a.jpg", "width": 4, "height": 4},
                            {"id": 2, "file_name": "a.jpg", "width": 4, "height": 4}],
                 "categories": [{"id": 1, "name": "a"}],
                 "annotations": [
                   {"id": 1, "image_id": 1, "category_id": 1, "iscrowd": 0, "bbox": [0, 0, 2, 2],
                    "segmentation": [[0, 0, 1, 1]]},
                   {"id": 2, "image_id": 2, "category_id": 1, "iscrowd": 1, "bbox": [0, 0, 1, 1],
                    "segmentation": {"counts": [0, 2], "size": [1, 2]}}]}""", problems);

        String file = dir.getFileName() + "!/annotations/instances_train.json";
        assertEquals(List.of(
                "dataset: " + dir.getFileName() + "!/annotations/notes.json: not read: its name starts with no COCO task"
                        + " (instances_, person_keypoints_, stuff_, labels_, captions_, image_info_, panoptic_)",
                "item a: " + file + ", images[1]: another image has the file name 'a.jpg'; both are read as one item",
                "dataset: " + file + ": 1 polygons with fewer than 3 points dropped (first in annotations[0] (id 1));"
                        + " an object left without one is read as its bbox",
                "item a: mask of annotation 2 is 2x1, the image 4x4"), problems.lines);
        List<Annotation> annotations = dataset.item("a").annotations();
        assertEquals(2, annotations.size());
        assertTrue(annotations.get(0) instanceof Bbox);
        assertTrue(annotations.get(1) instanceof Mask);
    }
}

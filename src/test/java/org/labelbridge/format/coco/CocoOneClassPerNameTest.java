package org.labelbridge.format.coco;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.archive.InputArchive;
import org.labelbridge.convert.ConversionOptions;
import org.labelbridge.convert.ConversionReport;
import org.labelbridge.convert.ConversionRequest;
import org.labelbridge.convert.ConversionResult;
import org.labelbridge.convert.Converter;
import org.labelbridge.format.FormatException;
import org.labelbridge.format.Formats;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.Bbox;
import org.labelbridge.model.Label;
import org.labelbridge.model.Skeleton;
import org.labelbridge.testing.Datasets;
import org.labelbridge.testing.Zips;

/**
 * A name is one class across the task files of a COCO dataset, whatever supercategory each file
 * gives it (Roboflow writes a different one per subset); only a real hierarchy, where the name
 * sits under two labels that both have annotations, keeps two, and that is an error.
 */
class CocoOneClassPerNameTest {

    @TempDir
    Path dir;

    /** One task file: Roboflow's categories with Apple under {@code appleParent}, one image with its boxes. */
    private void roboflowSubset(Path root, String subset, String appleParent, String image, String boxes)
            throws IOException {
        Path file = root.resolve("annotations/instances_" + subset + ".json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                {"info": {"description": "Exported from roboflow.com"},
                 "categories": [{"id": 0, "name": "fruits", "supercategory": "none"},
                                {"id": 1, "name": "Apple", "supercategory": "%s"},
                                {"id": 2, "name": "Banana", "supercategory": "fruits"}],
                 "images": [{"id": 0, "file_name": "%s.jpg", "width": 200, "height": 100}],
                 "annotations": [%s]}
                """.formatted(appleParent, image, boxes));
    }

    private static String box(int id, int category, int x, int y, int w, int h) {
        return """
                {"id": %d, "image_id": 0, "category_id": %d, "bbox": [%d, %d, %d, %d], "area": %d,
                 "segmentation": [], "iscrowd": 0}""".formatted(id, category, x, y, w, h, w * h);
    }

    private static Datasets.Loaded readBack(String format, Path zip) throws IOException {
        try (InputArchive archive = InputArchive.open(zip)) {
            return Datasets.read(Formats.require(format), archive.source());
        }
    }

    @Test
    void roboflowsOwnLayoutIsReadWithItsImages() throws IOException {
        // Roboflow's COCO export: <subset>/_annotations.coco.json beside the subset's images.
        Path input = dir.resolve("export");
        roboflowSubset(input, "train", "fruits", "a", box(0, 1, 10, 20, 40, 30));
        roboflowSubset(input, "valid", "none", "b", box(0, 2, 0, 0, 50, 50));
        for (String subset : List.of("train", "valid")) {
            Path folder = Files.createDirectories(input.resolve(subset));
            Files.move(input.resolve("annotations/instances_" + subset + ".json"),
                    folder.resolve("_annotations.coco.json"));
            Files.write(folder.resolve(subset.equals("train") ? "a.jpg" : "b.jpg"),
                    org.labelbridge.testing.ImageBytes.pngHeader(200, 100));
        }
        Files.delete(input.resolve("annotations"));

        Datasets.Converted yolo = Datasets.convert(input, "auto", "yolo", dir.resolve("yolo"),
                ConversionOptions.DEFAULTS);

        assertEquals("coco", yolo.result().source().format().id());
        assertEquals(List.of("train/a", "valid/b"), yolo.output().ids().stream().sorted().toList());
        assertTrue(Files.exists(dir.resolve("yolo/obj_train_data/a.jpg")), "the images beside the JSON are found");
        assertEquals(List.of("fruits", "Apple", "Banana"), Files.readAllLines(dir.resolve("yolo/obj.names")));
        assertEquals(List.of(), yolo.report().entries().stream().filter(e -> e.reason().contains("missing_image"))
                .toList());
    }

    @Test
    void roboflowSubsetsWithTwoSupercategoriesGiveOneYoloClass() throws IOException {
        Path input = dir.resolve("roboflow");
        roboflowSubset(input, "train", "fruits", "a", box(0, 1, 10, 20, 40, 30) + "," + box(1, 2, 100, 10, 20, 20));
        roboflowSubset(input, "valid", "none", "b", box(0, 1, 0, 0, 50, 50));
        roboflowSubset(input, "test", "none", "c", box(0, 1, 20, 40, 100, 60));
        Path zip = dir.resolve("yolo.zip");

        ConversionResult result = Converter.convert(new ConversionRequest(input, "auto", "yolo",
                ConversionOptions.DEFAULTS, zip));

        assertEquals(List.of("fruits", "Apple", "Banana"), Zips.text(zip, "obj.names").lines().toList(),
                "one class Apple, not Apple and Apple_3");
        Datasets.Loaded yolo = readBack("yolo", zip);
        List<String> appleBoxes = yolo.items().stream().flatMap(item -> item.annotations().stream()
                .filter(a -> "Apple".equals(yolo.labelOf(a))).map(a -> item.subset() + "/" + item.id())).toList();
        assertEquals(List.of("test/c", "train/a", "valid/b"), appleBoxes.stream().sorted().toList());
        Bbox apple = (Bbox) yolo.item("train", "a").annotations().stream()
                .filter(a -> "Apple".equals(yolo.labelOf(a))).findFirst().orElseThrow();
        assertEquals(List.of(10.0, 20.0, 40.0, 30.0), List.of(apple.x(), apple.y(), apple.w(), apple.h()));
        assertEquals(4, result.report().totalOut(), "every box written");

        List<String> merges = result.report().entries().stream().map(ConversionReport.Entry::reason)
                .filter(reason -> reason.contains("'Apple'")).toList();
        assertEquals(1, merges.size(), "reported once: " + merges);
        String merge = merges.get(0);
        assertTrue(merge.contains("supercategory 'none' in ") && merge.contains("instances_test.json (category id 1)")
                && merge.contains("supercategory 'fruits' in ") && merge.contains("instances_train.json (category id 1)")
                && merge.contains("read as one label, with supercategory 'none'"), merge);
    }

    @Test
    void theMergedLabelKeepsItsNameThroughCocoToo() throws IOException {
        Path input = dir.resolve("roboflow");
        roboflowSubset(input, "train", "fruits", "a", box(0, 1, 10, 20, 40, 30));
        roboflowSubset(input, "valid", "none", "b", box(0, 1, 0, 0, 50, 50));
        Path zip = dir.resolve("coco.zip");

        Converter.convert(new ConversionRequest(input, "coco", "coco", ConversionOptions.DEFAULTS, zip));

        Datasets.Loaded coco = readBack("coco", zip);
        assertEquals(List.of("fruits", "Apple", "Banana"),
                coco.categories().labels().stream().map(Label::name).toList());
        assertEquals("Apple", coco.labelOf(coco.item("train", "a").annotations().get(0)));
        assertEquals("Apple", coco.labelOf(coco.item("valid", "b").annotations().get(0)));
    }

    @Test
    void aNameUnderTwoLabelsWithAnnotationsIsAnError() throws IOException {
        Path input = dir.resolve("hierarchy");
        Path annotations = Files.createDirectories(input.resolve("annotations"));
        String image = """
                "images": [{"id": 0, "file_name": "x.jpg", "width": 10, "height": 10}]""";
        Files.writeString(annotations.resolve("instances_train.json"), """
                {"categories": [{"id": 1, "name": "vehicle"}, {"id": 2, "name": "animal"},
                                {"id": 3, "name": "small", "supercategory": "vehicle"}], %s,
                 "annotations": [%s, %s]}""".formatted(image, box(1, 1, 0, 0, 2, 2),
                box(2, 3, 0, 0, 2, 2)));
        Files.writeString(annotations.resolve("instances_val.json"), """
                {"categories": [{"id": 1, "name": "vehicle"}, {"id": 2, "name": "animal"},
                                {"id": 4, "name": "small", "supercategory": "animal"}], %s,
                 "annotations": [%s, %s]}""".formatted(image, box(1, 2, 0, 0, 2, 2),
                box(2, 4, 0, 0, 2, 2)));

        FormatException e = assertThrows(FormatException.class, () -> Converter.convert(new ConversionRequest(
                input, "auto", "yolo", ConversionOptions.DEFAULTS, dir.resolve("out.zip"))));

        assertTrue(e.getMessage().contains("instances_val.json, category id 4: category 'small' has the supercategory"
                + " 'animal', and 'vehicle' in "), e.getMessage());
        assertTrue(e.getMessage().contains("instances_train.json (category id 3)"), e.getMessage());
    }

    @Test
    void skeletonNodesOfOneNameStayApart() throws IOException {
        Path input = dir.resolve("keypoints");
        Path annotations = Files.createDirectories(input.resolve("annotations"));
        Files.writeString(annotations.resolve("person_keypoints_train.json"), """
                {"categories": [{"id": 1, "name": "person", "keypoints": ["nose", "eye"], "skeleton": [[1, 2]]},
                                {"id": 2, "name": "cat", "keypoints": ["nose", "tail"], "skeleton": [[1, 2]]}],
                 "images": [{"id": 1, "file_name": "x.jpg", "width": 10, "height": 10}],
                 "annotations": [{"id": 1, "image_id": 1, "category_id": 1, "keypoints": [1, 1, 2, 2, 2, 2],
                                  "num_keypoints": 2, "bbox": [1, 1, 1, 1], "iscrowd": 0},
                                 {"id": 2, "image_id": 1, "category_id": 2, "keypoints": [5, 5, 2, 6, 6, 2],
                                  "num_keypoints": 2, "bbox": [5, 5, 1, 1], "iscrowd": 0}]}""");
        Path zip = dir.resolve("datumaro.zip");

        ConversionResult result = Converter.convert(new ConversionRequest(input, "coco_keypoints", "datumaro",
                ConversionOptions.DEFAULTS, zip));

        Datasets.Loaded back = readBack("datumaro", zip);
        assertEquals(List.of("person", "nose", "eye", "cat", "nose", "tail"),
                back.categories().labels().stream().map(Label::name).toList());
        List<Annotation> skeletons = back.item("x").annotations();
        assertEquals(List.of("person", "cat"), skeletons.stream().map(back::labelOf).toList());
        assertEquals(List.of(5.0, 5.0), List.of(((Skeleton) skeletons.get(1)).nodes().get(0).x(0),
                ((Skeleton) skeletons.get(1)).nodes().get(0).y(0)));
        assertTrue(result.report().entries().stream().noneMatch(e -> e.reason().contains("supercategories")),
                result.report().entries().toString());
    }
}

package org.labelbridge.format.coco;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.archive.DirectorySource;
import org.labelbridge.format.FormatException;
import org.labelbridge.testing.Datasets;

/** Broken files fail with the file, the entry or line, and what was expected. */
class CocoErrorsTest {

    private static final CocoFormat COCO = new CocoFormat();
    private static final String IMAGES = "\"images\": [{\"id\": 1, \"file_name\": \"a.jpg\", \"width\": 4, \"height\": 2}],\n";
    private static final String CATEGORIES = "\"categories\": [{\"id\": 3, \"name\": \"cat\"}],\n";
    private static final String GOOD = "{\"id\": 41, \"image_id\": 1, \"category_id\": 3, \"bbox\": [0, 0, 1, 1], \"iscrowd\": 0}";

    @TempDir
    Path dir;

    private String read(String json) throws IOException {
        Files.createDirectories(dir.resolve("annotations"));
        Files.writeString(dir.resolve("annotations/instances_train.json"), json);
        FormatException e = assertThrows(FormatException.class, () -> Datasets.read(COCO, DirectorySource.of(dir)));
        return e.getMessage();
    }

    private String annotations(String... entries) throws IOException {
        return read("{\n" + IMAGES + CATEGORIES + "\"annotations\": [\n" + String.join(",\n", entries) + "\n]}");
    }

    @Test
    void malformedJson() throws IOException {
        String message = read("{\n\"images\": [\n  {\"id\": ]\n}");
        assertEquals(true, message.startsWith(dir.getFileName() + "!/annotations/instances_train.json, line 3, column 10: "
                + "malformed JSON: Unexpected character (']' (code 93)): expected a"), message);
    }

    @Test
    void truncatedFile() throws IOException {
        String message = read("{\n" + IMAGES + "\"annotations\": [" + GOOD);
        assertEquals(true, message.startsWith(dir.getFileName() + "!/annotations/instances_train.json, line 3"), message);
        assertEquals(true, message.contains("malformed JSON: Unexpected end-of-input"), message);
    }

    @Test
    void notAnObject() throws IOException {
        assertEquals(dir.getFileName() + "!/annotations/instances_train.json, line 1: "
                + "expected a JSON object with 'images' and 'annotations'", read("[1, 2]"));
    }

    @Test
    void noImages() throws IOException {
        assertEquals(dir.getFileName() + "!/annotations/instances_train.json: no 'images' list: not a COCO annotation file",
                read("{\"annotations\": []}"));
    }

    @Test
    void wrongTypeNamesTheEntry() throws IOException {
        assertEquals(dir.getFileName() + "!/annotations/instances_train.json, annotations[1] (id 42), line 6: "
                + "'bbox' must be a list, got the string \"1,2,3,4\"",
                annotations(GOOD, "{\"id\": 42, \"image_id\": 1, \"category_id\": 3, \"bbox\": \"1,2,3,4\"}"));
    }

    @Test
    void idAsText() throws IOException {
        assertEquals(dir.getFileName() + "!/annotations/instances_train.json, images[0], line 2: "
                + "'id' must be an integer, got the string \"one\"",
                read("{\n\"images\": [{\"id\": \"one\", \"file_name\": \"a.jpg\"}]}"));
    }

    @Test
    void boxWithThreeNumbers() throws IOException {
        assertEquals(dir.getFileName() + "!/annotations/instances_train.json, annotations[0] (id 7), line 5: "
                + "'bbox' needs 4 numbers [x, y, width, height], got 3",
                annotations("{\"id\": 7, \"image_id\": 1, \"category_id\": 3, \"bbox\": [1, 2, 3]}"));
    }

    @Test
    void unknownImageAfterImages() throws IOException {
        assertEquals(dir.getFileName() + "!/annotations/instances_train.json, annotations[1] (id 42), line 6: "
                + "'image_id' 99 is not in 'images'",
                annotations(GOOD, "{\"id\": 42, \"image_id\": 99, \"category_id\": 3, \"bbox\": [0, 0, 1, 1]}"));
    }

    /** COCO's usual order puts categories last: the check waits for the end of the file. */
    @Test
    void unknownCategoryBeforeCategories() throws IOException {
        assertEquals(dir.getFileName() + "!/annotations/instances_train.json, annotations[1] (id 42): "
                + "'category_id' 7 is not in 'categories'",
                read("{\n" + IMAGES + "\"annotations\": [" + GOOD + ",\n"
                        + "{\"id\": 42, \"image_id\": 1, \"category_id\": 7, \"bbox\": [0, 0, 1, 1]}],\n"
                        + CATEGORIES.replace(",\n", "") + "}"));
    }

    @Test
    void unknownImageBeforeImages() throws IOException {
        assertEquals(dir.getFileName() + "!/annotations/instances_train.json, annotations[0] (id 5): "
                + "'image_id' 2 is not in 'images'",
                read("{\"annotations\": [{\"id\": 5, \"image_id\": 2, \"bbox\": [0, 0, 1, 1]}],\n" + IMAGES.replace(",\n", "") + "}"));
    }

    @Test
    void oddPolygon() throws IOException {
        assertEquals(dir.getFileName() + "!/annotations/instances_train.json, annotations[0] (id 7), line 5: "
                + "polygon 1 of 'segmentation' has 7 numbers; expected x, y pairs",
                annotations("{\"id\": 7, \"image_id\": 1, \"category_id\": 3, "
                        + "\"segmentation\": [[0, 0, 1, 0, 1, 1], [0, 0, 1, 0, 1, 1, 2]]}"));
    }

    @Test
    void rleThatDoesNotCoverItsSize() throws IOException {
        assertEquals(dir.getFileName() + "!/annotations/instances_train.json, annotations[0] (id 7), line 5: "
                + "RLE 'counts' add up to 7 pixels; 'size' 2x4 has 8",
                annotations("{\"id\": 7, \"image_id\": 1, \"category_id\": 3, \"iscrowd\": 1, "
                        + "\"segmentation\": {\"counts\": [3, 4], \"size\": [2, 4]}}"));
    }

    @Test
    void brokenCompressedRle() throws IOException {
        String message = annotations("{\"id\": 7, \"image_id\": 1, \"category_id\": 3, \"iscrowd\": 1, "
                + "\"segmentation\": {\"counts\": \"1\", \"size\": [2, 4]}}");
        assertEquals(true, message.startsWith(dir.getFileName() + "!/annotations/instances_train.json, "
                + "annotations[0] (id 7), line 5: compressed RLE 'counts' cannot be decoded"), message);
    }

    @Test
    void objectWithoutGeometry() throws IOException {
        assertEquals(dir.getFileName() + "!/annotations/instances_train.json, annotations[0] (id 7), line 5: "
                + "an object needs a 'segmentation' or a 'bbox'",
                annotations("{\"id\": 7, \"image_id\": 1, \"category_id\": 3, \"segmentation\": []}"));
    }

    @Test
    void noAnnotationFile() throws IOException {
        Files.createDirectories(dir.resolve("images"));
        Files.writeString(dir.resolve("images/a.jpg"), "");
        FormatException e = assertThrows(FormatException.class, () -> Datasets.read(COCO, DirectorySource.of(dir)));
        assertEquals(dir.getFileName() + "!/: no COCO annotation file: expected annotations/<task>_<subset>.json,"
                + " e.g. annotations/instances_train.json", e.getMessage());
    }
}

package org.labelbridge.format.datumaro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.archive.DirectorySource;
import org.labelbridge.format.FormatException;
import org.labelbridge.testing.Datasets;

/** Broken input fails with a message that names the file, the entry or line, and what was expected. */
class DatumaroBadInputTest {

    private static final String CATEGORIES = "\"categories\": {\"label\": {\"labels\": ["
            + "{\"name\": \"a\", \"parent\": \"\"}, {\"name\": \"b\", \"parent\": \"\"}]}}";

    private final DatumaroFormat format = new DatumaroFormat();
    @TempDir
    Path dir;

    private String failure(String file, String json) throws IOException {
        Path target = dir.resolve(file);
        Files.createDirectories(target.getParent());
        Files.writeString(target, json);
        FormatException e = assertThrows(FormatException.class,
                () -> Datasets.read(format, DirectorySource.of(dir)));
        return e.getMessage();
    }

    private static void assertMentions(String message, String... fragments) {
        for (String fragment : fragments) {
            assertTrue(message.contains(fragment), "'" + fragment + "' not in: " + message);
        }
    }

    @Test
    void malformedJsonNamesFileLineAndColumn() throws IOException {
        String message = failure("annotations/default.json", "{\n  " + CATEGORIES + ",\n  \"items\": [\n"
                + "    {\"id\": \"1\", \"annotations\": [}\n  ]\n}");
        assertMentions(message, "annotations/default.json", "line 4, column", "malformed JSON");
    }

    @Test
    void truncatedFileIsMalformed() throws IOException {
        String message = failure("annotations/default.json", "{" + CATEGORIES + ", \"items\": [{\"id\": \"1\"");
        assertMentions(message, "annotations/default.json", "malformed JSON", "end-of-input");
    }

    @Test
    void wrongTypeNamesTheAnnotation() throws IOException {
        String message = failure("annotations/default.json", "{" + CATEGORIES + ", \"items\": [{\"id\": \"1\","
                + " \"annotations\": [{\"id\": 0, \"type\": \"bbox\", \"label_id\": 0, \"bbox\": \"1,2,3,4\"}]}]}");
        assertMentions(message, "annotations/default.json", "items[0].annotations[0]", "line 1",
                "expected bbox (an array of numbers), got the string \"1,2,3,4\"");
    }

    @Test
    void labelOutsideTheCategoriesIsAContentProblemNamingItemAndAnnotation() throws IOException {
        Path target = dir.resolve("annotations/train.json");
        Files.createDirectories(target.getParent());
        Files.writeString(target, "{" + CATEGORIES + ", \"items\": ["
                + "{\"id\": \"1\", \"annotations\": []},"
                + "{\"id\": \"2\", \"annotations\": [{\"id\": 0, \"type\": \"label\", \"label_id\": 0},"
                + " {\"id\": 1, \"type\": \"label\", \"label_id\": 5}]}]}");

        FormatException e = assertThrows(FormatException.class, () -> org.labelbridge.convert.Converter.convert(
                new org.labelbridge.convert.ConversionRequest(dir, "datumaro", "datumaro", null, dir.resolve("out"))));
        assertMentions(e.getMessage(), "item '2' (subset 'train')", "annotations/train.json", "items[1].annotations[1]",
                "label_id 5 is not among the 2 declared labels", "(unknown_label)", "on_problem=skip");

        Datasets.Converted skipped = Datasets.convert(dir, "datumaro", "datumaro", dir.resolve("skipped"),
                org.labelbridge.convert.ConversionOptions.fromMap(java.util.Map.of("on_problem", "skip")));
        assertEquals(1, skipped.report().problemCount());
        assertEquals(1, skipped.output().item("2").annotations().size(), "the good tag is kept");
    }

    @Test
    void boxNeedsFourNumbers() throws IOException {
        String message = failure("annotations/default.json", "{" + CATEGORIES + ", \"items\": [{\"id\": \"1\","
                + " \"annotations\": [{\"id\": 0, \"type\": \"bbox\", \"bbox\": [1, 2, 3]}]}]}");
        assertMentions(message, "items[0].annotations[0]", "a bbox needs 'bbox' [x, y, w, h]; got 3 numbers");
    }

    @Test
    void visibilityMustMatchThePoints() throws IOException {
        String message = failure("annotations/default.json", "{" + CATEGORIES + ", \"items\": [{\"id\": \"1\","
                + " \"annotations\": [{\"id\": 0, \"type\": \"points\", \"points\": [1, 2, 3, 4], \"visibility\": [2]}]}]}");
        assertMentions(message, "items[0].annotations[0]", "expected 2 visibility values (one per point), got 1");
    }

    @Test
    void skeletonElementMustBePoints() throws IOException {
        String message = failure("annotations/default.json", "{" + CATEGORIES + ", \"items\": [{\"id\": \"1\","
                + " \"annotations\": [{\"id\": 0, \"type\": \"skeleton\", \"elements\": ["
                + "{\"id\": 1, \"type\": \"bbox\", \"bbox\": [1, 2, 3, 4]}]}]}]}");
        assertMentions(message, "items[0].annotations[0].elements[0]", "must be of type points, got bbox");
    }

    @Test
    void badRleIsReported() throws IOException {
        String message = failure("annotations/default.json", "{" + CATEGORIES + ", \"items\": [{\"id\": \"1\","
                + " \"annotations\": [{\"id\": 0, \"type\": \"mask\", \"rle\": {\"counts\": \"132\", \"size\": [5, 5]}}]}]}");
        assertMentions(message, "items[0].annotations[0]", "bad mask RLE");
    }

    @Test
    void itemNeedsAnId() throws IOException {
        String message = failure("annotations/default.json", "{" + CATEGORIES + ", \"items\": [{\"annotations\": []}]}");
        assertMentions(message, "items[0]", "the item has no 'id'");
    }

    @Test
    void annotationNeedsAType() throws IOException {
        String message = failure("annotations/default.json", "{" + CATEGORIES + ", \"items\": [{\"id\": \"1\","
                + " \"annotations\": [{\"id\": 0, \"label_id\": 1}]}]}");
        assertMentions(message, "items[0].annotations[0]", "the annotation has no 'type'");
    }

    @Test
    void topLevelMustBeAnObject() throws IOException {
        String message = failure("annotations/default.json", "[]");
        assertMentions(message, "annotations/default.json", "expected a JSON object with 'categories' and 'items'");
    }

    @Test
    void labelWithoutNameIsNamed() throws IOException {
        String message = failure("annotations/default.json",
                "{\"categories\": {\"label\": {\"labels\": [{\"parent\": \"\"}]}}, \"items\": []}");
        assertMentions(message, "categories.label.labels[0]", "the label has no 'name'");
    }

    @Test
    void subsetFilesMustAgreeOnCategories() throws IOException {
        Files.createDirectories(dir.resolve("annotations"));
        Files.writeString(dir.resolve("annotations/train.json"), "{" + CATEGORIES + ", \"items\": []}");
        String message = failure("annotations/val.json",
                "{\"categories\": {\"label\": {\"labels\": [{\"name\": \"z\", \"parent\": \"\"}]}}, \"items\": []}");
        assertMentions(message, "annotations/val.json", "categories", "differ from those of annotations/train.json");
    }

    @Test
    void noAnnotationFileAtAll() throws IOException {
        Files.writeString(dir.resolve("readme.txt"), "nothing");
        FormatException e = assertThrows(FormatException.class, () -> Datasets.read(format, DirectorySource.of(dir)));
        assertMentions(e.getMessage(), "no Datumaro annotation file");
    }
}

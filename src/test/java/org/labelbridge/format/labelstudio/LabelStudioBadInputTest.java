package org.labelbridge.format.labelstudio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.archive.DirectorySource;
import org.labelbridge.convert.ConversionOptions;
import org.labelbridge.convert.ConversionRequest;
import org.labelbridge.convert.Converter;
import org.labelbridge.format.FormatException;
import org.labelbridge.testing.Datasets;
import org.labelbridge.testing.Datasets.Loaded;
import org.labelbridge.testing.RecordedProblems;

/** Broken or hostile exports fail naming the file, the task and the result; odd ones are read and reported. */
class LabelStudioBadInputTest {

    private static final String BOX = "{\"id\": \"b\", \"type\": \"rectanglelabels\", \"original_width\": 100,"
            + " \"original_height\": 50, \"value\": {\"x\": 10, \"y\": 10, \"width\": 20, \"height\": 20,"
            + " \"rectanglelabels\": [\"car\"]}}";

    @TempDir
    Path dir;

    private Path export(String json) throws IOException {
        Files.writeString(dir.resolve("export.json"), json);
        return dir;
    }

    private static String task(String... results) {
        return "[{\"id\": 1, \"data\": {\"image\": \"/data/upload/1/a.jpg\"}, \"annotations\": [{\"id\": 5,"
                + " \"result\": [" + String.join(", ", results) + "]}]}]";
    }

    private String failure(String json) throws IOException {
        Path in = export(json);
        FormatException e = assertThrows(FormatException.class, () -> Datasets.read(new LabelStudioFormat(),
                DirectorySource.of(in)));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        return e.getMessage();
    }

    @Test
    void malformedJsonNamesTheLine() throws IOException {
        String message = failure("[{\"data\": {\"image\": \"a.jpg\"}, \"annotations\": [\n{\"result\": [}]}]");
        assertTrue(message.contains("export.json, line 2, column"), message);
        assertTrue(message.contains("malformed JSON"), message);
    }

    @Test
    void aCoordinateThatIsNoNumber() throws IOException {
        String message = failure(task(BOX.replace("\"x\": 10", "\"x\": \"ten\"")));
        assertTrue(message.endsWith("export.json, task[0], annotations[0], result[0]: expected value.x to be a number"
                + " (percent), got \"ten\""), message);
    }

    @Test
    void aPolygonOfTwoPoints() throws IOException {
        String message = failure(task("{\"type\": \"polygonlabels\", \"original_width\": 10, \"original_height\": 10,"
                + " \"value\": {\"points\": [[1, 1], [2, 2]], \"polygonlabels\": [\"a\"]}}"));
        assertTrue(message.endsWith("result[0]: expected value.points, a list of at least 3 [x, y] pairs"), message);
    }

    @Test
    void aBrushByteOutOfRange() throws IOException {
        String message = failure(task("{\"type\": \"brushlabels\", \"original_width\": 1, \"original_height\": 1,"
                + " \"value\": {\"format\": \"rle\", \"rle\": [0, 300], \"brushlabels\": [\"a\"]}}"));
        assertTrue(message.endsWith("result[0]: expected value.rle[1] to be a byte (0..255), got 300"), message);
    }

    @Test
    void aBrushOfAHugeImageIsRefusedBeforeAnyPixelIsMade() throws IOException {
        String message = failure(task("{\"type\": \"brushlabels\", \"original_width\": 100000, \"original_height\":"
                + " 100000, \"value\": {\"format\": \"rle\", \"rle\": [255, 255, 255, 255], \"brushlabels\": [\"a\"]}}"));
        assertTrue(message.contains("result[0]: the brush mask of 100000x100000 pixels is larger than the"), message);
    }

    @Test
    void aBrushWhoseCountIsNotTheImagesSaysBoth() throws IOException {
        int[] rle = BrushRle.encode(new int[] {0, 0, 0, 255});
        String message = failure(task("{\"type\": \"brushlabels\", \"original_width\": 2, \"original_height\": 2,"
                + " \"value\": {\"format\": \"rle\", \"rle\": " + java.util.Arrays.toString(rle)
                + ", \"brushlabels\": [\"a\"]}}"));
        assertTrue(message.endsWith("result[0]: the brush RLE holds 4 values, but a 2x2 RGBA image has 16"), message);
    }

    @Test
    void aListOfSomethingElseThanTasks() throws IOException {
        String message = failure("[{\"data\": {\"image\": \"a.jpg\"}, \"annotations\": []}, 7]");
        assertTrue(message.contains("export.json, line 1: expected a task object in the list, got VALUE_NUMBER_INT"),
                message);
    }

    @Test
    void nestingDeeperThanAnyExportIsRefused() throws IOException {
        String message = failure("[{\"data\": {\"image\": \"a.jpg\"}, \"annotations\": [], \"meta\": "
                + "[".repeat(200) + "]".repeat(200) + "}]");
        assertTrue(message.contains("export.json, line 1"), message);
        assertTrue(message.contains("nesting depth"), message);
    }

    @Test
    void aRegionDrawnOnARotatedViewIsReadAsStoredAndSaysSo() throws IOException {
        RecordedProblems problems = new RecordedProblems();
        Loaded d = Datasets.read(new LabelStudioFormat(), DirectorySource.of(export(task(
                BOX.replace("\"original_height\": 50,", "\"original_height\": 50, \"image_rotation\": 90,")))), problems);

        assertEquals(1, d.items().get(0).annotations().size());
        assertEquals(1, problems.matching("changed a bbox: image_rotation is not applied").size(), problems.toString());
    }

    @Test
    void otherJsonIsNotLabelStudio() throws IOException {
        Files.writeString(dir.resolve("instances.json"), "{\"images\": [], \"annotations\": [], \"categories\": []}");
        assertEquals(0, new LabelStudioFormat().detect(DirectorySource.of(dir)).confidence());

        FormatException e = assertThrows(FormatException.class, () -> Converter.convert(new ConversionRequest(dir,
                "label_studio", "coco", ConversionOptions.DEFAULTS, dir.resolve("out"))));
        assertTrue(e.getMessage().endsWith("looked at instances.json"), e.getMessage());
    }

    @Test
    void unknownResultsAreReportedNotFailedAndARegionWithoutASizeTakesTheTasks() throws IOException {
        RecordedProblems problems = new RecordedProblems();
        Loaded d = Datasets.read(new LabelStudioFormat(), DirectorySource.of(export(task(BOX,
                "{\"type\": \"rating\", \"value\": {\"rating\": 4}}",
                "{\"type\": \"polygonlabels\", \"value\": {\"points\": [[1, 1], [2, 2], [3, 1]],"
                        + " \"polygonlabels\": [\"car\"]}}",
                "{\"type\": \"videorectangle\", \"value\": {\"sequence\": []}}"))), problems);

        assertEquals(2, d.items().get(0).annotations().size());
        // the box's original_width/height (100x50) are the task's image size: the polygon's percent are of it
        org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {1, 0.5, 2, 1, 3, 0.5},
                ((org.labelbridge.model.Polygon) d.items().get(0).annotations().get(1)).points(), 1e-9);
        assertEquals(List.of(
                "item a: a 'rating' result is not kept: labelbridge reads image regions, choices and text",
                "item a: a 'videorectangle' result is not kept: labelbridge reads image regions, choices and text",
                "item a: its image '/data/upload/1/a.jpg' is not in the archive (no image of that file name)"),
                problems.lines().stream().sorted().toList());
    }
}

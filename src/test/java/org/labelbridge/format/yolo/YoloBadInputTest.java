package org.labelbridge.format.yolo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.archive.DirectorySource;
import org.labelbridge.convert.ConversionOptions;
import org.labelbridge.convert.ConversionRequest;
import org.labelbridge.convert.Converter;
import org.labelbridge.format.FormatException;
import org.labelbridge.model.AnnotationKind;
import org.labelbridge.testing.Datasets;

/** Broken datasets fail with a message naming the file, the line and what was expected. */
class YoloBadInputTest {

    private final YoloFormat format = new YoloFormat();

    @TempDir
    Path dir;

    @Test
    void labelLineWithTooFewFields() throws IOException {
        labels("2 0.133333 0.300000 0.266667 0.200000\n4 0.266667 0.450000 0.133333\n");
        assertFails("obj_train_data/1.txt, line 2: expected 5 fields (label_id cx cy w h), got 4");
    }

    @Test
    void labelLineWithANonNumber() throws IOException {
        labels("2 0.1 abc 0.2 0.2\n");
        assertFails("obj_train_data/1.txt, line 1: expected a number for the box centre y, got 'abc'");
    }

    @Test
    void labelLineWithNaN() throws IOException {
        labels("\n2 0.1 0.1 NaN 0.2\n");
        assertFails("obj_train_data/1.txt, line 2: expected a number for the box width, got 'NaN'");
    }

    @Test
    void labelIdOutsideObjNamesFollowsOptionOnProblem(@TempDir Path out) throws IOException {
        labels("2 0.1 0.1 0.2 0.2\n10 0.1 0.1 0.2 0.2\n");

        FormatException e = assertThrows(FormatException.class, () -> Converter.convert(new ConversionRequest(dir,
                "yolo", "coco", ConversionOptions.DEFAULTS, out.resolve("failed"))));
        assertTrue(e.getMessage().contains("item '1' (subset 'train'), annotations[1] (bbox): "), e.getMessage());
        assertTrue(e.getMessage().contains("obj_train_data/1.txt, line 2: label id 10 is not in obj.names (10 labels,"
                + " ids 0 to 9) (unknown_label)"), e.getMessage());
        assertFalse(Files.exists(out.resolve("failed")), "a failed conversion leaves no output");

        Datasets.Converted skipped = Datasets.convert(dir, "yolo", "coco", out.resolve("skipped"),
                ConversionOptions.fromMap(Map.of("on_problem", "skip")));
        assertEquals(1, skipped.report().problemCount());
        assertEquals(Map.of(AnnotationKind.BBOX, 2L), skipped.report().annotationsIn(), "the bad line was in the input");
        assertEquals(Map.of(AnnotationKind.BBOX, 1L), skipped.report().annotationsOut());
        assertEquals(1, skipped.output().item("1").annotations().size());
    }

    @Test
    void labelIdThatIsNotAWholeNumber() throws IOException {
        labels("1.0 0.1 0.1 0.2 0.2\n");
        assertFails("obj_train_data/1.txt, line 1: expected a label id (a whole number from 0), got '1.0'");
        labels("-1 0.1 0.1 0.2 0.2\n");
        assertFails("obj_train_data/1.txt, line 1: expected a label id (a whole number from 0), got '-1'");
    }

    @Test
    void missingListFile() throws IOException {
        YoloImportTest.copySample(dir);
        Files.writeString(dir.resolve("obj.data"), "classes = 10\ntrain = data/train.txt\nvalid = data/valid.txt\n"
                + "names = data/obj.names\n");
        assertFails("obj.data, line 3: the list file of subset 'valid' ('data/valid.txt') is not in the dataset");
    }

    @Test
    void missingNames() throws IOException {
        YoloImportTest.copySample(dir);
        Files.writeString(dir.resolve("obj.data"), "train = data/train.txt\nnames = data/labels.names\n");
        assertFails("obj.data, line 2: the label list 'data/labels.names' is not in the dataset");
    }

    @Test
    void listedPathOutsideTheDataset() throws IOException {
        YoloImportTest.copySample(dir);
        Files.writeString(dir.resolve("train.txt"), "data/obj_train_data/1.jpg\n/home/me/darknet/data/obj/2.jpg\n");
        assertFails("train.txt, line 2: expected an image path relative to the dataset");
        Files.writeString(dir.resolve("train.txt"), "../1.jpg\n");
        assertFails("train.txt, line 1: expected an image path relative to the dataset");
    }

    @Test
    void badImagesMeta() throws IOException {
        YoloImportTest.copySample(dir);
        Files.writeString(dir.resolve("images.meta"), "1 10 fifteen\n");
        assertFails("images.meta, line 1: expected the image width as a positive whole number, got 'fifteen'");
    }

    @Test
    void notYoloAtAll() throws IOException {
        Files.writeString(dir.resolve("annotations.xml"), "<annotations/>");
        assertFails("not a YOLO dataset: expected obj.data");
    }

    private void labels(String content) throws IOException {
        if (!Files.exists(dir.resolve("obj.data"))) {
            YoloImportTest.copySample(dir);
        }
        Files.writeString(dir.resolve("obj_train_data/1.txt"), content);
    }

    private void assertFails(String expected) throws IOException {
        FormatException e = assertThrows(FormatException.class,
                () -> Datasets.read(format, DirectorySource.of(dir)));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}

package org.labelbridge.format.ultralytics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.convert.ConversionOptions;
import org.labelbridge.format.FormatException;
import org.labelbridge.model.Bbox;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.Datasets;
import org.labelbridge.testing.Datasets.Converted;

/**
 * Subsets become the splits Ultralytics reads (train, val, test, minival), through the whole
 * pipeline: what is written reads back, and every rename and merge is in the report.
 */
class UltralyticsSplitsTest {

    @TempDir
    Path tmp;

    @Test
    void aCvatProjectsTrainTestValidationBecomeTrainTestVal() throws IOException {
        Converted converted = Datasets.convert(Corpus.path("cvat_images_1.1/ovd_export_project"), "auto",
                "ultralytics_detection", tmp.resolve("out"), ConversionOptions.DEFAULTS);

        assertEquals("path: .\ntest: test.txt\ntrain: train.txt\nval: val.txt\nnames:\n  0: label1\n  1: label2\n",
                Files.readString(tmp.resolve("out/data.yaml")));
        assertEquals(List.of("test/img0", "test/img1", "train/img0", "train/img1", "val/img0", "val/img1"),
                converted.output().ids());
        assertEquals(6, converted.report().itemsOut());
        Bbox box = assertInstanceOf(Bbox.class, converted.output().item("val", "img0").annotations().get(0));
        assertArrayEquals(new double[] {0, 2, 4, 2}, new double[] {box.x(), box.y(), box.w(), box.h()}, 1e-9);
        assertEquals("label1", converted.output().labelOf(box));
        assertEquals(3, converted.count("is written to split"), "once per subset: Test, Train, Validation");
    }

    @Test
    void subsetsMergedIntoOneSplitKeepEveryItemUnderItsOwnId() throws IOException {
        Path input = cvatXml("""
                <image id="0" name="a.jpg" subset="Train" width="10" height="10">
                  <box label="cat" xtl="1" ytl="1" xbr="3" ybr="3" occluded="0"/></image>
                <image id="1" name="a.jpg" subset="training" width="20" height="20">
                  <box label="cat" xtl="2" ytl="4" xbr="6" ybr="8" occluded="0"/></image>
                <image id="2" name="b.jpg" subset="Validation" width="10" height="10"/>
                """);
        Converted converted = Datasets.convert(input, "cvat_images", "ultralytics_detection", tmp.resolve("out"),
                ConversionOptions.DEFAULTS);

        assertEquals(List.of("train/a", "train/a_training", "val/b"), converted.output().ids());
        Bbox twin = (Bbox) converted.output().item("train", "a_training").annotations().get(0);
        assertArrayEquals(new double[] {2, 4, 4, 4}, new double[] {twin.x(), twin.y(), twin.w(), twin.h()}, 1e-9);
        assertEquals(1, converted.count("is merged into split"));
        assertEquals(1, converted.count("another item written to split"));
        assertEquals(3, converted.report().itemsOut());
    }

    @Test
    void aLoneSubsetOfAnotherNameIsTrainBesideOthersItFailsUnlessMapped() throws IOException {
        Converted alone = Datasets.convert(cvatXml("""
                <image id="0" name="a.jpg" subset="batch1" width="10" height="10"/>
                """), "cvat_images", "ultralytics_detection", tmp.resolve("alone"), ConversionOptions.DEFAULTS);
        assertEquals(List.of("train/a"), alone.output().ids());
        assertEquals(1, alone.count("it is the only subset"));

        String mixed = """
                <image id="0" name="a.jpg" subset="Train" width="10" height="10"/>
                <image id="1" name="b.jpg" subset="batch1" width="10" height="10"/>
                """;
        FormatException refused = assertThrows(FormatException.class, () -> Datasets.convert(cvatXml(mixed),
                "cvat_images", "ultralytics_detection", tmp.resolve("refused"), ConversionOptions.DEFAULTS));
        assertEquals("subset 'batch1' names no Ultralytics split (train, val, test, minival) and the dataset has"
                + " other subsets (e.g. 'Train'): say which split it is with the option subset_map, e.g."
                + " {\"batch1\": \"test\"}, or leave it out with {\"batch1\": null}", refused.getMessage());
        assertFalse(Files.exists(tmp.resolve("refused")));

        Converted mapped = Datasets.convert(cvatXml(mixed), "cvat_images", "ultralytics_detection",
                tmp.resolve("mapped"), ConversionOptions.fromMap(Map.of("subset_map", Map.of("batch1", "test"))));
        assertEquals(List.of("train/a", "test/b"), mapped.output().ids());
    }

    private Path cvatXml(String images) throws IOException {
        Path dir = Files.createTempDirectory(tmp, "cvat");
        Files.writeString(dir.resolve("annotations.xml"), """
                <?xml version="1.0" encoding="utf-8"?>
                <annotations>
                  <version>1.1</version>
                  <meta><task><labels><label><name>cat</name><type>rectangle</type><attributes/></label></labels>
                  </task></meta>
                """ + images + "</annotations>\n");
        return dir;
    }
}

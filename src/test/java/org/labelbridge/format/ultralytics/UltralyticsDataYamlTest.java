package org.labelbridge.format.ultralytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.archive.DirectorySource;
import org.labelbridge.convert.ConversionRequest;
import org.labelbridge.convert.ConversionResult;
import org.labelbridge.convert.Converter;
import org.labelbridge.format.Formats;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.Datasets;
import org.labelbridge.testing.Datasets.Loaded;

/**
 * data.yaml as Ultralytics reads it ({@code check_det_dataset}, {@code get_img_files}): images
 * only from train, val, test and minival (validation for val), each a folder, a list file, an
 * image, or a list of those, relative to {@code path}. Built from the corpus sample
 * yolov8_detection (a 15x10 image with two boxes), converted to Datumaro and read back.
 */
class UltralyticsDataYamlTest {

    @TempDir
    Path tmp;

    private static final String NAMES = "names: [label_0, label_1, label_2, label_3, label_4, label_5, label_6,"
            + " label_7, label_8, label_9]\n";

    private Path in() {
        return tmp.resolve("in");
    }

    private void file(String path, String text) throws IOException {
        Files.createDirectories(in().resolve(path).getParent());
        Files.writeString(in().resolve(path), text);
    }

    /** The sample's image at {@code image}, and its two boxes in the label file Ultralytics looks for. */
    private void labelledImage(String image) throws IOException {
        Path sample = Corpus.path("ultralytics_yolo/yolov8_detection");
        Files.createDirectories(in().resolve(image).getParent());
        Files.copy(sample.resolve("images/train/1.jpg"), in().resolve(image));
        file(UltralyticsLayout.labelsPath(image), Files.readString(sample.resolve("labels/train/1.txt")));
    }

    private ConversionResult convert() throws IOException {
        return Converter.convert(new ConversionRequest(in(), "ultralytics_detection", "datumaro", null,
                tmp.resolve("out")));
    }

    private Loaded output() throws IOException {
        return Datasets.read(Formats.require("datumaro"), DirectorySource.of(tmp.resolve("out")));
    }

    private static List<String> reasons(ConversionResult result) {
        // The report groups reasons that differ only in names and lines: the others are its examples.
        return result.report().entries().stream()
                .flatMap(e -> java.util.stream.Stream.concat(java.util.stream.Stream.of(e.reason()), e.examples().stream()))
                .toList();
    }

    @Test
    void onlyTheSplitsUltralyticsReadsAreSubsets() throws IOException {
        file("data.yaml", "path: .\ntrain: images/train\nval: images/val\nminival: images/minival\n"
                + "format: images/other\nskip_if_label_file_missing: true\n"
                + "download: https://example.com/set.zip\nnc: 10\n" + NAMES);
        labelledImage("images/train/1.jpg");
        labelledImage("images/val/2.jpg");
        labelledImage("images/minival/3.jpg");
        labelledImage("images/other/4.jpg");

        ConversionResult result = convert();

        Loaded d = output();
        assertEquals(List.of("minival/3", "train/1", "val/2"), d.ids().stream().sorted().toList());
        Shapes.box(d.categories(), d.item("val", "2").annotations().get(0), "label_2", 0, 2, 4, 2, 0);
        assertTrue(reasons(result).stream().anyMatch(r -> r.endsWith("line 5: 'format' is not used (Ultralytics reads"
                + " images only from train, val, test, minival)")), reasons(result).toString());
        assertTrue(reasons(result).stream().anyMatch(r -> r.endsWith("line 6: 'skip_if_label_file_missing' is not"
                + " used (Ultralytics reads images only from train, val, test, minival)")), reasons(result).toString());
    }

    @Test
    void validationIsValWhenThereIsNoVal() throws IOException {
        file("data.yaml", "train: images/train\nvalidation: images/validation\n" + NAMES);
        labelledImage("images/train/1.jpg");
        labelledImage("images/validation/2.jpg");

        ConversionResult result = convert();

        assertEquals(List.of("train/1", "val/2"), output().ids());
        assertTrue(reasons(result).stream().anyMatch(r -> r.endsWith("line 2: 'validation' is read as 'val', as"
                + " Ultralytics reads it")), reasons(result).toString());
    }

    @Test
    void aSubsetIsAFolderAListFileAnImageOrAListOfThoseBelowPath() throws IOException {
        file("data.yaml", "path: coco8\n"
                + "train: [images/train, extra.txt, images/single/3.jpg]\n"
                + "val: images/val/4.jpg\n"
                + "test: test.txt\n" + NAMES);
        labelledImage("coco8/images/train/1.jpg");
        labelledImage("coco8/images/more/2.jpg");
        labelledImage("coco8/images/single/3.jpg");
        labelledImage("coco8/images/val/4.jpg");
        labelledImage("coco8/images/test/5.jpg");
        file("coco8/extra.txt", "./images/more/2.jpg\n");
        file("coco8/test.txt", "images/test/5.jpg\n");

        convert();

        Loaded d = output();
        assertEquals(List.of("test/5", "train/1", "train/2", "train/3", "val/4"),
                d.ids().stream().sorted().toList());
        for (String item : List.of("1", "2", "3", "4", "5")) {
            Shapes.box(d.categories(), d.item(item).annotations().get(1), "label_4", 3, 3, 2, 3, 0);
        }
    }
}

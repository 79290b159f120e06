package org.labelbridge.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.format.FormatException;
import org.labelbridge.model.Media;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.Datasets;

/**
 * Items whose image the input lacks (deleted frames, partial exports) are kept, as CVAT and
 * Datumaro import them, and reported; option {@code missing_images} skips or fails them instead.
 * Images are found where the common layouts put them.
 */
class MissingImagesTest {

    @TempDir
    Path tmp;

    @Test
    void aCvatProjectExportWithAbsentImagesKeepsTheirItemsAndSaysWhichByDefault() throws IOException {
        Path set = copy("cvat_images_1.1/ovd_export_project", "project");
        Files.delete(set.resolve("images/Test/img1.jpg"));
        Files.delete(set.resolve("images/Train/img0.jpg"));

        Datasets.Converted coco = Datasets.convert(set, "auto", "coco", tmp.resolve("coco"), ConversionOptions.DEFAULTS);

        assertEquals(6, coco.report().itemsOut());
        assertEquals(6, coco.output().items().size());
        assertEquals(new Media("images/Test/img1.jpg", 10, 10), coco.output().item("Test", "img1").media(),
                "its size from the annotations");
        assertEquals(1, coco.output().item("Test", "img1").annotations().size(), "its polygon (COCO has no points)");
        ConversionReport.Entry missing = coco.report().entries().stream()
                .filter(e -> e.reason().contains("missing_image")).findFirst().orElseThrow();
        assertEquals(2, missing.count());
        assertEquals(List.of("img0", "img1"), missing.examples().stream().sorted().toList());
        assertFalse(Files.exists(tmp.resolve("coco/images/Test/img1.jpg")));
        assertTrue(Files.exists(tmp.resolve("coco/images/Test/img0.jpg")));
    }

    @Test
    void optionMissingImagesSkipsOrFails() throws IOException {
        Path set = copy("cvat_images_1.1/ovd_export_project", "project");
        Files.delete(set.resolve("images/Test/img1.jpg"));

        Datasets.Converted skipped = Datasets.convert(set, "auto", "coco", tmp.resolve("skipped"),
                ConversionOptions.fromMap(Map.of("missing_images", "skip")));
        assertEquals(5, skipped.report().itemsOut());
        assertEquals(1, skipped.report().droppedItems());
        assertTrue(skipped.output().find("img1").isPresent(), "the other subsets' img1 are there");
        assertEquals(List.of("Test/img0", "Train/img0", "Train/img1", "Validation/img0", "Validation/img1"),
                skipped.output().ids().stream().sorted().toList());

        FormatException failed = assertThrows(FormatException.class, () -> Converter.convert(new ConversionRequest(set,
                "auto", "coco", ConversionOptions.fromMap(Map.of("missing_images", "fail")), tmp.resolve("f.zip"))));
        assertTrue(failed.getMessage().contains("item 'img1' (subset 'Test'): image 'images/Test/img1.jpg' is not in"
                + " the input (missing_image)"), failed.getMessage());
        assertFalse(Files.exists(tmp.resolve("f.zip")));
    }

    @Test
    void cocoImagesBesideTheAnnotationsFolderAsMmdetectionLaysThemOutAreFound() throws IOException {
        Path set = tmp.resolve("mmdet");
        Files.createDirectories(set.resolve("annotations"));
        Files.copy(Corpus.path("coco_1.0/coco_instances/annotations/instances_train.json"),
                set.resolve("annotations/instances_train2017.json"));
        Files.createDirectories(set.resolve("train2017"));
        Files.copy(Corpus.path("coco_1.0/coco_instances/images/train/a.jpg"), set.resolve("train2017/a.jpg"));

        Datasets.Converted yolo = Datasets.convert(set, "coco", "yolo", tmp.resolve("yolo"), ConversionOptions.DEFAULTS);

        assertEquals(List.of(), yolo.report().entries().stream().filter(e -> e.reason().contains("missing_image"))
                .toList());
        assertTrue(Files.exists(tmp.resolve("yolo/obj_train2017_data/a.jpg")), "the image is copied");
        assertEquals(1, yolo.output().item("a").annotations().size());
    }

    private Path copy(String sample, String name) throws IOException {
        return Corpus.copy(sample, tmp.resolve(name));
    }
}

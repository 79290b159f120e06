package org.labelbridge.format.yolo;

import org.labelbridge.testing.RecordedProblems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.archive.DirectorySource;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.Bbox;
import org.labelbridge.model.Item;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.Datasets;

/** The corpus samples of YOLO 1.1, and the dataset each must give (MANIFEST.md). */
class YoloImportTest {

    static final List<String> LABELS = IntStream.range(0, 10).mapToObj(i -> "label_" + i).toList();

    private final YoloFormat format = new YoloFormat();

    @Test
    void darknetSampleGivesOneTrainItemWithTwoBoxes() throws IOException {
        RecordedProblems problems = new RecordedProblems();
        Datasets.Loaded dataset = Datasets.read(format, Corpus.source("yolo_1.1/yolo"), problems);

        assertEquals(LABELS, dataset.categories().labels().stream().map(l -> l.name()).toList());
        assertEquals(List.of("train/1"), dataset.ids());
        Item item = dataset.item("train", "1");
        assertEquals("obj_train_data/1.jpg", item.media().path());
        assertEquals(15, item.media().width());
        assertEquals(10, item.media().height());
        assertEquals(2, item.annotations().size());
        assertBox(dataset, item.annotations().get(0), "label_2", 0, 2, 4, 2);
        assertBox(dataset, item.annotations().get(1), "label_4", 3, 3, 2, 3);
        assertTrue(item.attributes().isEmpty());
        assertTrue(problems.none(), problems.toString());
    }

    @Test
    void looseLayoutGivesOneDefaultItem() throws IOException {
        RecordedProblems problems = new RecordedProblems();
        Datasets.Loaded dataset = Datasets.read(format, Corpus.source("yolo_1.1/ovd_loose_annotations_layout"),
                problems);

        assertEquals(LABELS, dataset.categories().labels().stream().map(l -> l.name()).toList());
        assertEquals(List.of("default/1"), dataset.ids());
        Item item = dataset.item(Item.DEFAULT_SUBSET, "1");
        assertEquals("Images/1.jpg", item.media().path());
        assertEquals(15, item.media().width());
        assertEquals(10, item.media().height());
        assertBox(dataset, item.annotations().get(0), "label_2", 0, 2, 4, 2);
        assertBox(dataset, item.annotations().get(1), "label_4", 3, 3, 2, 3);
        assertTrue(problems.none(), problems.toString());
    }

    @Test
    void looseLayoutTakesSubsetFolders(@TempDir Path dir) throws IOException {
        Path sample = Corpus.path("yolo_1.1/ovd_loose_annotations_layout");
        Files.copy(sample.resolve("obj.names"), dir.resolve("obj.names"));
        Files.createDirectories(dir.resolve("labels/train"));
        Files.createDirectories(dir.resolve("images/train"));
        Files.copy(sample.resolve("Annotations/1.txt"), dir.resolve("labels/train/a.txt"));
        Files.copy(sample.resolve("Images/1.jpg"), dir.resolve("images/train/a.jpg"));

        Datasets.Loaded dataset = Datasets.read(format, DirectorySource.of(dir));

        Item item = dataset.item("train", "a");
        assertEquals("images/train/a.jpg", item.media().path());
        assertBox(dataset, item.annotations().get(1), "label_4", 3, 3, 2, 3);
    }

    @Test
    void exifRotatedImageSwapsWidthAndHeight(@TempDir Path dir) throws IOException {
        copySample(dir);
        byte[] jpeg = Files.readAllBytes(dir.resolve("obj_train_data/1.jpg"));
        Files.write(dir.resolve("obj_train_data/1.jpg"), org.labelbridge.format.common.ImageHeadersTest.withExifOrientation(jpeg, 6, false));

        Datasets.Loaded dataset = Datasets.read(format, DirectorySource.of(dir));

        Item item = dataset.item("train", "1");
        assertEquals(10, item.media().width());
        assertEquals(15, item.media().height());
        // datumaro test_can_import_with_exif_rotated_images: [0, 3, 2.67, 3] and [2, 4.5, 1.33, 4.5]
        assertBox(dataset, item.annotations().get(0), "label_2", 0, 3, 2.67, 3, 0.005);
        assertBox(dataset, item.annotations().get(1), "label_4", 2, 4.5, 1.33, 4.5, 0.005);
    }

    @Test
    void itemWithoutImageKeepsNoBoxesAndIsReported(@TempDir Path dir) throws IOException {
        copySample(dir);
        Files.delete(dir.resolve("obj_train_data/1.jpg"));
        RecordedProblems problems = new RecordedProblems();

        Datasets.Loaded dataset = Datasets.read(format, DirectorySource.of(dir), problems);

        Item item = dataset.item("train", "1");
        assertNull(item.media().path());
        assertFalse(item.media().hasSize());
        assertTrue(item.annotations().isEmpty());
        assertEquals(1, problems.items.size(), problems.toString());
        assertTrue(problems.items.get(0).startsWith("1: no image"), problems.items.get(0));
        assertEquals(2, problems.dropped.size());
        assertTrue(problems.dropped.get(0).contains("image size unknown"), problems.dropped.get(0));
    }

    @Test
    void imageWithUnreadableHeaderKeepsNoBoxesAndIsReported(@TempDir Path dir) throws IOException {
        copySample(dir);
        Files.write(dir.resolve("obj_train_data/1.jpg"), "not an image".getBytes());
        RecordedProblems problems = new RecordedProblems();

        Datasets.Loaded dataset = Datasets.read(format, DirectorySource.of(dir), problems);

        Item item = dataset.item("train", "1");
        assertEquals("obj_train_data/1.jpg", item.media().path());
        assertFalse(item.media().hasSize());
        assertTrue(item.annotations().isEmpty());
        assertEquals(1, problems.items.size(), problems.toString());
        assertTrue(problems.items.get(0).contains("size cannot be read from its header"), problems.items.get(0));
        assertEquals(2, problems.dropped.size());
    }

    @Test
    void imagesMetaGivesSizesOfAbsentImages(@TempDir Path dir) throws IOException {
        copySample(dir);
        Files.delete(dir.resolve("obj_train_data/1.jpg"));
        Files.writeString(dir.resolve("images.meta"), "# id height width\n'1' 10 15\n");
        RecordedProblems problems = new RecordedProblems();

        Datasets.Loaded dataset = Datasets.read(format, DirectorySource.of(dir), problems);

        Item item = dataset.item("train", "1");
        assertNull(item.media().path());
        assertEquals(15, item.media().width());
        assertBox(dataset, item.annotations().get(0), "label_2", 0, 2, 4, 2);
        assertTrue(problems.none(), problems.toString());
    }

    @Test
    void labelFilesNoListNamesAreReported(@TempDir Path dir) throws IOException {
        copySample(dir);
        Files.writeString(dir.resolve("obj_train_data/2.txt"), "1 0.5 0.5 0.1 0.1\n");
        RecordedProblems problems = new RecordedProblems();

        Datasets.Loaded dataset = Datasets.read(format, DirectorySource.of(dir), problems);

        assertEquals(List.of("train/1"), dataset.ids());
        assertEquals(1, problems.dataset.size(), problems.toString());
        assertTrue(problems.dataset.get(0).contains("obj_train_data/2.txt"), problems.dataset.get(0));
    }

    @Test
    void validSubsetAndNestedIdsAreRead(@TempDir Path dir) throws IOException {
        copySample(dir);
        Files.writeString(dir.resolve("obj.data"),
                "classes = 10\ntrain = data/train.txt\nvalid = data/valid.txt # optional\nnames = data/obj.names\n");
        Files.createDirectories(dir.resolve("obj_valid_data/a/b"));
        Files.copy(dir.resolve("obj_train_data/1.jpg"), dir.resolve("obj_valid_data/a/b/c.jpg"));
        Files.writeString(dir.resolve("obj_valid_data/a/b/c.txt"), "9\t0.5 0.5 1 1\r\n");
        Files.writeString(dir.resolve("valid.txt"), "data\\obj_valid_data\\a\\b\\c.jpg\r\n\r\n");

        Datasets.Loaded dataset = Datasets.read(format, DirectorySource.of(dir));

        assertEquals(List.of("train/1", "valid/a/b/c"), dataset.ids());
        Item item = dataset.item("valid", "a/b/c");
        assertBox(dataset, item.annotations().get(0), "label_9", 0, 0, 15, 10);
    }

    static void copySample(Path dir) throws IOException {
        Path sample = Corpus.path("yolo_1.1/yolo");
        try (var files = Files.walk(sample)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = dir.resolve(sample.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
    }

    /** Box check to the 4 decimals that the label files' 6 give at this image size. */
    static void assertBox(Datasets.Loaded dataset, Annotation annotation, String label,
                          double x, double y, double w, double h) {
        assertBox(dataset, annotation, label, x, y, w, h, 1e-4);
    }

    static void assertBox(Datasets.Loaded dataset, Annotation annotation, String label,
                          double x, double y, double w, double h, double tolerance) {
        Bbox box = (Bbox) annotation;
        assertEquals(label, dataset.labelOf(box));
        assertEquals(x, box.x(), tolerance, "x");
        assertEquals(y, box.y(), tolerance, "y");
        assertEquals(w, box.w(), tolerance, "w");
        assertEquals(h, box.h(), tolerance, "h");
        assertEquals(0, box.rotation());
        assertTrue(box.attributes().isEmpty());
    }
}

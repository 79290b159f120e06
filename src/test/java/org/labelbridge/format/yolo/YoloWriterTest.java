package org.labelbridge.format.yolo;

import org.labelbridge.testing.RecordedProblems;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.archive.InputArchive;
import org.labelbridge.archive.ZipOutput;
import org.labelbridge.convert.ConversionOptions;
import org.labelbridge.convert.ConversionRequest;
import org.labelbridge.convert.Converter;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.DatasetWriter;
import org.labelbridge.format.Problems;
import org.labelbridge.model.AnnotationInfo;
import org.labelbridge.model.Bbox;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;
import org.labelbridge.model.Media;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.Datasets;

/** What the writer puts in each file, line by line. */
class YoloWriterTest {

    private final YoloFormat format = new YoloFormat();

    /** Images come from the darknet sample: obj_train_data/1.jpg (15x10). */
    private final DatasetSource media = Corpus.source("yolo_1.1/yolo");

    private static Bbox box(Integer label, double x, double y, double w, double h) {
        return new Bbox(AnnotationInfo.of(label), x, y, w, h);
    }

    private static Datasets.Loaded dataset() {
        return new Datasets.Loaded(Categories.ofNames(List.of("cat", "dog")), List.of(
                new Item("1", "train", new Media("obj_train_data/1.jpg", 15, 10),
                        List.of(box(0, 0, 2, 4, 2), box(1, 3, 3, 2, 3))),
                new Item("a/b", "valid", new Media(null, 20, 10), List.of(box(1, 5, 5, 10, 5))),
                new Item("no size", Item.DEFAULT_SUBSET, Media.NONE, List.of(box(0, 1, 1, 1, 1))),
                new Item("empty", "train", new Media("elsewhere/empty.png", 8, 4), List.of())));
    }

    @Test
    void writesTheDarknetLayout(@TempDir Path dir) throws IOException {
        RecordedProblems problems = new RecordedProblems();
        Datasets.write(format, dataset(), dir, media, problems);

        assertEquals(List.of("images.meta", "obj.data", "obj.names", "obj_train_data/1.jpg", "obj_train_data/1.txt",
                "obj_train_data/empty.txt", "obj_train_data/no size.txt", "obj_valid_data/a/b.txt", "train.txt",
                "valid.txt"), files(dir));
        assertEquals("""
                classes = 2
                train = data/train.txt
                valid = data/valid.txt
                names = data/obj.names
                backup = backup/
                """, read(dir, "obj.data"));
        assertEquals("cat\ndog\n", read(dir, "obj.names"));
        assertEquals("""
                data/obj_train_data/1.jpg
                data/obj_train_data/no size.jpg
                data/obj_train_data/empty.png
                """, read(dir, "train.txt"));
        assertEquals("data/obj_valid_data/a/b.jpg\n", read(dir, "valid.txt"));
        assertEquals("""
                0 0.13333333333333333 0.3 0.26666666666666666 0.2
                1 0.26666666666666666 0.45 0.13333333333333333 0.3
                """, read(dir, "obj_train_data/1.txt"));
        assertEquals("1 0.5 0.75 0.5 0.5\n", read(dir, "obj_valid_data/a/b.txt"));
        assertEquals("", read(dir, "obj_train_data/no size.txt"));
        assertEquals("", read(dir, "obj_train_data/empty.txt"));
        // Sizes of the images not written along, so that their boxes read back.
        assertEquals("a/b 10 20\nempty 4 8\n", read(dir, "images.meta"));
        assertArrayEquals(Files.readAllBytes(Corpus.path("yolo_1.1/yolo/obj_train_data/1.jpg")),
                Files.readAllBytes(dir.resolve("obj_train_data/1.jpg")));

        assertEquals(List.of("no size: image size unknown: its 1 box(es) are not written"), problems.items);
        assertEquals(List.of("no size: bbox: the image size is unknown, and YOLO boxes are fractions of it"),
                problems.dropped);
        assertEquals(List.of("items without a subset are written to subset 'train': YOLO has no unnamed subset"),
                problems.dataset);
    }

    /** CVAT's YOLO 1.1 importer opens the label file of every image its list names: empty ones included. */
    @Test
    void everyListedImageHasALabelFile(@TempDir Path dir) throws IOException {
        Converter.convert(new ConversionRequest(Corpus.path("coco_1.0/coco_image_info"), ConversionRequest.AUTO,
                "yolo", ConversionOptions.DEFAULTS, dir));

        assertEquals("data/obj_train_data/a.jpg\n", Files.readString(dir.resolve("train.txt")));
        assertEquals("data/obj_val_data/b.jpg\n", Files.readString(dir.resolve("val.txt")));
        assertEquals("", Files.readString(dir.resolve("obj_train_data/a.txt")));
        assertEquals("", Files.readString(dir.resolve("obj_val_data/b.txt")));
    }

    @Test
    void writesWhatItCannotHoldAsProblems(@TempDir Path dir) throws IOException {
        Datasets.Loaded dataset = new Datasets.Loaded(Categories.ofNames(List.of("cat", "", "cat ")), List.of(
                new Item("r", "test", new Media(null, 100, 100), List.of(
                        new Bbox(AnnotationInfo.of(0), 10, 10, 20, 20, 30), box(null, 1, 1, 1, 1))),
                new Item("x", "backup", new Media(null, 100, 100), List.of(box(0, 1, 1, 1, 1))),
                new Item("../up", "train", new Media(null, 100, 100), List.of()),
                new Item("up", "train", new Media(null, 100, 100), List.of())));
        RecordedProblems problems = new RecordedProblems();
        Datasets.write(format, dataset, dir, null, problems);

        assertEquals("cat\nlabel_1\ncat_2\n", read(dir, "obj.names"));
        assertEquals("0 0.2 0.2 0.2 0.2\n", read(dir, "obj_test_data/r.txt"), "the box, unrotated");
        assertEquals("data/obj_test_data/r.jpg\n", read(dir, "test.txt"));
        assertEquals("data/obj_train_data/_../up.jpg\ndata/obj_train_data/up.jpg\n", read(dir, "train.txt"));
        assertTrue(read(dir, "obj.data").contains("test = data/test.txt\n"));
        assertEquals(List.of(
                "r: bbox: rotation of 30 degrees dropped: YOLO boxes are axis-aligned"), problems.changed);
        assertEquals(List.of(
                "r: bbox: a YOLO box needs a label",
                "x: bbox: its item is not written: its subset 'backup' cannot be a YOLO subset (an obj.data key: "
                        + "letters, digits and _, and not one of " + YoloLayout.SETTINGS + ")"), problems.dropped);
        assertEquals(2, problems.items.size(), problems.toString());
        assertTrue(problems.items.get(0).startsWith("x: not written: its subset 'backup'"), problems.items.get(0));
        assertEquals("../up: written as '_../up': the id is a file path in YOLO", problems.items.get(1));
        assertEquals(3, problems.dataset.size(), problems.toString());
        assertTrue(problems.dataset.get(0).contains("label #1 '' is written to obj.names as 'label_1'"));
        assertTrue(problems.dataset.get(1).contains("label #2 'cat ' is written to obj.names as 'cat_2'"));
        assertTrue(problems.dataset.get(2).startsWith("subset 'test' is written as obj_test_data/"));
    }

    @Test
    void sameInputGivesSameBytes(@TempDir Path dir) throws IOException {
        Path first = dir.resolve("first.zip");
        Path second = dir.resolve("second.zip");
        writeZip(first);
        writeZip(second);
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
        try (InputArchive archive = InputArchive.open(first)) {
            Datasets.Loaded back = Datasets.read(format, archive.source());
            assertEquals(List.of("train/1", "train/no size", "train/empty", "valid/a/b"), back.ids());
        }
    }

    private void writeZip(Path file) throws IOException {
        try (ZipOutput out = new ZipOutput(file, media, true)) {
            DatasetWriter writer = format.writer(out, Problems.IGNORE);
            writer.begin(dataset().categories());
            for (Item item : dataset().items()) {
                writer.write(item);
            }
            writer.finish();
            out.finish();
        }
    }

    @Test
    void numbersAreShortestExactDecimals() {
        assertEquals("0", YoloWriter.number(0.0));
        assertEquals("0", YoloWriter.number(-0.0));
        assertEquals("1", YoloWriter.number(1.0));
        assertEquals("0.1", YoloWriter.number(0.1));
        assertEquals("0.0000001", YoloWriter.number(1e-7));
        assertEquals("-0.25", YoloWriter.number(-0.25));
        for (double v : new double[] {1.0 / 3, 2.0 / 7, 1e-12, 123.456e-5, Math.PI / 1000}) {
            assertEquals(v, Double.parseDouble(YoloWriter.number(v)));
        }
    }

    static List<String> files(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }

    static String read(Path dir, String file) throws IOException {
        return Files.readString(dir.resolve(file));
    }
}

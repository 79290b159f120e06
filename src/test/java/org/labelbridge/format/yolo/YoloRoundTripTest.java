package org.labelbridge.format.yolo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.archive.DirectorySource;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.AnnotationInfo;
import org.labelbridge.model.Bbox;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;
import org.labelbridge.model.Media;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.Datasets;

/** Import, export, import again: the same dataset. */
class YoloRoundTripTest {

    private final YoloFormat format = new YoloFormat();

    @Test
    void darknetSample(@TempDir Path dir) throws IOException {
        DirectorySource source = Corpus.source("yolo_1.1/yolo");
        Datasets.Loaded original = Datasets.read(format, source);
        Datasets.Loaded back = Datasets.roundTrip(format, original, dir, source);

        assertEquals(original.categories(), back.categories());
        assertSame(original.items(), back.items(), 1e-12);
    }

    @Test
    void looseSampleComesBackInTrain(@TempDir Path dir) throws IOException {
        DirectorySource source = Corpus.source("yolo_1.1/ovd_loose_annotations_layout");
        Datasets.Loaded original = Datasets.read(format, source);
        Datasets.Loaded back = Datasets.roundTrip(format, original, dir, source);

        assertEquals(original.categories(), back.categories());
        assertEquals(List.of("train/1"), back.ids(), "YOLO has no unnamed subset: 'default' is written as train");
        Item item = back.item("train", "1");
        assertEquals("obj_train_data/1.jpg", item.media().path());
        List<Item> expected = List.of(original.item("1").withSubset("train").withMedia(item.media()));
        assertSame(expected, back.items(), 1e-12);
    }

    /** COCO-like pixel boxes on odd image sizes, with no images: sizes travel in images.meta. */
    @Test
    void pixelBoxesKeepSixSignificantDigitsAndMore(@TempDir Path dir) throws IOException {
        Random random = new Random(7);
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            int width = 1 + random.nextInt(6000);
            int height = 1 + random.nextInt(6000);
            List<Annotation> boxes = new ArrayList<>();
            for (int j = 0; j < 5; j++) {
                double w = random.nextDouble() * width / 50 + 0.01;
                double h = random.nextDouble() * height / 50 + 0.01;
                boxes.add(new Bbox(AnnotationInfo.of(j % 3), random.nextDouble() * (width - w),
                        random.nextDouble() * (height - h), w, h));
            }
            items.add(new Item("img_" + i, i % 2 == 0 ? "train" : "valid", new Media(null, width, height), boxes));
        }
        Datasets.Loaded original = new Datasets.Loaded(Categories.ofNames(List.of("a", "b", "c")), items);

        Datasets.Loaded back = Datasets.roundTrip(format, original, dir, null);

        assertEquals(original.ids().stream().sorted().toList(), back.ids().stream().sorted().toList());
        for (Item item : original.items()) {
            Item read = back.item(item.subset(), item.id());
            assertEquals(item.media(), read.media());
            assertEquals(item.annotations().size(), read.annotations().size());
            for (int j = 0; j < item.annotations().size(); j++) {
                Bbox a = (Bbox) item.annotations().get(j);
                Bbox b = (Bbox) read.annotations().get(j);
                assertEquals(a.label(), b.label());
                assertRelative(a.x(), b.x());
                assertRelative(a.y(), b.y());
                assertRelative(a.w(), b.w());
                assertRelative(a.h(), b.h());
            }
        }
    }

    private static void assertRelative(double expected, double actual) {
        assertTrue(Math.abs(expected - actual) <= 1e-6 * Math.max(Math.abs(expected), 1e-9),
                expected + " vs " + actual);
    }

    /** Same ids, subsets, media, labels and boxes (to a tolerance: they pass through fractions). */
    static void assertSame(List<Item> expected, List<Item> actual, double tolerance) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            Item e = expected.get(i);
            Item a = actual.get(i);
            assertEquals(e.id(), a.id());
            assertEquals(e.subset(), a.subset());
            assertEquals(e.media(), a.media());
            assertEquals(e.attributes(), a.attributes());
            assertEquals(e.annotations().size(), a.annotations().size());
            for (int j = 0; j < e.annotations().size(); j++) {
                Bbox eb = (Bbox) e.annotations().get(j);
                Bbox ab = (Bbox) a.annotations().get(j);
                assertEquals(eb.info(), ab.info());
                assertEquals(eb.x(), ab.x(), tolerance);
                assertEquals(eb.y(), ab.y(), tolerance);
                assertEquals(eb.w(), ab.w(), tolerance);
                assertEquals(eb.h(), ab.h(), tolerance);
            }
        }
    }
}

package org.labelbridge.format.openimages;

import org.labelbridge.testing.RecordedProblems;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.labelbridge.format.Formats;
import org.labelbridge.model.AnnotationInfo;
import org.labelbridge.model.Bbox;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;
import org.labelbridge.model.Label;
import org.labelbridge.model.Mask;
import org.labelbridge.model.Media;
import org.labelbridge.model.Tag;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.Datasets;

/** The two corpus samples in, the datasets MANIFEST.md says they give (Datumaro's test_open_images_format.py). */
class OpenImagesCorpusTest {

    static final String V6 = "open_images_v6/v6";
    static final String V5 = "open_images_v6/v5";

    @Test
    void isRegisteredUnderCvatsName() {
        assertEquals("Open Images V6 1.0", Formats.byId("open_images").orElseThrow().descriptor().displayName());
    }

    @Test
    void v6GivesLabelsBoxesAndAMaskInFourItemsOfThreeSubsets() throws IOException {
        RecordedProblems problems = new RecordedProblems();
        Datasets.Loaded dataset = Datasets.read(new OpenImagesFormat(), Corpus.source(V6), problems);

        // the hierarchy's root /m/x is not a class, so /m/0 has no parent
        assertEquals(Categories.of(List.of(Label.named("/m/0"), new Label("/m/1", "/m/0", List.of()),
                Label.named("/m/2"), Label.named("/m/3"))), dataset.categories());
        assertEquals(List.of("train/a", "train/b", "test/c", "validation/d"), dataset.ids());

        Item a = dataset.item("train", "a");
        assertEquals(new Media("images/train/a.jpg", 6, 8), a.media()); // size from the image
        assertEquals(List.of(tag(0, 1.0)), a.annotations());

        Item b = dataset.item("train", "b");
        assertEquals(new Media("images/train/b.jpg", 8, 2), b.media()); // size from images.meta
        assertEquals(tag(0, 0.0), b.annotations().get(0));
        assertEquals(new Bbox(new AnnotationInfo(0, 0, 1, 0, Map.of("score", 1.0), null), 1.6, 0.6, 6.4, 0.4),
                b.annotations().get(1));
        Mask mask = (Mask) b.annotations().get(2);
        assertEquals(new AnnotationInfo(0, 0, 1, 0, Map.of("box_id", "01234567", "predicted_iou", 0.5), null), mask.info());
        assertArrayEquals(new byte[] {1, 1, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0}, mask.rle().toBitmap()); // 2x8, left 2 columns
        assertEquals(2, mask.rle().height());
        assertEquals(3, b.annotations().size());

        Item c = dataset.item("test", "c");
        assertEquals(new Media("images/test/c.jpg", 5, 10), c.media());
        assertEquals(List.of(tag(1, 1.0), tag(3, 1.0), new Bbox(new AnnotationInfo(3, 0, 1, 0, Map.of("score", 0.7,
                "occluded", true, "truncated", false, "is_group_of", true, "is_depiction", false, "is_inside", false), null),
                3.5, 0, 0.5, 5)), c.annotations());

        Item d = dataset.item("validation", "d"); // its row has one column fewer
        assertEquals(new Media("images/validation/d.png", 5, 1), d.media());
        assertEquals(List.of(), d.annotations());

        assertTrue(problems.has("oidv6-class-descriptions.csv: display names are not kept", "/m/0 'Generic label #0'"), problems.toString());
        assertTrue(problems.has("oidv6-train-annotations-bbox.csv: column(s) Source not kept (e.g. Source='xclick')"), problems.toString());
        assertTrue(problems.lines().stream().allMatch(line -> line.startsWith("dataset: annotations/")), problems.toString());
    }

    @Test
    void v5FileNamesGiveTwoItemsWithoutAnnotations() throws IOException {
        Datasets.Loaded dataset = Datasets.read(new OpenImagesFormat(), Corpus.source(V5));

        assertEquals(Categories.ofNames(List.of("/m/0", "/m/1")), dataset.categories()); // headerless class-descriptions.csv
        assertEquals(2, dataset.items().size());
        assertEquals(new Item("aa", "train", new Media("images/train/aa.jpg", 6, 8), List.of()), dataset.item("train", "aa"));
        assertEquals(new Item("cc", "test", new Media("images/test/cc.jpg", 5, 10), List.of()), dataset.item("test", "cc"));
    }

    static Tag tag(int label, double score) {
        return new Tag(new AnnotationInfo(label, 0, 0, 0, Map.of("score", score), null));
    }
}

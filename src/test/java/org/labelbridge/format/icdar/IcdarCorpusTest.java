package org.labelbridge.format.icdar;

import org.labelbridge.testing.RecordedProblems;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.labelbridge.format.Formats;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.AnnotationInfo;
import org.labelbridge.model.Bbox;
import org.labelbridge.model.Caption;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;
import org.labelbridge.model.Mask;
import org.labelbridge.model.Media;
import org.labelbridge.model.Polygon;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.Datasets;

/** The three corpus samples in, the datasets MANIFEST.md says they give (Datumaro's test_icdar_format.py). */
class IcdarCorpusTest {

    @Test
    void theFormatsAreRegisteredWithCvatsNames() {
        assertEquals("ICDAR Recognition 1.0", Formats.byId("icdar_recognition").orElseThrow().descriptor().displayName());
        assertEquals("ICDAR Localization 1.0", Formats.byId("icdar_localization").orElseThrow().descriptor().displayName());
        assertEquals("ICDAR Segmentation 1.0", Formats.byId("icdar_segmentation").orElseThrow().descriptor().displayName());
    }

    @Test
    void wordRecognitionGivesACaptionPerWordImage() throws IOException {
        RecordedProblems problems = new RecordedProblems();
        Datasets.Loaded dataset = Datasets.read(new IcdarRecognitionFormat(),
                Corpus.source("icdar/icdar_word_recognition"), problems);

        assertEquals(Categories.EMPTY, dataset.categories());
        assertEquals(List.of("train/word_1", "train/word_2"), dataset.ids());
        Item word1 = dataset.item("train", "word_1");
        assertEquals(List.of(new Caption(AnnotationInfo.EMPTY, "PROPER")), word1.annotations());
        assertEquals(new Media("train/images/word_1.png", 15, 10), word1.media()); // size from the image header
        assertEquals(List.of(new Caption(AnnotationInfo.EMPTY, "Canon")), dataset.item("train", "word_2").annotations());
        assertEquals(List.of(), problems.lines());
    }

    @Test
    void textLocalizationGivesAQuadrilateralAndTwoBoxesWithTheirText() throws IOException {
        RecordedProblems problems = new RecordedProblems();
        Datasets.Loaded dataset = Datasets.read(new IcdarLocalizationFormat(),
                Corpus.source("icdar/icdar_text_localization"), problems);

        assertEquals(Categories.EMPTY, dataset.categories());
        assertEquals(List.of("train/img_1", "train/img_2"), dataset.ids());
        Item img1 = dataset.item("train", "img_1");
        assertEquals(new Media("train/images/img_1.png", 15, 10), img1.media());
        assertEquals(List.of(new Polygon(text("FOOD"), new double[] {0, 0, 3, 1, 4, 6, 1, 7})), img1.annotations());
        assertEquals(List.of(new Bbox(text("RED"), 0, 0, 2, 3), new Bbox(text("LION"), 3, 3, 2, 3)),
                dataset.item("train", "img_2").annotations());
        assertEquals(List.of(), problems.lines());
    }

    @Test
    void textSegmentationGivesAMaskPerCharacterGroupedByWord() throws IOException {
        RecordedProblems problems = new RecordedProblems();
        Datasets.Loaded dataset = Datasets.read(new IcdarSegmentationFormat(),
                Corpus.source("icdar/icdar_text_segmentation"), problems);

        assertEquals(Categories.EMPTY, dataset.categories());
        assertEquals(List.of("train/1"), dataset.ids());
        Item item = dataset.item("train", "1");
        assertEquals(new Media("train/images/1.png", 5, 2), item.media());
        List<Annotation> masks = item.annotations();
        assertEquals(3, masks.size());
        // F is a word of its own: no group. "Th" is one word: group 1.
        assertCharacter(masks.get(0), 0, Map.of("index", 0L, "color", "108 225 132", "text", "F", "center", "0 1"),
                0, 1, 1, 0, 0,
                0, 0, 0, 0, 0);
        assertCharacter(masks.get(1), 1, Map.of("index", 1L, "color", "82 174 214", "text", "T", "center", "1 3"),
                0, 0, 0, 1, 0,
                0, 0, 0, 1, 0);
        assertCharacter(masks.get(2), 1, Map.of("index", 2L, "color", "241 73 144", "text", "h", "center", "1 4"),
                0, 0, 0, 0, 0,
                0, 0, 0, 0, 1);
        assertEquals(List.of(), problems.lines());
    }

    static AnnotationInfo text(String text) {
        return AnnotationInfo.EMPTY.withAttributes(Map.of("text", text));
    }

    /** A character mask of the 5x2 sample: its group, attributes (with their types) and pixels, row by row. */
    static void assertCharacter(Annotation annotation, int group, Map<String, Object> attributes, int... rows) {
        Mask mask = (Mask) annotation;
        assertEquals(null, mask.label());
        assertEquals(group, mask.info().group());
        assertEquals(attributes, mask.attributes());
        byte[] expected = new byte[rows.length];
        for (int i = 0; i < rows.length; i++) {
            expected[i] = (byte) rows[i];
        }
        assertEquals(2, mask.rle().height());
        assertEquals(5, mask.rle().width());
        assertArrayEquals(expected, mask.rle().toBitmap());
    }
}

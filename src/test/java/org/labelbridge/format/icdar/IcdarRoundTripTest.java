package org.labelbridge.format.icdar;

import org.labelbridge.testing.RecordedProblems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.archive.DirectorySource;
import org.labelbridge.format.Format;
import org.labelbridge.model.AnnotationInfo;
import org.labelbridge.model.Bbox;
import org.labelbridge.model.Caption;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;
import org.labelbridge.model.Mask;
import org.labelbridge.model.Media;
import org.labelbridge.model.Polygon;
import org.labelbridge.model.Rle;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.Datasets;
import org.labelbridge.testing.SameDataset;

/** Import, export, import again: the same dataset. */
class IcdarRoundTripTest {

    @TempDir
    Path dir;

    @Test
    void everyCorpusSampleComesBackTheSame() throws IOException {
        roundTripSample(new IcdarRecognitionFormat(), "icdar/icdar_word_recognition", "rec");
        roundTripSample(new IcdarLocalizationFormat(), "icdar/icdar_text_localization", "loc");
        roundTripSample(new IcdarSegmentationFormat(), "icdar/icdar_text_segmentation", "seg");
    }

    private void roundTripSample(Format format, String sample, String folder) throws IOException {
        Datasets.Loaded original = Datasets.read(format, Corpus.source(sample));
        RecordedProblems problems = new RecordedProblems();
        Datasets.write(format, original, dir.resolve(folder), Corpus.source(sample), problems);
        Datasets.Loaded again = Datasets.read(format, DirectorySource.of(dir.resolve(folder)));
        SameDataset.assertSame(original, again);
        assertEquals(List.of(), problems.losses(), sample);
        assertTrue(again.items().get(0).media().hasPath(), "images were copied");
    }

    @Test
    void captionsWithQuotesBackslashesCommasAndSeveralPerImage() throws IOException {
        Datasets.Loaded dataset = new Datasets.Loaded(Categories.EMPTY, List.of(
                new Item("word_1", "train", Media.NONE, List.of(caption("say \"hi\", then C:\\dir"), caption("two words"))),
                new Item("word_2", "train", Media.NONE, List.of()),
                new Item("nested/word_3", "test", Media.NONE, List.of(caption("")))));
        SameDataset.assertSame(dataset, Datasets.roundTrip(new IcdarRecognitionFormat(), dataset, dir, null));
    }

    @Test
    void boxesAndPolygonsWithAnyText() throws IOException {
        Datasets.Loaded dataset = new Datasets.Loaded(Categories.EMPTY, List.of(
                new Item("img_1", "train", Media.NONE, List.of(
                        new Bbox(IcdarCorpusTest.text("two words"), 1.5, 2.25, 10, 4),
                        new Bbox(AnnotationInfo.EMPTY, 0, 0, 1, 1),
                        new Polygon(IcdarCorpusTest.text("a, \"quoted\" b"), new double[] {0, 0, 5, 0, 5, 5, 0, 5}),
                        new Polygon(IcdarCorpusTest.text("###"), new double[] {1, 1, 4, 1, 6, 3, 4, 5, 1, 5}),
                        new Polygon(AnnotationInfo.EMPTY, new double[] {0.5, 0.5, 2, 0.5, 2, 2, 0.5, 2}))),
                new Item("folder/img_2", "val", Media.NONE, List.of())));
        SameDataset.assertSame(dataset, Datasets.roundTrip(new IcdarLocalizationFormat(), dataset, dir, null));
    }

    @Test
    void characterMasksKeepTheirWordsColoursAndCentres() throws IOException {
        Datasets.Loaded dataset = new Datasets.Loaded(Categories.EMPTY, List.of(
                new Item("1", "train", new Media(null, 4, 3), List.of(
                        character(0, 1, "10 20 30", "A", "1 1", 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0),
                        character(1, 1, "40 50 60", "b", null, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0),
                        character(2, 0, "70 80 90", " ", "2 2", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0),
                        character(3, 2, "1 2 3", "c", "3 0", 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0),
                        character(4, 2, "4 5 6", "\"", "3 2", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1)))));
        SameDataset.assertSame(dataset, Datasets.roundTrip(new IcdarSegmentationFormat(), dataset, dir, null));
    }

    static Caption caption(String text) {
        return new Caption(AnnotationInfo.EMPTY, text);
    }

    /** A character mask of a 4x3 image, pixels row by row; a null center is written as "- -". */
    static Mask character(long index, int group, String color, String text, String center, int... pixels) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("index", index);
        attributes.put("color", color);
        attributes.put("text", text);
        if (center != null) {
            attributes.put("center", center);
        }
        byte[] bitmap = new byte[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            bitmap[i] = (byte) pixels[i];
        }
        return new Mask(new AnnotationInfo(null, 0, group, 0, attributes, null), Rle.fromBitmap(bitmap, 3, 4));
    }
}

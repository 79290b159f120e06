package org.labelbridge.format.openimages;

import org.labelbridge.testing.RecordedProblems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.archive.DirectorySource;
import org.labelbridge.model.AnnotationInfo;
import org.labelbridge.model.Bbox;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;
import org.labelbridge.model.Label;
import org.labelbridge.model.Mask;
import org.labelbridge.model.Media;
import org.labelbridge.model.Rle;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.Datasets;
import org.labelbridge.testing.SameDataset;

/** Import, export, import again: the same dataset. */
class OpenImagesRoundTripTest {

    private final OpenImagesFormat format = new OpenImagesFormat();

    @TempDir
    Path dir;

    @Test
    void bothCorpusSamplesComeBackTheSame() throws IOException {
        for (String sample : List.of(OpenImagesCorpusTest.V6, OpenImagesCorpusTest.V5)) {
            Path out = dir.resolve(sample.substring(sample.lastIndexOf('/') + 1));
            Datasets.Loaded original = Datasets.read(format, Corpus.source(sample));
            RecordedProblems problems = new RecordedProblems();
            Datasets.write(format, original, out, Corpus.source(sample), problems);
            Datasets.Loaded again = Datasets.read(format, DirectorySource.of(out));
            SameDataset.assertSame(original, again);
            assertEquals(List.of(), problems.lines(), sample);
            assertTrue(again.items().stream().allMatch(i -> i.media().hasPath()), "images were copied");
        }
    }

    @Test
    void hierarchyBoxesMasksAndAwkwardIds() throws IOException {
        Categories categories = Categories.of(List.of(Label.named("Vehicle"), new Label("Car", "Vehicle", List.of()),
                new Label("Wheel, front", "Car", List.of()), Label.named("Person")));
        Map<String, Object> flags = Map.of("score", 0.5, "occluded", false, "truncated", true, "is_group_of", false,
                "is_depiction", true, "is_inside", false);
        Datasets.Loaded dataset = new Datasets.Loaded(categories, List.of(
                new Item("street 1", "train", new Media(null, 16, 8), List.of(
                        OpenImagesCorpusTest.tag(0, 1.0),
                        OpenImagesCorpusTest.tag(3, 0.25),
                        box(1, 1, Map.of("score", 1.0), 2, 1, 8, 4),
                        box(2, 2, flags, 0.5, 0.25, 4, 2),
                        mask(1, 1, "car", 0, 0, 1, 1),
                        mask(3, 0, "0000beef", 1, 1, 1, 1))),
                new Item("folder/\"quoted\",name", "validation", Media.NONE, List.of(OpenImagesCorpusTest.tag(2, 0.75)))));
        SameDataset.assertSame(dataset, Datasets.roundTrip(format, dataset, dir, null));
    }

    static Bbox box(int label, int group, Map<String, Object> attributes, double x, double y, double w, double h) {
        return new Bbox(new AnnotationInfo(label, 0, group, 0, attributes, null), x, y, w, h);
    }

    /** A 16x8 mask whose set pixels are the given rectangle. */
    static Mask mask(int label, int group, String boxId, int x, int y, int w, int h) {
        byte[] bitmap = new byte[16 * 8];
        for (int row = y; row < y + h; row++) {
            for (int col = x; col < x + w; col++) {
                bitmap[row * 16 + col] = 1;
            }
        }
        return new Mask(new AnnotationInfo(label, 0, group, 0, Map.of("box_id", boxId), null), Rle.fromBitmap(bitmap, 8, 16));
    }
}

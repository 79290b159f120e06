package org.labelbridge.format.vggface2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.archive.DirectorySource;
import org.labelbridge.format.Detection;
import org.labelbridge.format.FormatException;
import org.labelbridge.testing.RecordedProblems;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.AnnotationInfo;
import org.labelbridge.model.Bbox;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;
import org.labelbridge.model.Media;
import org.labelbridge.model.Points;
import org.labelbridge.model.Tag;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.Datasets;
import org.labelbridge.testing.Datasets.Loaded;
import org.labelbridge.testing.SameDataset;

class VggFace2FormatTest {

    private static final VggFace2Format FORMAT = new VggFace2Format();
    private static final String SAMPLE = "vggface2_1.0/vgg_face2_dataset";

    @TempDir
    Path tmp;

    private static List<Annotation> face(int label, double[] landmarks, double x, double y, double w, double h) {
        return List.of(new Points(AnnotationInfo.of(label), landmarks), new Bbox(AnnotationInfo.of(label), x, y, w, h));
    }

    @Test
    void importsOneBoxAndFiveLandmarksPerImage() throws IOException {
        RecordedProblems problems = new RecordedProblems();
        Loaded d = Datasets.read(FORMAT, Corpus.source(SAMPLE), problems);

        assertEquals(Categories.ofNames(List.of("n000001", "n000002", "n000003")), d.categories());
        assertEquals(List.of("test/n000003/0003_01", "train/n000001/0001_01", "train/n000002/0001_01",
                "train/n000002/0002_01"), d.ids());
        assertEquals(face(0, new double[] {2.787, 2.898, 2.965, 2.79, 2.8, 2.456, 2.81, 2.32, 2.89, 2.3}, 2, 2, 1, 2),
                d.item("train", "n000001/0001_01").annotations());
        assertEquals(face(1, new double[] {2.3, 4.9, 2.9, 4.93, 2.62, 4.745, 2.54, 4.45, 2.76, 4.43}, 2, 4, 2, 2),
                d.item("train", "n000002/0001_01").annotations());
        assertEquals(face(1, new double[] {1.2, 3.8, 1.8, 3.82, 1.51, 3.634, 1.43, 3.34, 1.65, 3.32}, 1, 3, 1, 1),
                d.item("train", "n000002/0002_01").annotations());
        assertEquals(face(2, new double[] {0.2, 2.8, 0.8, 2.9, 0.5, 2.6, 0.4, 2.3, 0.6, 2.3}, 1, 1, 1, 1),
                d.item("test", "n000003/0003_01").annotations());
        assertEquals("train/n000002/0002_01.jpg", d.item("n000002/0002_01").media().path());
        assertTrue(problems.has("class names", "n000001 Karl"), problems.toString());
    }

    @Test
    void detectsTheSample() throws IOException {
        assertEquals(Detection.STRONG, FORMAT.detect(Corpus.source(SAMPLE)).confidence());
    }

    @Test
    void onlyTheTestFilesGiveOnlyTheTestItem() throws IOException {
        Path sample = Corpus.path(SAMPLE);
        Files.createDirectories(tmp.resolve("bb_landmark"));
        for (String file : List.of("labels.txt", "bb_landmark/loose_bb_test.csv", "bb_landmark/loose_landmark_test.csv")) {
            Files.copy(sample.resolve(file), tmp.resolve(file));
        }
        assertEquals(List.of("test/n000003/0003_01"), Datasets.read(FORMAT, DirectorySource.of(tmp)).ids());
    }

    @Test
    void roundTripKeepsBoxesLandmarksAndImages() throws IOException {
        DirectorySource sample = Corpus.source(SAMPLE);
        Loaded original = Datasets.read(FORMAT, sample);

        Loaded again = Datasets.roundTrip(FORMAT, original, tmp, sample);

        SameDataset.assertSameIgnoringMedia(original, again);
        assertEquals(List.of("NAME_ID,X,Y,W,H", "n000001/0001_01,2,2,1,2", "n000002/0001_01,2,4,2,2",
                "n000002/0002_01,1,3,1,1"), Files.readAllLines(tmp.resolve("bb_landmark/loose_bb_train.csv")));
        assertEquals(List.of("NAME_ID,P1X,P1Y,P2X,P2Y,P3X,P3Y,P4X,P4Y,P5X,P5Y",
                "n000003/0003_01,0.2,2.8,0.8,2.9,0.5,2.6,0.4,2.3,0.6,2.3"),
                Files.readAllLines(tmp.resolve("bb_landmark/loose_landmark_test.csv")));
        assertEquals(List.of("n000001", "n000002", "n000003"), Files.readAllLines(tmp.resolve("labels.txt")));
        assertTrue(Files.exists(tmp.resolve("train/n000002/0002_01.jpg")));
        assertEquals(again.item("n000002/0002_01").media().path(), "train/n000002/0002_01.jpg");
    }

    @Test
    void tagsBoxesAloneAndBareImagesSurviveARoundTrip() throws IOException {
        Categories categories = Categories.ofNames(List.of("a", "b"));
        Loaded original = new Loaded(categories, List.of(
                new Item("a/tagged", "train", Media.NONE, List.of(new Tag(AnnotationInfo.of(0)))),
                new Item("b/boxed", "train", Media.NONE, List.of(new Tag(AnnotationInfo.of(1)),
                        new Bbox(AnnotationInfo.of(1), 1, 2, 3, 4))),
                new Item("no_label/bare", "train", Media.NONE, List.of())));

        Loaded again = Datasets.roundTrip(FORMAT, original, tmp, null);

        SameDataset.assertSameIgnoringMedia(original, again);
        assertEquals(List.of("NAME_ID,P1X,P1Y,P2X,P2Y,P3X,P3Y,P4X,P4Y,P5X,P5Y", "a/tagged,,,,,,,,,,",
                "b/boxed,,,,,,,,,,", "no_label/bare,,,,,,,,,,"),
                Files.readAllLines(tmp.resolve("bb_landmark/loose_landmark_train.csv")));
    }

    @Test
    void writerReportsWhatAnImageCannotHold() throws IOException {
        Categories categories = Categories.ofNames(List.of("a", "b"));
        Item item = new Item("x", null, Media.NONE, List.of(
                new Bbox(AnnotationInfo.of(0), 1, 1, 1, 1),
                new Bbox(AnnotationInfo.of(0), 2, 2, 2, 2),
                new Points(AnnotationInfo.of(1), new double[] {1, 2, 3, 4})));
        RecordedProblems problems = new RecordedProblems();

        Datasets.write(FORMAT, new Loaded(categories, List.of(item)), tmp, null, problems);

        assertEquals(List.of("NAME_ID,X,Y,W,H", "a/x,1,1,1,1"),
                Files.readAllLines(tmp.resolve("bb_landmark/loose_bb_default.csv")));
        assertTrue(problems.has("dropped x bbox", "one box"), problems.toString());
        assertTrue(problems.has("dropped x points", "5 points, these are 2"), problems.toString());
    }

    private FormatException readBroken(String boxes) throws IOException {
        Files.createDirectories(tmp.resolve("bb_landmark"));
        Files.writeString(tmp.resolve("bb_landmark/loose_bb_train.csv"), boxes);
        return assertThrows(FormatException.class, () -> Datasets.read(FORMAT, DirectorySource.of(tmp)));
    }

    @Test
    void aRowWithTheWrongFieldCountNamesFileAndLine() throws IOException {
        FormatException e = readBroken("NAME_ID,X,Y,W,H\na/1,1,2,3,4\na/2,1,2,3\n");
        assertTrue(e.getMessage().contains("loose_bb_train.csv, line 3"), e.getMessage());
        assertTrue(e.getMessage().contains("expected 5 fields, got 4"), e.getMessage());
    }

    @Test
    void aWordForANumberNamesFileLineAndColumn() throws IOException {
        FormatException e = readBroken("NAME_ID,X,Y,W,H\na/1,1,2,wide,4\n");
        assertTrue(e.getMessage().contains("loose_bb_train.csv, line 2"), e.getMessage());
        assertTrue(e.getMessage().contains("column W, got 'wide'"), e.getMessage());
    }

    @Test
    void aWrongHeaderNamesTheFile() throws IOException {
        FormatException e = readBroken("ID,X,Y,W,H\na/1,1,2,3,4\n");
        assertTrue(e.getMessage().contains("loose_bb_train.csv, line 1"), e.getMessage());
        assertTrue(e.getMessage().contains("NAME_ID,X,Y,W,H"), e.getMessage());
    }
}

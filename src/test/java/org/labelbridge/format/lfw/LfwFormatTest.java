package org.labelbridge.format.lfw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.archive.DirectorySource;
import org.labelbridge.format.Detection;
import org.labelbridge.format.FormatException;
import org.labelbridge.testing.RecordedProblems;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.AnnotationInfo;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;
import org.labelbridge.model.Media;
import org.labelbridge.model.Points;
import org.labelbridge.model.Tag;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.Datasets;
import org.labelbridge.testing.Datasets.Loaded;
import org.labelbridge.testing.SameDataset;

class LfwFormatTest {

    private static final LfwFormat FORMAT = new LfwFormat();
    private static final String SAMPLE = "lfw_1.0/lfw_dataset";

    @TempDir
    Path tmp;

    private static Tag person(int label, Map<String, Object> attributes) {
        return new Tag(AnnotationInfo.of(label).withAttributes(attributes));
    }

    private static Points landmarks(int label, double... points) {
        return new Points(AnnotationInfo.of(label), points);
    }

    /** The sample's content, labels given as indices into {@code [name0, name1]} order of {@code names}. */
    private static void assertSampleContent(Loaded d, int name0, int name1) {
        assertEquals(List.of(person(name0, Map.of("negative_pairs", List.of("name1/name1_0001", "name1/name1_0002"))),
                landmarks(name0, 0, 4, 3, 3, 2, 2, 1, 0, 3, 0)), d.item("test", "name0_0001").annotations());
        assertEquals(List.of(person(name1, Map.of("positive_pairs", List.of("name1/name1_0002"))),
                landmarks(name1, 1, 6, 4, 6, 3, 3, 2, 1, 4, 1)), d.item("test", "name1_0001").annotations());
        assertEquals(List.of(person(name1, Map.of()), landmarks(name1, 0, 5, 3, 5, 2, 2, 1, 0, 3, 0)),
                d.item("test", "name1_0002").annotations());
        assertEquals(3, d.items().size());
    }

    @Test
    void importsPeoplePairsAndLandmarks() throws IOException {
        Loaded d = Datasets.read(FORMAT, Corpus.source(SAMPLE));

        assertEquals(Categories.ofNames(List.of("name0", "name1")), d.categories());
        assertSampleContent(d, 0, 1);
        assertEquals("test/images/name1/name1_0002.jpg", d.item("name1_0002").media().path());
    }

    @Test
    void withoutPeopleFileThePeopleComeFromThePairsInOrderOfAppearance() throws IOException {
        Path sample = Corpus.path(SAMPLE);
        try (var files = Files.walk(sample)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = tmp.resolve(sample.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
        Files.delete(tmp.resolve("test/annotations/people.txt"));

        Loaded d = Datasets.read(FORMAT, DirectorySource.of(tmp));

        // pairs.txt names name1 (line 2) before name0 (line 3)
        assertEquals(Categories.ofNames(List.of("name1", "name0")), d.categories());
        assertSampleContent(d, 1, 0);
    }

    @Test
    void aRootAnnotationsFolderIsTheDefaultSubset() throws IOException {
        Files.createDirectories(tmp.resolve("annotations"));
        Files.createDirectories(tmp.resolve("images/ann"));
        Files.writeString(tmp.resolve("annotations/pairs.txt"), "ann\t1\t2\n");
        Files.writeString(tmp.resolve("images/ann/ann_0001.jpg"), "x");
        Files.writeString(tmp.resolve("images/loose.jpg"), "y");

        Loaded d = Datasets.read(FORMAT, DirectorySource.of(tmp));

        assertEquals(List.of("default/ann_0001", "default/ann_0002", "default/loose"), d.ids());
        assertEquals("images/ann/ann_0001.jpg", d.item("ann_0001").media().path());
        assertEquals(List.of(person(0, Map.of("positive_pairs", List.of("ann/ann_0002")))), d.item("ann_0001").annotations());
        assertEquals(List.of(), d.item("loose").annotations());
        assertEquals(Detection.MEDIUM, FORMAT.detect(DirectorySource.of(tmp)).confidence());
    }

    @Test
    void detectsTheSample() throws IOException {
        assertEquals(Detection.STRONG, FORMAT.detect(Corpus.source(SAMPLE)).confidence());
    }

    @Test
    void roundTripKeepsPeoplePairsLandmarksAndImages() throws IOException {
        DirectorySource sample = Corpus.source(SAMPLE);
        Loaded original = Datasets.read(FORMAT, sample);

        Loaded again = Datasets.roundTrip(FORMAT, original, tmp, sample);

        SameDataset.assertSameIgnoringMedia(original, again);
        assertEquals(List.of("name1\t1\t2", "name1/name1_0002", "name0\t1\tname1\t1", "name0\t1\tname1\t2"),
                Files.readAllLines(tmp.resolve("test/annotations/pairs.txt")));
        assertEquals(List.of("name0\t1", "name1\t2"), Files.readAllLines(tmp.resolve("test/annotations/people.txt")));
        assertEquals("name1/name1_0001.jpg\t1\t6\t4\t6\t3\t3\t2\t1\t4\t1",
                Files.readAllLines(tmp.resolve("test/annotations/landmarks.txt")).get(0));
        assertEquals("test/images/name0/name0_0001.jpg", again.item("name0_0001").media().path());
    }

    @Test
    void namedImagesPairsWithoutPersonAndUnlabelledImagesSurviveARoundTrip() throws IOException {
        Categories categories = Categories.ofNames(List.of("ann", "bob"));
        List<Annotation> ann = List.of(person(0, Map.of("negative_pairs", List.of("stranger", "bob/bob_0003"))),
                landmarks(0, 1.25, 2, 3, 4));
        Loaded original = new Loaded(categories, List.of(
                new Item("portrait", "train", Media.NONE, ann),
                new Item("bob_0003", "train", Media.NONE, List.of(person(1, Map.of()))),
                new Item("stranger", "train", Media.NONE, List.of(new Points(AnnotationInfo.EMPTY, new double[] {5, 6})))));

        Loaded again = Datasets.roundTrip(FORMAT, original, tmp, null);

        SameDataset.assertSameIgnoringMedia(original, again);
        assertEquals(List.of("ann\tportrait\t-\tstranger", "ann\tportrait\tbob\t3", "bob/bob_0003", "stranger"),
                Files.readAllLines(tmp.resolve("train/annotations/pairs.txt")));
        assertEquals(List.of("ann/portrait.jpg\t1.25\t2\t3\t4", "stranger.jpg\t5\t6"),
                Files.readAllLines(tmp.resolve("train/annotations/landmarks.txt")));
    }

    @Test
    void writerReportsWhatItCannotHold() throws IOException {
        Categories categories = Categories.ofNames(List.of("ann", "bob"));
        Item item = new Item("ann_0001", null, Media.NONE, List.of(
                person(0, Map.of("positive_pairs", List.of("bob/bob_0001"), "mood", "happy")),
                person(1, Map.of())));
        RecordedProblems problems = new RecordedProblems();

        Datasets.write(FORMAT, new Loaded(categories, List.of(item)), tmp, null, problems);

        assertEquals(List.of("ann/ann_0001"), Files.readAllLines(tmp.resolve("default/annotations/pairs.txt")));
        assertTrue(problems.has("dropped ann_0001 tag", "one person", "'bob'"), problems.toString());
        assertTrue(problems.has("changed ann_0001 tag", "[mood] not kept"), problems.toString());
        assertTrue(problems.has("changed ann_0001 tag", "positive pair 'bob/bob_0001' not kept"), problems.toString());
    }

    private FormatException readBroken(String file, String content) throws IOException {
        Files.createDirectories(tmp.resolve("test/annotations"));
        if (!file.equals("pairs.txt")) {
            Files.writeString(tmp.resolve("test/annotations/pairs.txt"), "a\t1\t2\n");
        }
        Files.writeString(tmp.resolve("test/annotations/" + file), content);
        return assertThrows(FormatException.class, () -> Datasets.read(FORMAT, DirectorySource.of(tmp)));
    }

    @Test
    void aPairsLineWithTheWrongFieldCountNamesFileAndLine() throws IOException {
        FormatException e = readBroken("pairs.txt", "1\t1\na\t1\t2\na\t1\tb\t2\tc\n");
        assertTrue(e.getMessage().contains("pairs.txt, line 3"), e.getMessage());
        assertTrue(e.getMessage().contains("got 5"), e.getMessage());
    }

    @Test
    void aLandmarkThatIsNotANumberNamesFileAndLine() throws IOException {
        FormatException e = readBroken("landmarks.txt", "a/a_0001.jpg\t1\t2\na/a_0002.jpg\t1\tx\n");
        assertTrue(e.getMessage().contains("landmarks.txt, line 2"), e.getMessage());
        assertTrue(e.getMessage().contains("got 'x'"), e.getMessage());
    }

    @Test
    void aPeopleLineWithoutCountNamesFileAndLine() throws IOException {
        FormatException e = readBroken("people.txt", "1\na\tmany\n");
        assertTrue(e.getMessage().contains("people.txt, line 2"), e.getMessage());
    }
}

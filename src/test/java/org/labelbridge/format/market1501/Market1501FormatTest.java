package org.labelbridge.format.market1501;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.archive.DirectorySource;
import org.labelbridge.format.Detection;
import org.labelbridge.format.Feature;
import org.labelbridge.format.FormatException;
import org.labelbridge.testing.RecordedProblems;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;
import org.labelbridge.model.Media;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.Datasets;
import org.labelbridge.testing.Datasets.Loaded;
import org.labelbridge.testing.SameDataset;

class Market1501FormatTest {

    private static final Market1501Format FORMAT = new Market1501Format();
    private static final String SAMPLE = "market1501_1.0/market1501_dataset";

    @TempDir
    Path tmp;

    private static Map<String, Object> attributes(String person, long camera, long track, long frame, long bbox,
                                                  boolean query) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("person_id", person);
        a.put("camera_id", camera);
        a.put("track_id", track);
        a.put("frame_id", frame);
        a.put("bbox_id", bbox);
        a.put("query", query);
        return a;
    }

    @Test
    void importsTheAttributesInTheFileNames() throws IOException {
        Loaded d = Datasets.read(FORMAT, Corpus.source(SAMPLE));

        assertEquals(Categories.EMPTY, d.categories());
        assertEquals(List.of("test/0001_c1s1_001051_00", "train/0002_c1s3_000151_00", "query/0001_c2s3_000111_00"),
                d.ids());
        assertEquals(attributes("0001", 1, 3, 111, 0, true), d.item("query", "0001_c2s3_000111_00").attributes());
        assertEquals(attributes("0001", 0, 1, 1051, 0, false), d.item("test", "0001_c1s1_001051_00").attributes());
        assertEquals(attributes("0002", 0, 3, 151, 0, false), d.item("train", "0002_c1s3_000151_00").attributes());
        assertTrue(d.items().stream().allMatch(i -> i.annotations().isEmpty()));
        assertEquals("query/0001_c2s3_000111_00.jpg", d.item("0001_c2s3_000111_00").media().path());
    }

    @Test
    void declaresItemAttributesAndDetectsTheSample() throws IOException {
        assertTrue(FORMAT.descriptor().holds(Feature.ITEM_ATTRIBUTES));
        assertEquals("Market-1501 1.0", FORMAT.descriptor().displayName());
        assertEquals(Detection.STRONG, FORMAT.detect(Corpus.source(SAMPLE)).confidence());
    }

    @Test
    void roundTripWithImagesWritesFoldersAndLists() throws IOException {
        DirectorySource sample = Corpus.source(SAMPLE);
        Loaded original = Datasets.read(FORMAT, sample);

        Loaded again = Datasets.roundTrip(FORMAT, original, tmp, sample);

        SameDataset.assertSameIgnoringMedia(original, again);
        assertEquals(List.of("bounding_box_test/0001_c1s1_001051_00.jpg", "bounding_box_train/0002_c1s3_000151_00.jpg",
                "images_query.txt", "images_test.txt", "images_train.txt", "query/0001_c2s3_000111_00.jpg"),
                DirectorySource.of(tmp).files());
        assertEquals(List.of("query/0001_c2s3_000111_00.jpg"), Files.readAllLines(tmp.resolve("images_query.txt")));
    }

    @Test
    void roundTripWithoutImagesKeepsOnlyTheLists() throws IOException {
        Loaded original = Datasets.read(FORMAT, Corpus.source(SAMPLE));

        Loaded again = Datasets.roundTrip(FORMAT, original, tmp, null);

        SameDataset.assertSameIgnoringMedia(original, again);
        assertEquals(List.of("images_query.txt", "images_test.txt", "images_train.txt"), DirectorySource.of(tmp).files());
    }

    @Test
    void anItemFromElsewhereIsNamedByItsAttributesAndKeepsItsId() throws IOException {
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("person_id", 7L);
        given.put("camera_id", 2L);
        given.put("query", true);
        given.put("weather", "rain");
        Item item = new Item("cam/img1", "test", new Media("x/img1.png", null, null), List.of(), given);
        RecordedProblems problems = new RecordedProblems();

        Datasets.write(FORMAT, new Loaded(Categories.EMPTY, List.of(item)), tmp, null, problems);
        Loaded again = Datasets.read(FORMAT, DirectorySource.of(tmp));

        assertEquals(List.of("query/cam/0007_c3s1_000000_00img1.png"), Files.readAllLines(tmp.resolve("images_test.txt")));
        assertEquals(List.of("test/cam/img1"), again.ids());
        assertEquals(attributes("0007", 2, 1, 0, 0, true), again.item("cam/img1").attributes());
        assertTrue(problems.has("item cam/img1", "[weather] not kept"), problems.toString());
    }

    @Test
    void anIdStartingWithADigitCannotFollowTheNameAndIsReported() throws IOException {
        Item first = new Item("000001", null, Media.NONE, List.of(), Map.of("person_id", "12"));
        Item second = new Item("000002", null, Media.NONE, List.of(), Map.of("person_id", "12"));
        Item plain = new Item("plain", null, Media.NONE, List.of());
        RecordedProblems problems = new RecordedProblems();

        Datasets.write(FORMAT, new Loaded(Categories.EMPTY, List.of(first, second, plain)), tmp, null, problems);

        assertEquals(List.of("bounding_box_default/12_c1s1_000000_00.jpg", "bounding_box_default/12_c1s1_000001_00.jpg",
                "bounding_box_default/plain.jpg"), Files.readAllLines(tmp.resolve("images_default.txt")));
        assertTrue(problems.has("item 000001", "id not kept"), problems.toString());
        assertEquals(Map.of("query", false), Datasets.read(FORMAT, DirectorySource.of(tmp)).item("plain").attributes());
    }

    @Test
    void aListLineWithoutFolderNamesFileAndLine() throws IOException {
        Files.writeString(tmp.resolve("images_train.txt"), "bounding_box_train/0001_c1s1_000001_00.jpg\nloose.jpg\n");

        FormatException e = assertThrows(FormatException.class, () -> Datasets.read(FORMAT, DirectorySource.of(tmp)));

        assertTrue(e.getMessage().contains("images_train.txt, line 2"), e.getMessage());
        assertTrue(e.getMessage().contains("'loose.jpg'"), e.getMessage());
    }
}

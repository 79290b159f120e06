package org.labelbridge.format.labelme;

import org.labelbridge.testing.RecordedProblems;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.labelbridge.archive.InputArchive;
import org.labelbridge.archive.ZipOutput;
import org.labelbridge.format.DatasetWriter;
import org.labelbridge.format.Detection;
import org.labelbridge.format.Problems;
import org.labelbridge.model.AnnotationInfo;
import org.labelbridge.model.Bbox;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;
import org.labelbridge.model.Mask;
import org.labelbridge.model.Media;
import org.labelbridge.model.Polygon;
import org.labelbridge.model.Rle;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.Datasets;
import org.labelbridge.testing.Datasets.Loaded;

/** Import, export, import again: the same dataset. */
class LabelMeRoundTripTest {

    private final LabelMeFormat labelMe = new LabelMeFormat();

    @TempDir
    Path dir;

    /**
     * The corpus sample comes back the same, in default/ (CVAT's export layout); the groups keep
     * their numbers because the writer makes each group's first object its parent, as the file did.
     */
    @Test
    void corpusSample() throws IOException {
        DirectorySource source = Corpus.source(LabelMeCorpusTest.SAMPLE);
        Loaded original = Datasets.read(labelMe, source);
        Loaded again = Datasets.roundTrip(labelMe, original, dir, source);

        assertEquals(original.categories(), again.categories());
        Item item = again.items().get(0);
        assertEquals(original.items().get(0).withMedia(item.media()), item);
        assertEquals(new Media("default/example_folder/img1.png", 102, 77), item.media(),
                "the image is beside its XML: default/<folder>/<filename>");
        assertArrayEquals(Files.readAllBytes(Corpus.path(LabelMeCorpusTest.SAMPLE).resolve("img1.png")),
                Files.readAllBytes(dir.resolve("default/example_folder/img1.png")), "the image is copied, not decoded");
        assertTrue(Files.exists(dir.resolve("default/Masks/example_folder/img1_mask_1.png")));
        assertTrue(Files.exists(dir.resolve("default/Masks/example_folder/img1_mask_5.png")));
    }

    private static AnnotationInfo info(Integer label, long id, int group, Map<String, Object> attributes) {
        Map<String, Object> all = new LinkedHashMap<>(attributes);
        all.putIfAbsent("occluded", false);
        all.putIfAbsent("username", "");
        return new AnnotationInfo(label, id, group, 0, all, null);
    }

    /**
     * Subsets, ids in folders, a group whose first object holds two parts, unlabelled shapes,
     * fractional coordinates and typed attributes (Datumaro's own LabelMe test values).
     */
    @Test
    void subsetsGroupsAttributesAndMasks() throws IOException {
        Map<String, Object> typed = new LinkedHashMap<>();
        typed.put("a1", "qwe");
        typed.put("a2", true);
        typed.put("a3", 123L);
        typed.put("a4", "42");
        typed.put("a5", 0.25);
        typed.put("escaped", "a,b. = \\= \\\\ \" \\\" \\, \\");
        typed.put("occluded", true);
        typed.put("username", "test");
        Rle pixels = Rle.fromBitmap(new byte[] {0, 1, 1, 0, 1, 1}, 3, 2);
        Categories categories = new Categories(Categories.ofNames(List.of("car", "wheel", "tree")).labels(),
                LabelMeReader.COMMON_ATTRIBUTES, Map.of(), Map.of());
        Loaded original = new Loaded(categories, List.of(
                new Item("street/one", "train", new Media("street/one.jpg", 2, 3), List.of(
                        new Bbox(info(0, 0, 1, Map.of()), 0, 0.5, 1.25, 2),
                        new Polygon(info(1, 1, 1, typed), new double[] {0, 0, 1, 0, 1, 1}),
                        new Mask(info(1, 2, 1, Map.of("username", "u")), pixels),
                        new Polygon(info(null, 3, 0, Map.of()), new double[] {0, 0, 2, 0, 2, 3}))),
                new Item("two", "val", new Media("two.png", 4, 4), List.of(
                        new Mask(info(2, 0, 0, Map.of()), Rle.fromBitmap(new byte[16], 4, 4)))),
                new Item("three", "val", Media.NONE, List.of())));

        RecordedProblems problems = new RecordedProblems();
        Datasets.write(labelMe, original, dir, null, problems);
        Loaded again = Datasets.read(labelMe, DirectorySource.of(dir));

        assertEquals(original.categories(), again.categories());
        assertEquals(List.of("train/street/one", "val/three", "val/two"), again.ids(), "subset folders, then paths");
        assertEquals(original.items().get(0).annotations(), again.item("street/one").annotations());
        assertEquals(original.items().get(1).annotations(), again.item("two").annotations());
        assertEquals(new Media("train/street/one.jpg", 2, 3), again.item("street/one").media());
        assertEquals(new Media("val/three.jpg", null, null), again.item("three").media());
        assertEquals(List.of(), problems.lines);
    }

    /** Through a zip, as the functions write it: same bytes twice, detected and read back. */
    @Test
    void throughAZip() throws IOException {
        DirectorySource source = Corpus.source(LabelMeCorpusTest.SAMPLE);
        Loaded original = Datasets.read(labelMe, source);
        Path first = dir.resolve("first.zip");
        Path second = dir.resolve("second.zip");
        for (Path zip : List.of(first, second)) {
            try (ZipOutput output = new ZipOutput(zip, source, true)) {
                DatasetWriter writer = labelMe.writer(output, Problems.IGNORE);
                writer.begin(original.categories());
                for (Item item : original.items()) {
                    writer.write(item);
                }
                writer.finish();
                output.finish();
            }
        }
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second), "output is deterministic");
        try (InputArchive archive = InputArchive.open(first)) {
            assertEquals(Detection.STRONG, labelMe.detect(archive.source()).confidence());
            Loaded again = Datasets.read(labelMe, archive.source());
            assertEquals(original.categories(), again.categories());
            assertEquals(original.items().get(0).annotations(), again.items().get(0).annotations());
        }
    }
}

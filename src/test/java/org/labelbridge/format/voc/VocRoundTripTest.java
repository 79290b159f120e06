package org.labelbridge.format.voc;

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
import org.labelbridge.model.AttributeDef;
import org.labelbridge.model.AttributeType;
import org.labelbridge.model.Bbox;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;
import org.labelbridge.model.Label;
import org.labelbridge.model.Media;
import org.labelbridge.model.Rgb;
import org.labelbridge.model.Tag;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.Datasets;
import org.labelbridge.testing.Datasets.Loaded;

/** Import, export, import again: the same dataset. */
class VocRoundTripTest {

    private final VocFormat voc = new VocFormat();

    @TempDir
    Path dir;

    @Test
    void vocDataset1() throws IOException {
        DirectorySource source = Corpus.source("pascal_voc_1.1/voc_dataset1");
        Loaded original = Datasets.read(voc, source);
        Loaded again = Datasets.roundTrip(voc, original, dir, source);

        assertEquals(original.categories(), again.categories());
        assertEquals(original.items(), again.items());
        assertTrue(Files.exists(dir.resolve("JPEGImages/2007_000001.jpg")));
        assertTrue(Files.exists(dir.resolve("JPEGImages/2007_000002.jpg")));
        assertTrue(Files.readString(dir.resolve("labelmap.txt")).contains("person:192,128,128:foot,hand,head:other,"),
                "person keeps its default parts");
    }

    @Test
    void vocDataset2() throws IOException {
        DirectorySource source = Corpus.source("pascal_voc_1.1/voc_dataset2");
        Loaded original = Datasets.read(voc, source);
        Loaded again = Datasets.roundTrip(voc, original, dir, source);

        assertEquals(original.categories(), again.categories());
        assertEquals(original.items(), again.items());
    }

    /** Through a zip, as the functions write it: lists are spooled, images copied raw, same bytes twice. */
    @Test
    void throughAZip() throws IOException {
        DirectorySource source = Corpus.source("pascal_voc_1.1/voc_dataset1");
        Loaded original = Datasets.read(voc, source);
        Path first = dir.resolve("first.zip");
        Path second = dir.resolve("second.zip");
        for (Path zip : List.of(first, second)) {
            try (ZipOutput output = new ZipOutput(zip, source, true)) {
                DatasetWriter writer = voc.writer(output, Problems.IGNORE);
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
            assertEquals(Detection.STRONG, voc.detect(archive.source()).confidence());
            Loaded again = Datasets.read(voc, archive.source());
            assertEquals(original.categories(), again.categories());
            assertEquals(original.items(), again.items());
        }
    }

    /** Custom parts and actions in labelmap.txt, text and checkbox attributes, ids with folders, several subsets. */
    @Test
    void partsActionsAttributesAndSubsets() throws IOException {
        AttributeDef parked = new AttributeDef("parked", AttributeType.CHECKBOX, false, List.of(), "false");
        Categories categories = new Categories(List.of(new Label("car", "", List.of(parked)), Label.named("tree"),
                Label.named("wheel")), List.of("difficult", "truncated", "occluded"), Map.of(),
                Map.of(0, new Rgb(1, 2, 3), 1, new Rgb(4, 5, 6)));
        Map<String, Object> carAttributes = new LinkedHashMap<>();
        carAttributes.put("difficult", true);
        carAttributes.put("truncated", false);
        carAttributes.put("occluded", true);
        carAttributes.put("pose", "Rear");
        carAttributes.put("parked", true);
        carAttributes.put("plate", "AB 12 <x>");
        carAttributes.put("electric", false);
        Loaded original = new Loaded(categories, List.of(
                new Item("street/one", "train", new Media("JPEGImages/street/one.jpg", 640, 480), List.of(
                        new Bbox(new AnnotationInfo(0, 1, 1, 0, carAttributes, null), 10.5, 20, 100, 50.25),
                        new Bbox(new AnnotationInfo(2, 0, 1, 0, Map.of(), null), 12, 60, 10, 10),
                        new Bbox(new AnnotationInfo(2, 0, 1, 0, Map.of(), null), 90, 60, 10, 10),
                        new Bbox(new AnnotationInfo(1, 2, 2, 0, Map.of("difficult", false, "truncated", false,
                                "occluded", false), null), 300, 0, 40, 200),
                        new Tag(AnnotationInfo.of(0)), new Tag(AnnotationInfo.of(1)))),
                new Item("two", "val", new Media("JPEGImages/two.png", null, null), List.of(new Tag(AnnotationInfo.of(1)))),
                new Item("three", "val", new Media("JPEGImages/three.jpg", null, null), List.of())));

        Loaded again = Datasets.roundTrip(voc, original, dir, null);

        assertEquals(original.categories(), again.categories());
        assertEquals(original.items(), again.items());
    }
}

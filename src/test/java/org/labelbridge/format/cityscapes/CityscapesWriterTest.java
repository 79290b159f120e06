package org.labelbridge.format.cityscapes;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import org.labelbridge.format.FormatException;
import org.labelbridge.testing.RecordedProblems;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.labelbridge.format.cityscapes.CityscapesReaderTest.CITY;
import static org.labelbridge.format.cityscapes.CityscapesReaderTest.FORMAT;
import static org.labelbridge.format.cityscapes.CityscapesReaderTest.SAMPLE;
import static org.labelbridge.format.cityscapes.CityscapesReaderTest.TRAIN_LABELS;
import static org.labelbridge.format.scenes.SampleFolder.png;
import static org.labelbridge.format.scenes.SampleFolder.text;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.archive.DirectorySource;
import org.labelbridge.format.Detection;
import org.labelbridge.format.FormatException;
import org.labelbridge.format.Problems;
import org.labelbridge.format.common.pixels.IndexImage;
import org.labelbridge.format.common.pixels.MaskImage;
import org.labelbridge.format.scenes.Described;

import org.labelbridge.model.AnnotationInfo;
import org.labelbridge.model.Bbox;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;
import org.labelbridge.model.Label;
import org.labelbridge.model.Media;
import org.labelbridge.model.Polygon;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.Datasets;

/** Cityscapes out: what is written, and that it reads back the same. */
class CityscapesWriterTest {

    @TempDir
    Path dir;

    @Test
    void instanceIdsSurviveARoundTripExactly() throws IOException {
        DirectorySource source = CityscapesReaderTest.instanceIdsSample(dir.resolve("in")).source();
        Datasets.Loaded original = Datasets.read(FORMAT, source);
        RecordedProblems problems = new RecordedProblems();
        Path out = dir.resolve("out");
        Datasets.write(FORMAT, original, out, source, problems);
        Datasets.Loaded again = Datasets.read(FORMAT, DirectorySource.of(out));

        assertEquals(original.categories(), again.categories());
        assertEquals(original.items(), again.items());
        assertEquals(List.of(), problems.losses());
        assertEquals(Detection.STRONG, FORMAT.detect(DirectorySource.of(out)).confidence());
        for (String name : List.of("test/" + CITY + "000001_000031", "val/" + CITY + "000001_000019")) {
            String mask = "gtFine/" + name + "_gtFine_instanceIds.png";
            assertEquals(png(Corpus.path(SAMPLE).resolve(mask)).samples(), png(out.resolve(mask)).samples());
        }
        String image = "imgsFine/leftImg8bit/train/" + CITY + "000002_000045_leftImg8bit.png";
        assertArrayEquals(Files.readAllBytes(Corpus.path(SAMPLE).resolve(image)), Files.readAllBytes(out.resolve(image)));
    }

    @Test
    void corpusSampleSurvivesARoundTripWithBackgroundMovedToClassZero() throws IOException {
        DirectorySource source = Corpus.source(SAMPLE);
        Datasets.Loaded original = Datasets.read(FORMAT, source);
        Datasets.write(FORMAT, original, dir, source, Problems.IGNORE);
        Datasets.Loaded again = Datasets.read(FORMAT, DirectorySource.of(dir));

        List<String> moved = new ArrayList<>(TRAIN_LABELS);
        moved.add(0, moved.remove(19));
        assertEquals(moved, again.categories().labels().stream().map(Label::name).toList());
        assertEquals(Described.items(original), Described.items(again));
        assertEquals(List.of("0 0 0 background", "128 64 128 road", "244 35 232 sidewalk"),
                text(dir.resolve("label_colors.txt")).lines().limit(3).toList());
        String prefix = "gtFine/test/" + CITY + "000001_000031_gtFine_";
        assertEquals(IndexImage.of(1, 5, 0, 0, 15, 15, 15), png(dir.resolve(prefix + "instanceIds.png")).samples());
        assertEquals(IndexImage.of(1, 5, 0, 0, 15, 15, 15), png(dir.resolve(prefix + "labelIds.png")).samples());
        MaskImage colour = png(dir.resolve(prefix + "color.png"));
        assertEquals(IndexImage.of(1, 5, 0, 0, 0x000046, 0x000046, 0x000046), colour.samples()); // truck (0, 0, 70)
    }

    @Test
    void shapesBecomeInstancesOrCrowdsAndEveryChangeIsReported() throws IOException {
        Categories categories = Categories.ofNames(List.of("car", "road"));
        Item item = new Item("a", "val", new Media(null, 4, 1), List.of(
                new Polygon(new AnnotationInfo(0, 5, 0, 0, Map.of("is_crowd", false, "color", "red"), null),
                        new double[] {0, 0, 1, 0, 1, 1, 0, 1}),
                new Bbox(new AnnotationInfo(0, 5, 0, 0, Map.of(), null), 1, 0, 1, 1),       // id 5 taken: gets 1
                new Bbox(new AnnotationInfo(1, 0, 0, 0, Map.of("is_crowd", true), null), 2, 0, 1, 1),
                new Bbox(new AnnotationInfo(1, 9, 0, 0, Map.of("is_crowd", true), null), 3, 0, 1, 1)));
        RecordedProblems problems = new RecordedProblems();
        Datasets.write(FORMAT, new Datasets.Loaded(categories, List.of(item)), dir, null, problems);

        assertEquals(List.of(
                "changed a polygon: polygon rasterised to class and instance masks",
                "changed a bbox: bbox rasterised to class and instance masks",
                "changed a bbox: bbox rasterised to class and instance masks",
                "changed a bbox: bbox rasterised to class and instance masks",
                "changed a polygon: attributes [color] not kept: Cityscapes keeps only is_crowd",
                "changed a bbox: id not kept: a crowd region has no instance id",
                "changed a bbox: instance id renumbered: Cityscapes instance ids are 1..999 and unique within a label",
                "changed a bbox: merged with the other crowd 'road' shapes into one region: crowd regions have no instance id",
                "wrote a as {MASK=3}: painted into the instanceIds mask, which reads back as one mask per id, the"
                        + " unpainted background (label 0) included"),
                problems.lines);
        assertEquals("0 0 0 background\n128 0 0 car\n0 128 0 road\n", text(dir.resolve("label_colors.txt")));
        String prefix = "gtFine/val/a_gtFine_";
        assertEquals(IndexImage.of(1, 4, 1005, 1001, 2, 2), png(dir.resolve(prefix + "instanceIds.png")).samples());
        assertEquals(IndexImage.of(1, 4, 1, 1, 2, 2), png(dir.resolve(prefix + "labelIds.png")).samples());

        Datasets.Loaded again = Datasets.read(FORMAT, DirectorySource.of(dir));
        assertEquals(List.of("val/a Media[path=null, width=4, height=1]",
                "  car Mask[info=AnnotationInfo[label=null, id=1, group=0, zOrder=0, attributes={is_crowd=false}, track=null],"
                        + " rle=Rle[1x4, [1, 1, 2]]]",
                "  car Mask[info=AnnotationInfo[label=null, id=5, group=0, zOrder=0, attributes={is_crowd=false}, track=null],"
                        + " rle=Rle[1x4, [0, 1, 3]]]",
                "  road Mask[info=AnnotationInfo[label=null, id=0, group=0, zOrder=0, attributes={is_crowd=true}, track=null],"
                        + " rle=Rle[1x4, [2, 2]]]"), Described.items(again));
    }

    @Test
    void anItemWithNothingToWriteIsDroppedAndADatasetOfNoneIsRefused() throws IOException {
        Categories categories = Categories.ofNames(List.of("car"));
        Item empty = new Item("empty", "x", Media.NONE, List.of());
        Item painted = new Item("painted", "x", new Media(null, 2, 1), List.of(new Bbox(AnnotationInfo.of(0), 0, 0, 1, 1)));
        RecordedProblems problems = new RecordedProblems();
        Datasets.write(FORMAT, new Datasets.Loaded(categories, List.of(empty, painted)), dir.resolve("one"), null, problems);
        assertEquals("dropped item empty: it has no masks and its image is not copied, and Cityscapes knows items only"
                + " by these files", problems.lines.get(0));
        assertEquals(List.of("x/painted"), Datasets.read(FORMAT, DirectorySource.of(dir.resolve("one"))).ids());

        FormatException none = assertThrows(FormatException.class, () -> Datasets.write(FORMAT,
                new Datasets.Loaded(categories, List.of(empty)), dir.resolve("none"), null, new RecordedProblems()));
        assertTrue(none.getMessage().startsWith("no item has a mask or an image"), none.getMessage());
    }
}

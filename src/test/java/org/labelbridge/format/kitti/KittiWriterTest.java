package org.labelbridge.format.kitti;

import org.labelbridge.testing.RecordedProblems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.labelbridge.format.kitti.KittiReaderTest.DETECTION;
import static org.labelbridge.format.kitti.KittiReaderTest.FORMAT;
import static org.labelbridge.format.kitti.KittiReaderTest.SEGMENTATION;
import static org.labelbridge.format.kitti.KittiReaderTest.THREE_D;
import static org.labelbridge.format.scenes.SampleFolder.png;
import static org.labelbridge.format.scenes.SampleFolder.text;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.archive.DirectorySource;
import org.labelbridge.format.Detection;
import org.labelbridge.format.Problems;
import org.labelbridge.format.common.pixels.IndexImage;
import org.labelbridge.format.common.pixels.MaskImage;
import org.labelbridge.format.scenes.Described;

import org.labelbridge.model.AnnotationInfo;
import org.labelbridge.model.Bbox;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;
import org.labelbridge.model.Mask;
import org.labelbridge.model.Media;
import org.labelbridge.model.Points;
import org.labelbridge.model.Polygon;
import org.labelbridge.model.Rgb;
import org.labelbridge.model.Rle;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.Datasets;

/** KITTI out: what is written, and that it reads back the same. */
class KittiWriterTest {

    @TempDir
    Path dir;

    private Datasets.Loaded roundTrip(String sample, RecordedProblems problems) throws IOException {
        DirectorySource source = Corpus.source(sample);
        Datasets.write(FORMAT, Datasets.read(FORMAT, source), dir, source, problems);
        return Datasets.read(FORMAT, DirectorySource.of(dir));
    }

    @Test
    void detectionSampleSurvivesARoundTripAsObjectLines() throws IOException {
        RecordedProblems problems = new RecordedProblems();
        Datasets.Loaded again = roundTrip(DETECTION, problems);
        Datasets.Loaded original = Datasets.read(FORMAT, Corpus.source(DETECTION));

        assertEquals(original.categories().labels(), again.categories().labels());
        assertEquals(Map.of(0, new Rgb(128, 0, 0), 1, new Rgb(0, 128, 0)), again.categories().colors()); // as written
        assertEquals(original.items(), again.items());
        assertEquals(List.of(), problems.losses());
        assertEquals("Truck 1 0 -1 0 1 2 3 -1 -1 -1 -1 -1 -1 -1\nVan 0 0 -1 0 5 1 8 -1 -1 -1 -1 -1 -1 -1\n",
                text(dir.resolve("training/label_2/000030_10.txt")));
        assertEquals("Truck\nVan\n", text(dir.resolve("labels.txt")));
        assertEquals("0 0 0 background\n128 0 0 Truck\n0 128 0 Van\n", text(dir.resolve("label_colors.txt")));
        assertTrue(Files.exists(dir.resolve("training/image_2/000030_11.png")));
        assertFalse(Files.exists(dir.resolve("training/instance")));
        assertEquals(Detection.STRONG, FORMAT.detect(DirectorySource.of(dir)).confidence());
    }

    @Test
    void segmentationSampleSurvivesARoundTripExactly() throws IOException {
        RecordedProblems problems = new RecordedProblems();
        Datasets.Loaded again = roundTrip(SEGMENTATION, problems);
        Datasets.Loaded original = Datasets.read(FORMAT, Corpus.source(SEGMENTATION));

        assertEquals(original.categories(), again.categories());
        assertEquals(original.items(), again.items());
        assertEquals(List.of(), problems.losses());
        for (String id : List.of("000030_10", "000030_11")) {
            assertEquals(png(Corpus.path(SEGMENTATION).resolve("training/instance/" + id + ".png")).samples(),
                    png(dir.resolve("training/instance/" + id + ".png")).samples());
        }
        assertEquals(IndexImage.of(1, 5, 31, 31, 12, 3, 3), png(dir.resolve("training/semantic/000030_11.png")).samples());
        MaskImage colours = png(dir.resolve("training/semantic_rgb/000030_11.png"));
        assertEquals(IndexImage.of(1, 5, 0x005064, 0x005064, 0x66669c, 0, 0), colours.samples());
        assertEquals(35, text(dir.resolve("label_colors.txt")).lines().count());
        assertFalse(Files.exists(dir.resolve("training/label_2"))); // every item has masks
    }

    @Test
    void threeDFieldsSurviveARoundTrip() throws IOException {
        Datasets.Loaded again = roundTrip(THREE_D, new RecordedProblems());
        Datasets.Loaded original = Datasets.read(FORMAT, Corpus.source(THREE_D));

        assertEquals(original.items(), again.items());
        assertEquals("Truck 0 0 -1.57 600 150 630 190 2.85 2.63 12.34 0.47 1.49 69.44 -1.56\n"
                + "Car 0 1 -1.65 650 160 700 200 1.86 0.6 2.02 4.59 1.32 45.84 -1.55\n"
                + "DontCare 1 1 -10 500 170 590 190 -1 -1 -1 -1000 -1000 -1000 -10\n",
                text(dir.resolve("training/label_2/000001.txt")));
    }

    @Test
    void boxesMasksAndShapesAreSplitAndEveryChangeIsReported() throws IOException {
        Categories categories = Categories.ofNames(List.of("traffic sign", "car"));
        Item item = new Item("a", "default", new Media(null, 3, 1), List.of(
                new Bbox(new AnnotationInfo(1, 0, 0, 0, Map.of("occluded", true, "score", 0.5, "color", "red"), null), 0, 0, 2, 1),
                new Polygon(new AnnotationInfo(1, 3, 0, 0, Map.of(), null), new double[] {0, 0, 1, 0, 1, 1, 0, 1}),
                new Mask(new AnnotationInfo(0, 0, 0, 0, Map.of("is_crowd", true, "occluded", false), null),
                        Rle.fromBitmap(new byte[] {0, 1, 0}, 1, 3)),
                new Bbox(new AnnotationInfo(0, 0, 0, 0, Map.of("is_crowd", true), null), 2, 0, 1, 1, 90),
                new Points(AnnotationInfo.of(0), new double[] {1, 1})));
        Item empty = new Item("b", "default", Media.NONE, List.of());
        RecordedProblems problems = new RecordedProblems();
        Datasets.write(FORMAT, new Datasets.Loaded(categories, List.of(item, empty)), dir, null, problems);

        assertEquals(List.of(
                "dataset: label 'traffic sign' written as 'traffic_sign': KITTI 1.0 label names cannot hold whitespace"
                        + " or a leading '#', and must be unique",
                "dropped a points: KITTI 1.0 holds masks, and shapes it can paint into them, only",
                "changed a polygon: polygon rasterised to class and instance masks",
                "changed a bbox: bbox rasterised to class and instance masks",
                "changed a mask: attributes [occluded] not kept: KITTI masks keep only is_crowd",
                "changed a bbox: merged with the other crowd 'traffic sign' shapes into one region: crowd regions have no"
                        + " instance id",
                "wrote a as {BBOX=1, MASK=2}: shapes painted into the instance mask, which reads back as one mask per"
                        + " id, the unpainted background (label 0) included",
                "changed a bbox: attributes [color] not kept: a KITTI object line holds truncated, occluded, alpha,"
                        + " dimensions, location, rotation_y and score (as numbers)"),
                problems.lines);
        assertEquals("0 0 0 background\n128 0 0 traffic_sign\n0 128 0 car\n", text(dir.resolve("label_colors.txt")));
        assertEquals("traffic_sign\ncar\n", text(dir.resolve("labels.txt")));
        assertEquals("car 0 1 -1 0 0 2 1 -1 -1 -1 -1 -1 -1 -1 0.5\n", text(dir.resolve("default/label_2/a.txt")));
        assertEquals("", text(dir.resolve("default/label_2/b.txt")));
        assertEquals(IndexImage.of(1, 3, 2 << 8 | 3, 1 << 8, 1 << 8), png(dir.resolve("default/instance/a.png")).samples());
        assertEquals(IndexImage.of(1, 3, 2, 1, 1), png(dir.resolve("default/semantic/a.png")).samples());

        Datasets.Loaded again = Datasets.read(FORMAT, DirectorySource.of(dir));
        assertEquals(List.of("background", "traffic_sign", "car"),
                again.categories().labels().stream().map(l -> l.name()).toList());
        assertEquals(List.of("default/a Media[path=null, width=3, height=1]",
                "  car Bbox[info=AnnotationInfo[label=null, id=0, group=0, zOrder=0, attributes={truncated=false,"
                        + " occluded=true, score=0.5}, track=null], x=0.0, y=0.0, w=2.0, h=1.0, rotation=0.0]",
                "  car Mask[info=AnnotationInfo[label=null, id=3, group=0, zOrder=0, attributes={is_crowd=false},"
                        + " track=null], rle=Rle[1x3, [0, 1, 2]]]",
                "  traffic_sign Mask[info=AnnotationInfo[label=null, id=0, group=0, zOrder=0, attributes={is_crowd=true},"
                        + " track=null], rle=Rle[1x3, [1, 2]]]",
                "default/b Media[path=null, width=null, height=null]"), Described.items(again));
    }

    @Test
    void writingTwiceGivesTheSameBytes() throws IOException {
        DirectorySource source = Corpus.source(SEGMENTATION);
        Datasets.write(FORMAT, Datasets.read(FORMAT, source), dir.resolve("one"), null, Problems.IGNORE);
        Datasets.write(FORMAT, Datasets.read(FORMAT, source), dir.resolve("two"), null, Problems.IGNORE);
        for (String file : List.of("training/instance/000030_10.png", "training/semantic_rgb/000030_10.png", "label_colors.txt")) {
            assertEquals(-1L, Files.mismatch(dir.resolve("one").resolve(file), dir.resolve("two").resolve(file)));
        }
    }
}

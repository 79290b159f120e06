package org.labelbridge.format.camvid;

import org.labelbridge.testing.RecordedProblems;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.labelbridge.format.camvid.CamVidReaderTest.FORMAT;
import static org.labelbridge.format.camvid.CamVidReaderTest.SAMPLE;
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
import org.labelbridge.archive.InputArchive;
import org.labelbridge.convert.ConversionOptions;
import org.labelbridge.convert.ConversionRequest;
import org.labelbridge.convert.ConversionResult;
import org.labelbridge.convert.Converter;
import org.labelbridge.format.Detection;
import org.labelbridge.format.Problems;
import org.labelbridge.format.common.pixels.IndexImage;
import org.labelbridge.format.common.pixels.MaskImage;

import org.labelbridge.model.AnnotationInfo;
import org.labelbridge.model.Bbox;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;
import org.labelbridge.model.Label;
import org.labelbridge.model.Mask;
import org.labelbridge.model.Media;
import org.labelbridge.model.Points;
import org.labelbridge.model.Polygon;
import org.labelbridge.model.Rgb;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.Datasets;

/** CamVid out: what is written, and that it reads back the same. */
class CamVidWriterTest {

    private static final String READ_BACK =
            "painted into one class mask, read back as one mask per label: CamVid masks have no instances";

    @TempDir
    Path dir;

    @Test
    void corpusSampleSurvivesARoundTrip() throws IOException {
        DirectorySource source = Corpus.source(SAMPLE);
        Datasets.Loaded original = Datasets.read(FORMAT, source);
        RecordedProblems problems = new RecordedProblems();
        Datasets.write(FORMAT, original, dir, source, problems);
        Datasets.Loaded again = Datasets.read(FORMAT, DirectorySource.of(dir));

        assertEquals(original.categories(), again.categories());
        assertEquals(original.items(), again.items());
        // masks come back one per label, as many as were given: the report's counts stay as they were
        assertEquals(original.items().stream().filter(i -> !i.annotations().isEmpty())
                .map(i -> "wrote " + i.id() + " as {MASK=" + i.annotations().size() + "}: " + READ_BACK).toList(),
                problems.lines);
        assertEquals(Detection.STRONG, FORMAT.detect(DirectorySource.of(dir)).confidence());
    }

    @Test
    void writesTheListsTheLabelTableAndColourMasksAsTheSampleHasThem() throws IOException {
        DirectorySource source = Corpus.source(SAMPLE);
        Datasets.write(FORMAT, Datasets.read(FORMAT, source), dir, source, Problems.IGNORE);

        assertEquals("/test/0001TP_008550.png /testannot/0001TP_008550.png\n"
                + "/test/0001TP_008580.png /testannot/0001TP_008580.png\n", text(dir.resolve("test.txt")));
        assertEquals("/val/0016E5_07959.png /valannot/0016E5_07959.png\n", text(dir.resolve("val.txt")));
        String table = text(dir.resolve("label_colors.txt"));
        assertEquals(32, table.lines().count());
        assertEquals(List.of("0 0 0 Void", "64 128 64 Animal", "192 0 128 Archway"), table.lines().limit(3).toList());
        for (String mask : List.of("testannot/0001TP_008550.png", "trainannot/0001TP_006690.png")) {
            MaskImage written = png(dir.resolve(mask));
            assertEquals(MaskImage.Kind.RGB, written.kind());
            assertEquals(png(Corpus.path(SAMPLE).resolve(mask)).samples(), written.samples()); // same colours
        }
        assertArrayEquals(Files.readAllBytes(Corpus.path(SAMPLE).resolve("val/0016E5_07959.png")),
                Files.readAllBytes(dir.resolve("val/0016E5_07959.png")));
    }

    @Test
    void convertsThroughThePipelineIntoAZip() throws IOException {
        Path zip = dir.resolve("out.zip");
        ConversionResult result = Converter.convert(new ConversionRequest(Corpus.path(SAMPLE), ConversionRequest.AUTO,
                "camvid", ConversionOptions.DEFAULTS, zip));
        assertEquals("camvid", result.source().format().id());
        try (InputArchive archive = InputArchive.open(zip)) {
            assertEquals(Datasets.read(FORMAT, Corpus.source(SAMPLE)).items(), Datasets.read(FORMAT, archive.source()).items());
        }
    }

    @Test
    void shapesArePaintedByZOrderIntoOneClassMaskAndEveryChangeIsReported() throws IOException {
        Categories categories = Categories.ofNames(List.of("car", "person"));
        Item item = new Item("street/1", "train", new Media(null, 4, 2), List.of(
                new Polygon(new AnnotationInfo(0, 7, 0, 1, Map.of(), null), new double[] {0, 0, 2, 0, 2, 2, 0, 2}),
                new Bbox(AnnotationInfo.of(1), 1, 0, 3, 1),                // person under the car (z 0 < 1)
                new Polygon(AnnotationInfo.of(0), new double[] {3, 1, 4, 1, 4, 2, 3, 2}),
                new Points(AnnotationInfo.of(1), new double[] {1, 1}),
                new Polygon(AnnotationInfo.EMPTY, new double[] {0, 0, 1, 0, 1, 1})));
        RecordedProblems problems = new RecordedProblems();
        Datasets.write(FORMAT, new Datasets.Loaded(categories, List.of(item)), dir, null, problems);

        assertEquals(List.of(
                "dropped street/1 points: CamVid 1.0 holds masks, and shapes it can paint into them, only",
                "dropped street/1 polygon: a mask pixel needs a label: unlabelled polygon not written",
                "changed street/1 polygon: polygon rasterised to class masks",
                "changed street/1 bbox: bbox rasterised to class masks",
                "changed street/1 polygon: polygon rasterised to class masks",
                "changed street/1 polygon: merged with the other 'car' shapes into one class mask: CamVid masks have no instances",
                "changed street/1 bbox: partly hidden under shapes above it (z-order) when masks were merged",
                "wrote street/1 as {MASK=2}: " + READ_BACK),
                problems.lines);
        // the background the table lacks is painted black but not listed: readers add it back
        assertEquals("128 0 0 car\n0 128 0 person\n", text(dir.resolve("label_colors.txt")));
        assertEquals("/train/street/1.png /trainannot/street/1.png\n", text(dir.resolve("train.txt")));
        assertEquals(IndexImage.of(2, 4, 0x800000, 0x800000, 0x008000, 0x008000, 0x800000, 0x800000, 0, 0x800000),
                png(dir.resolve("trainannot/street/1.png")).samples());

        Datasets.Loaded again = Datasets.read(FORMAT, DirectorySource.of(dir));
        assertEquals(List.of("background", "car", "person"), again.categories().labels().stream().map(Label::name).toList());
        Item read = again.item("train", "street/1");
        assertEquals(List.of(new Mask(AnnotationInfo.of(1), rows(2, 4, 1, 1, 0, 0, 1, 1, 0, 1)),
                new Mask(AnnotationInfo.of(2), rows(2, 4, 0, 0, 1, 1, 0, 0, 0, 0))), read.annotations());
    }

    @Test
    void itemsWithoutShapesAreListedWithoutMaskAndDuplicateColoursAreSeparated() throws IOException {
        Categories categories = new Categories(List.of(Label.named("Void"), Label.named("a"), Label.named("b b")),
                List.of(), Map.of(), Map.of(0, new Rgb(0, 0, 0), 1, new Rgb(9, 9, 9), 2, new Rgb(9, 9, 9)));
        Item empty = new Item("e", "default", new Media("e.jpg", 2, 2), List.of());
        Item unsized = new Item("u", "default", Media.NONE, List.of(new Polygon(AnnotationInfo.of(1), new double[] {0, 0, 1, 0, 1, 1})));
        RecordedProblems problems = new RecordedProblems();
        Datasets.write(FORMAT, new Datasets.Loaded(categories, List.of(empty, unsized)), dir, null, problems);

        assertEquals("/default/e.jpg\n/default/u.png\n", text(dir.resolve("default.txt")));
        assertEquals("0 0 0 Void\n9 9 9 a\n128 0 0 b_b\n", text(dir.resolve("label_colors.txt")));
        assertEquals(List.of(
                "dataset: label 'b b' has the colour (9, 9, 9) of an earlier label: written in another colour, as CamVid 1.0"
                        + " masks tell labels apart by colour",
                "dataset: label 'b b' written as 'b_b': CamVid 1.0 label names cannot hold whitespace or a leading '#',"
                        + " and must be unique",
                "dropped u polygon: the image size is unknown, so the polygon cannot be painted into a mask"),
                problems.lines);
        assertFalse(Files.exists(dir.resolve("defaultannot")));
    }

    private static org.labelbridge.model.Rle rows(int height, int width, int... bits) {
        byte[] bitmap = new byte[bits.length];
        for (int i = 0; i < bits.length; i++) {
            bitmap[i] = (byte) bits[i];
        }
        return org.labelbridge.model.Rle.fromBitmap(bitmap, height, width);
    }
}

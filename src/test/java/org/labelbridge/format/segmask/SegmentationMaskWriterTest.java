package org.labelbridge.format.segmask;

import org.labelbridge.testing.RecordedProblems;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.labelbridge.format.segmask.SegmentationMaskReaderTest.FORMAT;
import static org.labelbridge.format.segmask.SegmentationMaskReaderTest.SAMPLE;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
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
import org.labelbridge.format.common.pixels.MaskImages;
import org.labelbridge.format.common.pixels.VocPalette;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.AnnotationInfo;
import org.labelbridge.model.Bbox;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Ellipse;
import org.labelbridge.model.Item;
import org.labelbridge.model.Label;
import org.labelbridge.model.Mask;
import org.labelbridge.model.Media;
import org.labelbridge.model.Polygon;
import org.labelbridge.model.Rgb;
import org.labelbridge.model.Rle;
import org.labelbridge.model.Tag;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.Datasets;

class SegmentationMaskWriterTest {

    @TempDir
    Path dir;

    private static String text(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private static MaskImage png(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return MaskImages.read(in, file.toString());
        }
    }

    private static AnnotationInfo info(int label, int group, int zOrder) {
        return new AnnotationInfo(label, 0, group, zOrder, Map.of(), null);
    }

    @Test
    void corpusSampleSurvivesARoundTrip() throws IOException {
        DirectorySource source = Corpus.source(SAMPLE);
        Datasets.Loaded original = Datasets.read(FORMAT, source);
        Datasets.Loaded again = Datasets.roundTrip(FORMAT, original, dir, source);

        assertEquals(original.categories(), again.categories());
        assertEquals(original.items(), again.items());
        assertEquals(Detection.STRONG, FORMAT.detect(DirectorySource.of(dir)).confidence());
    }

    @Test
    void convertsThroughThePipelineIntoAZip() throws IOException {
        Path zip = dir.resolve("out.zip");
        ConversionResult result = Converter.convert(new ConversionRequest(Corpus.path(SAMPLE), ConversionRequest.AUTO,
                "segmentation_mask", ConversionOptions.DEFAULTS, zip));
        assertEquals("segmentation_mask", result.source().format().id());
        try (InputArchive archive = InputArchive.open(zip)) {
            Datasets.Loaded converted = Datasets.read(FORMAT, archive.source());
            assertEquals(Datasets.read(FORMAT, Corpus.source(SAMPLE)).items(), converted.items());
        }
    }

    @Test
    void writesVocStyleFiles() throws IOException {
        DirectorySource source = Corpus.source(SAMPLE);
        Datasets.write(FORMAT, Datasets.read(FORMAT, source), dir, source, Problems.IGNORE);

        assertTrue(text(dir.resolve("labelmap.txt")).startsWith(
                "# label:color_rgb:parts:actions\nbackground:0,0,0::\naeroplane:128,0,0::\nbicycle:0,128,0::\n"));
        assertTrue(text(dir.resolve("labelmap.txt")).endsWith("tvmonitor:0,64,128::\nignored:224,224,192::\n"));
        assertEquals("2007_000001\n", text(dir.resolve("ImageSets/Segmentation/train.txt")));
        assertEquals("2007_000002\n", text(dir.resolve("ImageSets/Segmentation/test.txt")));
        assertArrayEquals(Files.readAllBytes(Corpus.path(SAMPLE).resolve("JPEGImages/2007_000001.jpg")),
                Files.readAllBytes(dir.resolve("JPEGImages/2007_000001.jpg")));

        MaskImage classes = png(dir.resolve("SegmentationClass/2007_000001.png"));
        assertEquals(MaskImage.Kind.INDEXED, classes.kind());
        assertEquals(IndexImage.of(10, 20, filled(200, 2)), classes.samples()); // bicycle everywhere
        assertEquals(new Rgb(0, 128, 0), classes.palette().get(2));
        MaskImage instances = png(dir.resolve("SegmentationObject/2007_000001.png"));
        assertEquals(IndexImage.of(10, 20, filled(200, 1)), instances.samples());
        assertEquals(VocPalette.colours(2), instances.palette());
        assertFalse(Files.exists(dir.resolve("SegmentationClass/2007_000002.png"))); // nothing to paint

        Path again = dir.resolve("again");
        Datasets.write(FORMAT, Datasets.read(FORMAT, source), again, null, Problems.IGNORE);
        assertArrayEquals(Files.readAllBytes(dir.resolve("SegmentationClass/2007_000001.png")),
                Files.readAllBytes(again.resolve("SegmentationClass/2007_000001.png")));
    }

    private static int[] filled(int n, int value) {
        int[] values = new int[n];
        Arrays.fill(values, value);
        return values;
    }

    @Test
    void polygonsAndBoxesAreRasterisedByZOrderAndTheChangeIsReported() throws IOException {
        Categories categories = Categories.ofNames(List.of("cat", "dog"));
        Item item = new Item("img1", "train", new Media(null, 6, 4), List.of(
                new Polygon(info(0, 0, 0), new double[] {0, 0, 3, 0, 3, 2, 0, 2}),  // cat, x 0..2, y 0..1
                new Bbox(info(1, 0, 1), 2, 1, 3, 3)));                            // dog above it, x 2..4, y 1..3
        RecordedProblems problems = new RecordedProblems();
        Datasets.write(FORMAT, new Datasets.Loaded(categories, List.of(item)), dir, null, problems);

        assertEquals(List.of(
                "changed img1 polygon: polygon rasterised to class and instance masks",
                "changed img1 bbox: bbox rasterised to class and instance masks",
                "changed img1 polygon: partly hidden under shapes above it (z-order) when masks were merged",
                "wrote img1 as {MASK=2}: painted into class and instance masks, read back as one mask per instance"),
                problems.lines);
        assertEquals("# label:color_rgb:parts:actions\nbackground:0,0,0::\ncat:128,0,0::\ndog:0,128,0::\n",
                text(dir.resolve("labelmap.txt")));
        assertEquals(IndexImage.of(4, 6,
                1, 1, 1, 0, 0, 0,
                1, 1, 2, 2, 2, 0,
                0, 0, 2, 2, 2, 0,
                0, 0, 2, 2, 2, 0), png(dir.resolve("SegmentationClass/img1.png")).samples());
        assertEquals(png(dir.resolve("SegmentationClass/img1.png")).samples(),
                png(dir.resolve("SegmentationObject/img1.png")).samples()); // instances 1 (cat) and 2 (dog)

        Datasets.Loaded back = Datasets.read(FORMAT, DirectorySource.of(dir));
        assertEquals(List.of("background", "cat", "dog"), back.categories().labels().stream().map(Label::name).toList());
        Item img1 = back.item("train", "img1");
        assertEquals(new Media(null, 6, 4), img1.media());
        assertEquals(List.of(
                new Mask(info(1, 1, 0), rle(4, 6, 0, 1, 2, 6, 7)),
                new Mask(info(2, 2, 0), rle(4, 6, 8, 9, 10, 14, 15, 16, 20, 21, 22))), img1.annotations());
    }

    /** A mask of the given row-major pixel indices. */
    private static Rle rle(int height, int width, int... pixels) {
        byte[] bitmap = new byte[height * width];
        for (int p : pixels) {
            bitmap[p] = 1;
        }
        return Rle.fromBitmap(bitmap, height, width);
    }

    @Test
    void groupsBecomeInstancesAndKeepTheirNumbers() throws IOException {
        Categories categories = Categories.ofNames(List.of("person"));
        Item item = new Item("p", "day/1", new Media(null, 4, 1), List.of(
                new Polygon(info(0, 7, 0), new double[] {0, 0, 1, 0, 1, 1, 0, 1}),
                new Mask(info(0, 0, 0), rle(1, 4, 1)),
                new Polygon(info(0, 7, 0), new double[] {2, 0, 3, 0, 3, 1, 2, 1}),
                new Bbox(info(0, 300, 0), 3, 0, 1, 1)));
        RecordedProblems problems = new RecordedProblems();
        Datasets.write(FORMAT, new Datasets.Loaded(categories, List.of(item)), dir, null, problems);
        assertEquals(IndexImage.of(1, 4, 7, 1, 7, 2), png(dir.resolve("SegmentationObject/p.png")).samples());
        assertEquals(List.of(
                "dataset: subset 'day/1' written as 'day_1': a subset list is one file",
                "changed p polygon: merged with the other 'person' shapes of group 7 into one instance mask",
                "changed p polygon: polygon rasterised to class and instance masks",
                "changed p polygon: polygon rasterised to class and instance masks",
                "changed p bbox: bbox rasterised to class and instance masks",
                "wrote p as {MASK=3}: painted into class and instance masks, read back as one mask per instance"), problems.lines);
        assertEquals("p\n", text(dir.resolve("ImageSets/Segmentation/day_1.txt")));
        List<Annotation> back = Datasets.read(FORMAT, DirectorySource.of(dir)).item("p").annotations();
        assertEquals(List.of(1, 2, 7), back.stream().map(a -> a.info().group()).toList());
        assertEquals(rle(1, 4, 0, 2), ((Mask) back.get(2)).rle());
    }

    @Test
    void whatCannotBePaintedIsReported() throws IOException {
        Categories categories = Categories.ofNames(List.of("a"));
        List<Item> items = List.of(
                new Item("nosize", "default", Media.NONE, List.of(new Polygon(info(0, 0, 0), new double[] {0, 0, 1, 0, 1, 1}))),
                new Item("odd", "default", new Media(null, 3, 3), List.of(
                        new Tag(info(0, 0, 0)),
                        new Polygon(AnnotationInfo.EMPTY, new double[] {0, 0, 1, 0, 1, 1}),
                        new Mask(info(0, 0, 0), rle(2, 2, 0)),
                        new Bbox(info(0, 0, 0), 5, 5, 1, 1),
                        new Ellipse(info(0, 0, 1), 1.5, 1.5, 1, 1, 0),
                        new Bbox(info(0, 0, 0), 0, 0, 3, 3))),
                new Item("sized", "default", Media.NONE, List.of(new Mask(info(0, 0, 0), rle(2, 2, 3)))));
        RecordedProblems problems = new RecordedProblems();
        Datasets.write(FORMAT, new Datasets.Loaded(categories, items), dir, null, problems);
        assertEquals(List.of(
                "dropped nosize polygon: the image size is unknown, so the polygon cannot be rasterised",
                "dropped odd tag: Segmentation mask 1.1 holds only masks and shapes it can rasterise",
                "dropped odd polygon: a mask pixel needs a label: unlabelled polygon not written",
                "dropped odd mask: mask is 2x2 but the image is 3x3",
                "changed odd bbox: bbox rasterised to class and instance masks",
                "changed odd ellipse: ellipse rasterised to class and instance masks",
                "changed odd bbox: bbox rasterised to class and instance masks",
                "dropped odd bbox: covers no pixel of the 3x3 image",
                "changed odd bbox: partly hidden under shapes above it (z-order) when masks were merged",
                "wrote odd as {MASK=2}: painted into class and instance masks, read back as one mask per instance",
                "wrote sized as {MASK=1}: painted into class and instance masks, read back as one mask per instance"),
                problems.lines);
        assertFalse(Files.exists(dir.resolve("SegmentationClass/nosize.png")));
        assertEquals(IndexImage.of(2, 2, 0, 0, 0, 1), png(dir.resolve("SegmentationObject/sized.png")).samples());
        assertEquals("nosize\nodd\nsized\n", text(dir.resolve("ImageSets/Segmentation/default.txt")));
    }

    @Test
    void labelMapKeepsColoursAndFixesWhatTheFileCannotHold() throws IOException {
        Categories categories = new Categories(List.of(Label.named("road"), Label.named("sky:blue"),
                Label.named("car"), Label.named("#tree")), List.of(), Map.of(),
                Map.of(0, new Rgb(128, 64, 128), 1, new Rgb(70, 130, 180), 2, new Rgb(128, 64, 128)));
        RecordedProblems problems = new RecordedProblems();
        Datasets.write(FORMAT, new Datasets.Loaded(categories, List.of()), dir, null, problems);
        assertEquals("# label:color_rgb:parts:actions\n"
                + "background:0,0,0::\n"
                + "road:128,64,128::\n"
                + "sky_blue:70,130,180::\n"
                + "car:128,0,0::\n"
                + "_#tree:0,128,0::\n", text(dir.resolve("labelmap.txt")));
        assertEquals(List.of(
                "dataset: label 'car' has the colour (128, 64, 128) of an earlier label: written with another colour",
                "dataset: label 'sky:blue' written as 'sky_blue': labelmap.txt names cannot hold ':', line breaks"
                        + " or a leading '#', and must be unique",
                "dataset: label '#tree' written as '_#tree': labelmap.txt names cannot hold ':', line breaks"
                        + " or a leading '#', and must be unique"), problems.lines);
    }
}

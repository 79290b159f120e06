package org.labelbridge.format.voc;

import org.labelbridge.testing.RecordedProblems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.archive.DirectorySource;
import org.labelbridge.format.FormatException;
import org.labelbridge.format.common.pixels.IndexImage;
import org.labelbridge.format.common.pixels.MaskImage;
import org.labelbridge.format.common.pixels.MaskImages;
import org.labelbridge.format.common.pixels.PngEncoder;
import org.labelbridge.format.common.pixels.VocPalette;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.AnnotationInfo;
import org.labelbridge.model.Bbox;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;
import org.labelbridge.model.Label;
import org.labelbridge.model.Mask;
import org.labelbridge.model.Media;
import org.labelbridge.model.Polygon;
import org.labelbridge.model.Rgb;
import org.labelbridge.model.Rle;
import org.labelbridge.testing.Datasets;
import org.labelbridge.testing.Datasets.Loaded;

/** The segmentation part of VOC: SegmentationClass and SegmentationObject PNGs, out and back in. */
class VocMaskTest {

    private final VocFormat voc = new VocFormat();

    @TempDir
    Path dir;

    private static final Rgb BLACK = new Rgb(0, 0, 0);
    private static final Rgb RED = new Rgb(200, 0, 0);
    private static final Rgb GREEN = new Rgb(0, 200, 0);
    private static final Categories CATEGORIES = new Categories(List.of(Label.named("background"),
            Label.named("cat"), Label.named("dog")), VocLayout.FLAGS, Map.of(), Map.of(0, BLACK, 1, RED, 2, GREEN));
    private static final int CAT = 1;
    private static final int DOG = 2;

    /** A 6x4 bitmap from rows of '0' and '1'. */
    private static Rle mask(String... rows) {
        byte[] bits = new byte[rows.length * rows[0].length()];
        for (int y = 0; y < rows.length; y++) {
            for (int x = 0; x < rows[y].length(); x++) {
                bits[y * rows[y].length() + x] = (byte) (rows[y].charAt(x) - '0');
            }
        }
        return Rle.fromBitmap(bits, rows.length, rows[0].length());
    }

    private static AnnotationInfo info(int label, int group) {
        return new AnnotationInfo(label, 0, group, 0, Map.of(), null);
    }

    private static MaskImage png(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return MaskImages.read(in, file.toString());
        }
    }

    /**
     * A cat box (object 1, group 4) with a cat mask in its group, an ungrouped dog polygon and a
     * dog mask in group 7: the cat mask is instance 1 (its box's object), the group-7 mask keeps
     * 7, the polygon takes the first free id, 2.
     */
    private static Item catAndDogs() {
        Rle catPixels = mask("110000", "110000", "000000", "000000");
        Rle dogPixels = mask("000000", "000000", "000000", "000011");
        return new Item("pets/1", "train", new Media("JPEGImages/pets/1.jpg", 6, 4), List.of(
                new Bbox(info(CAT, 4).withId(1), 0, 0, 2, 2),
                new Mask(info(CAT, 4), catPixels),
                new Polygon(info(DOG, 0), new double[] {2, 1, 5, 1, 5, 3, 2, 3}),
                new Mask(info(DOG, 7), dogPixels)));
    }

    @Test
    void masksAndPolygonsArePaintedIntoClassAndInstancePngs() throws IOException {
        RecordedProblems problems = new RecordedProblems();
        Datasets.write(voc, new Loaded(CATEGORIES, List.of(catAndDogs())), dir, null, problems);

        MaskImage classes = png(dir.resolve("SegmentationClass/pets/1.png"));
        assertEquals(MaskImage.Kind.INDEXED, classes.kind());
        String[] expectedClasses = {"RR....", "RRGGG.", "..GGG.", "....GG"};
        String[] expectedInstances = {"11....", "11222.", "..222.", "....77"};
        MaskImage instances = png(dir.resolve("SegmentationObject/pets/1.png"));
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 6; x++) {
                char c = expectedClasses[y].charAt(x);
                Rgb colour = c == 'R' ? RED : c == 'G' ? GREEN : BLACK;
                assertEquals(MaskImage.pack(colour), classes.colour(x, y), "class at " + x + "," + y);
                char i = expectedInstances[y].charAt(x);
                int id = i == '.' ? 0 : i - '0';
                assertEquals(VocPalette.packed(id), instances.colour(x, y), "instance at " + x + "," + y);
            }
        }
        assertEquals("pets/1\n", Files.readString(dir.resolve("ImageSets/Segmentation/train.txt")));
        assertTrue(Files.readString(dir.resolve("Annotations/pets/1.xml")).contains("<segmented>1</segmented>"));
        assertEquals("""
                # label:color_rgb:parts:actions
                background:0,0,0::
                cat:200,0,0::
                dog:0,200,0::
                """, Files.readString(dir.resolve("labelmap.txt")));
        assertEquals(List.of("changed pets/1 polygon: polygon painted into the SegmentationClass and SegmentationObject"
                + " PNGs (read back as a mask)", "wrote pets/1 as {BBOX=1, MASK=3}: masks and polygons painted into the"
                + " SegmentationClass and SegmentationObject PNGs, read back as one mask per instance"), problems.lines);
    }

    @Test
    void roundTripGroupsEachMaskWithItsBox() throws IOException {
        Loaded again = Datasets.roundTrip(voc, new Loaded(CATEGORIES, List.of(catAndDogs())), dir, null);

        assertEquals(CATEGORIES, again.categories());
        List<Annotation> annotations = again.item("pets/1").annotations();
        Bbox box = (Bbox) annotations.get(0);
        assertEquals(1, box.info().group(), "object 1");
        assertEquals(List.of(
                new Mask(info(CAT, 1), mask("110000", "110000", "000000", "000000")),
                new Mask(info(DOG, 2), mask("000000", "001110", "001110", "000000")),
                new Mask(info(DOG, 7), mask("000000", "000000", "000000", "000011"))),
                annotations.subList(1, annotations.size()));
    }

    @Test
    void zOrderDecidesWhatIsOnTopAndHiddenPixelsAreReported() throws IOException {
        Item item = new Item("x", "train", new Media(null, 4, 2), List.of(
                new Mask(new AnnotationInfo(CAT, 0, 1, 5, Map.of("score", 0.5), null), mask("1100", "1100")),
                new Mask(info(DOG, 2), mask("0110", "0110")),
                new Mask(info(DOG, 3), mask("1000", "0000"))));
        RecordedProblems problems = new RecordedProblems();
        Loaded again = Datasets.roundTrip(voc, new Loaded(CATEGORIES, List.of(item)), dir, null);
        Datasets.write(voc, new Loaded(CATEGORIES, List.of(item)), dir.resolve("again"), null, problems);

        assertEquals(List.of(new Mask(info(CAT, 1), mask("1100", "1100")), new Mask(info(DOG, 2), mask("0010", "0010"))),
                again.item("x").annotations(), "the cat (z-order 5) is on top");
        assertTrue(problems.any("changed x mask: attributes not kept, VOC masks have none: score"), problems.toString());
        assertTrue(problems.any("changed x mask: partly hidden under shapes above it (z-order)"), problems.toString());
        assertTrue(problems.any("dropped x mask: hidden entirely under shapes above it"), problems.toString());
    }

    @Test
    void aGroupWithTwoMaskLabelsSplitsAndShapesOfOneLabelMerge() throws IOException {
        Item item = new Item("x", "train", new Media(null, 4, 1), List.of(
                new Mask(info(CAT, 3), mask("1000")),
                new Polygon(info(CAT, 3), new double[] {1, 0, 2, 0, 2, 1, 1, 1}),
                new Mask(info(DOG, 3), mask("0001"))));
        RecordedProblems problems = new RecordedProblems();
        Datasets.write(voc, new Loaded(CATEGORIES, List.of(item)), dir, null, problems);
        Loaded again = Datasets.read(voc, DirectorySource.of(dir));

        assertEquals(List.of(new Mask(info(DOG, 1), mask("0001")), new Mask(info(CAT, 3), mask("1100"))),
                again.item("x").annotations(), "instances come in id order; the dog took the first free id");
        assertTrue(problems.any("changed x polygon: merged with the other 'cat' shapes of group 3"), problems.toString());
        assertTrue(problems.any("changed x mask: group 3 also has 'cat' shapes, and a VOC instance has one label: 'dog'"),
                problems.toString());
    }

    @Test
    void labelsWithoutAColourGetOneAndBackgroundIsAdded() throws IOException {
        Categories categories = new Categories(List.of(Label.named("cat"), Label.named("dog")), List.of(), Map.of(),
                Map.of(0, RED));
        Item item = new Item("x", "train", new Media(null, 2, 1), List.of(
                new Mask(info(0, 1), mask("10")), new Mask(info(1, 2), mask("01"))));
        RecordedProblems problems = new RecordedProblems();
        Datasets.write(voc, new Loaded(categories, List.of(item)), dir, null, problems);

        assertEquals("# label:color_rgb:parts:actions\ncat:200,0,0::\ndog:128,0,0::\nbackground:0,0,0::\n",
                Files.readString(dir.resolve("labelmap.txt")));
        assertTrue(problems.any("label 'dog' has no colour: its mask pixels are painted (128, 0, 0)"), problems.toString());
        assertTrue(problems.any("labelmap.txt gains the label 'background'"), problems.toString());
        Loaded again = Datasets.read(voc, DirectorySource.of(dir));
        assertEquals(List.of(new Mask(info(0, 1), mask("10")), new Mask(info(1, 2), mask("01"))),
                again.item("x").annotations());
    }

    @Test
    void withoutAnImageSizePolygonsCannotBePainted() throws IOException {
        Item item = new Item("x", "train", Media.NONE, List.of(new Polygon(info(CAT, 0), new double[] {0, 0, 2, 0, 2, 2})));
        RecordedProblems problems = new RecordedProblems();
        Datasets.write(voc, new Loaded(CATEGORIES, List.of(item)), dir, null, problems);

        assertEquals(List.of("dropped x polygon: the image size is unknown, so the polygon cannot be painted into "
                + "SegmentationClass/SegmentationObject PNGs"), problems.lines);
        assertTrue(Files.notExists(dir.resolve("SegmentationClass")));
    }

    private VocFixture withMasks(IndexImage classes, List<Rgb> classPalette) throws IOException {
        VocFixture fixture = VocFixture.in(dir).file("ImageSets/Segmentation/train.txt", "a\n");
        Files.createDirectories(dir.resolve("SegmentationClass"));
        try (var out = Files.newOutputStream(dir.resolve("SegmentationClass/a.png"))) {
            PngEncoder.writeIndexed(classes, classPalette, out);
        }
        return fixture;
    }

    @Test
    void aClassMapAloneGivesOneMaskPerClass() throws IOException {
        withMasks(IndexImage.of(1, 3, 0, 2, 2), VocPalette.colours(3));
        Loaded dataset = Datasets.read(voc, DirectorySource.of(dir));

        assertEquals(List.of(new Mask(AnnotationInfo.of(0), mask("100")), new Mask(AnnotationInfo.of(2), mask("011"))),
                dataset.item("a").annotations());
        assertEquals(new Media(null, 3, 1), dataset.item("a").media(), "the size comes from the mask");
    }

    @Test
    void aColourNoLabelHasIsAnError() throws IOException {
        withMasks(IndexImage.of(1, 3, 0, 0, 1), List.of(BLACK, new Rgb(1, 2, 3)));
        FormatException e = assertThrows(FormatException.class, () -> Datasets.read(voc, DirectorySource.of(dir)));
        assertTrue(e.getMessage().contains("SegmentationClass/a.png, pixel (2, 0): colour (1, 2, 3) (palette index 1)"
                + " is not a label colour in the VOC colours (there is no labelmap.txt)"), e.getMessage());
    }

    @Test
    void aMaskOfAnotherSizeThanTheImageIsAnError() throws IOException {
        withMasks(IndexImage.of(1, 3, 0, 0, 1), VocPalette.colours(2))
                .file("Annotations/a.xml", "<annotation><filename>a.jpg</filename><size><width>4</width>"
                        + "<height>1</height></size></annotation>");
        FormatException e = assertThrows(FormatException.class, () -> Datasets.read(voc, DirectorySource.of(dir)));
        assertTrue(e.getMessage().contains("SegmentationClass/a.png: mask is 3x1 but the image is 4x1 (Annotations/a.xml)"),
                e.getMessage());
    }

    @Test
    void labelsSharingAColourAreReportedWhenThereAreMasks() throws IOException {
        withMasks(IndexImage.of(1, 2, 0, 1), List.of(BLACK, RED))
                .file("labelmap.txt", "background:0,0,0::\ncat:200,0,0::\nlion:200,0,0::\n");
        RecordedProblems problems = new RecordedProblems();
        Loaded dataset = Datasets.read(voc, DirectorySource.of(dir), problems);

        assertEquals(List.of(new Mask(AnnotationInfo.of(0), mask("10")), new Mask(AnnotationInfo.of(1), mask("01"))),
                dataset.item("a").annotations());
        assertEquals(List.of("dataset: labelmap.txt: label 'lion' has the colour of 'cat'; its mask pixels read as 'cat'"),
                problems.lines);
    }

    @Test
    void masksOfUnlistedItemsAreReported() throws IOException {
        withMasks(IndexImage.of(1, 3, 0, 0, 1), VocPalette.colours(2)).file("ImageSets/Segmentation/train.txt", "b\n");
        RecordedProblems problems = new RecordedProblems();
        Loaded dataset = Datasets.read(voc, DirectorySource.of(dir), problems);

        assertEquals(List.of("train/b"), dataset.ids());
        assertEquals(List.of("dataset: masks of 1 item(s) in no ImageSets list were not read: a"), problems.lines);
    }
}

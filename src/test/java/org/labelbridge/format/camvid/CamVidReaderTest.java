package org.labelbridge.format.camvid;

import org.labelbridge.testing.RecordedProblems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.format.FormatException;
import org.labelbridge.format.common.pixels.VocPalette;

import org.labelbridge.format.scenes.SampleFolder;
import org.labelbridge.model.AnnotationInfo;
import org.labelbridge.model.Item;
import org.labelbridge.model.Label;
import org.labelbridge.model.Mask;
import org.labelbridge.model.Media;
import org.labelbridge.model.Rgb;
import org.labelbridge.model.Rle;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.Datasets;

/** CamVid in: the corpus sample (MANIFEST.md, camvid_1.0) and the label tables and masks CVAT allows. */
class CamVidReaderTest {

    static final CamVidFormat FORMAT = new CamVidFormat();
    static final String SAMPLE = "camvid_1.0/camvid_dataset";

    @TempDir
    Path dir;

    /** A one-row mask. */
    static Rle row(int... bits) {
        byte[] bitmap = new byte[bits.length];
        for (int i = 0; i < bits.length; i++) {
            bitmap[i] = (byte) bits[i];
        }
        return Rle.fromBitmap(bitmap, 1, bits.length);
    }

    static Mask mask(int label, int... bits) {
        return new Mask(AnnotationInfo.of(label), row(bits));
    }

    @Test
    void corpusSampleGivesOneMaskPerClassWithTheDefaultCamVidLabels() throws IOException {
        RecordedProblems problems = new RecordedProblems();
        Datasets.Loaded dataset = Datasets.read(FORMAT, Corpus.source(SAMPLE), problems);

        List<String> names = dataset.categories().labels().stream().map(Label::name).toList();
        assertEquals(32, names.size());
        assertEquals(List.of("Void", "Animal", "Archway", "Bicyclist", "Bridge"), names.subList(0, 5));
        assertEquals(8, names.indexOf("Child"));
        assertEquals(18, names.indexOf("Road"));
        assertEquals(22, names.indexOf("Sky"));
        assertEquals(27, names.indexOf("Tree"));
        assertEquals("Wall", names.get(31));
        assertEquals(new Rgb(64, 128, 64), dataset.categories().colors().get(1));
        assertEquals(new Rgb(0, 0, 0), dataset.categories().colors().get(0));

        assertEquals(List.of("test/0001TP_008550", "test/0001TP_008580", "train/0001TP_006690", "val/0016E5_07959"),
                dataset.ids());
        assertEquals(new Item("0001TP_008550", "test", new Media("test/0001TP_008550.png", 5, 1), List.of(
                mask(1, 1, 1, 0, 0, 0), mask(18, 0, 0, 1, 0, 0), mask(22, 0, 0, 0, 1, 1))),
                dataset.item("test", "0001TP_008550"));
        assertEquals(new Item("0001TP_008580", "test", new Media("test/0001TP_008580.png", 5, 1), List.of(
                mask(2, 1, 1, 0, 0, 0), mask(4, 0, 0, 1, 0, 0), mask(27, 0, 0, 0, 1, 1))),
                dataset.item("test", "0001TP_008580"));
        assertEquals(new Item("0001TP_006690", "train", new Media("train/0001TP_006690.png", 5, 1), List.of(
                mask(3, 1, 1, 0, 1, 1), mask(18, 0, 0, 1, 0, 0))),
                dataset.item("train", "0001TP_006690"));
        assertEquals(new Item("0016E5_07959", "val", new Media("val/0016E5_07959.png", 5, 1), List.of(
                mask(1, 1, 1, 1, 0, 0), mask(8, 0, 0, 0, 1, 1))),
                dataset.item("val", "0016E5_07959"));
        assertEquals(List.of(), problems.lines);
    }

    @Test
    void aLabelTableWithColoursPutsItsBlackLabelFirst() throws IOException {
        SampleFolder sample = SampleFolder.at(dir)
                .file("label_colors.txt", "# r g b name\n255 0 0 car\n0 0 0 Void\n\n0 255 0 big tree\n")
                .file("train.txt", "/train/a.png /trainannot/a.png\n")
                .rgb("trainannot/a.png", 1, 3, 0x00ff00, 0x000000, 0xff0000);
        Datasets.Loaded dataset = Datasets.read(FORMAT, sample.source());

        assertEquals(List.of("Void", "car", "big tree"), dataset.categories().labels().stream().map(Label::name).toList());
        assertEquals(new Rgb(255, 0, 0), dataset.categories().colors().get(1));
        assertEquals(new Item("a", "train", new Media(null, 3, 1), List.of(mask(0, 0, 1, 0), mask(1, 0, 0, 1),
                mask(2, 1, 0, 0))), dataset.item("train", "a"));
    }

    @Test
    void aLabelTableWithoutColoursGetsAnAddedBackgroundAndPaletteColours() throws IOException {
        // CVAT's "label_colors.txt (without color value type)": colours by index from the VOC palette.
        SampleFolder sample = SampleFolder.at(dir)
                .file("label_colors.txt", "car\ntree\n")
                .file("default.txt", "/default/a.jpg /defaultannot/a.png\n")
                .palette("defaultannot/a.png", VocPalette.colours(3), 1, 4, 0, 1, 2, 2);
        Datasets.Loaded dataset = Datasets.read(FORMAT, sample.source());

        assertEquals(List.of("background", "car", "tree"), dataset.categories().labels().stream().map(Label::name).toList());
        assertEquals(VocPalette.colour(2), dataset.categories().colors().get(2));
        // the added background is not a declared label: its pixels are not a mask
        assertEquals(List.of(mask(1, 0, 1, 0, 0), mask(2, 0, 0, 1, 1)), dataset.item("default", "a").annotations());
    }

    @Test
    void greyMasksAreLabelIndices() throws IOException {
        SampleFolder sample = SampleFolder.at(dir)
                .file("val.txt", "/val/x.png /valannot/x.png\n")
                .grey("valannot/x.png", 8, 1, 3, 0, 22, 22);
        Item x = Datasets.read(FORMAT, sample.source()).item("val", "x");
        assertEquals(List.of(mask(0, 1, 0, 0), mask(22, 0, 1, 1)), x.annotations());
    }

    @Test
    void itemsWithoutMaskAndQuotedPathsWithSpaces() throws IOException {
        SampleFolder sample = SampleFolder.copyOf(Corpus.path(SAMPLE), dir)
                .file("extra.txt", "\"/extra/my image.png\" \"/extraannot/my image.png\"\n/extra/plain.png\n")
                .rgb("extra/plain.png", 2, 3, 0, 0, 0, 0, 0, 0)
                .rgb("extraannot/my image.png", 1, 2, 0x808080, 0x808080);
        Datasets.Loaded dataset = Datasets.read(FORMAT, sample.source());

        assertEquals(List.of(mask(22, 1, 1)), dataset.item("extra", "my image").annotations());
        Item plain = dataset.item("extra", "plain");
        assertEquals(List.of(), plain.annotations());
        assertEquals(new Media("extra/plain.png", 3, 2), plain.media()); // size from the image header
    }

    @Test
    void anItemListedTwiceIsReadOnceAndReported() throws IOException {
        SampleFolder sample = SampleFolder.at(dir).file("train.txt", "/train/a.png\n/train/a.png\n");
        RecordedProblems problems = new RecordedProblems();
        assertEquals(List.of("train/a"), Datasets.read(FORMAT, sample.source(), problems).ids());
        assertEquals(1, problems.lines.size());
        assertTrue(problems.lines.get(0).endsWith("train.txt, line 2: item 'a' listed again: read once"), problems.lines.get(0));
    }

    @Test
    void aColourNotInTheTableIsAnErrorNamingTheFileAndPixel() {
        SampleFolder sample = SampleFolder.at(dir)
                .file("train.txt", "/train/a.png /trainannot/a.png\n")
                .rgb("trainannot/a.png", 2, 2, 0, 0, 0, 0x010203);
        FormatException e = assertThrows(FormatException.class, () -> Datasets.read(FORMAT, sample.source()));
        assertTrue(e.getMessage().endsWith("trainannot/a.png, pixel (1, 1): colour (1, 2, 3) is not a label colour in"
                + " the default CamVid colours (there is no label_colors.txt)"), e.getMessage());
    }

    @Test
    void aGreyValueBeyondTheLabelsIsAnError() {
        SampleFolder sample = SampleFolder.at(dir)
                .file("label_colors.txt", "0 0 0 bg\n9 9 9 car\n")
                .file("train.txt", "/train/a.png /trainannot/a.png\n")
                .grey("trainannot/a.png", 8, 1, 2, 1, 2);
        FormatException e = assertThrows(FormatException.class, () -> Datasets.read(FORMAT, sample.source()));
        assertTrue(e.getMessage().endsWith("trainannot/a.png, pixel (1, 0): grey value 2 is not a label index"
                + " (there are 2 labels, 0..1)"), e.getMessage());
    }

    @Test
    void malformedListLinesAndMissingMasksNameTheLine() {
        SampleFolder three = SampleFolder.at(dir.resolve("three")).file("train.txt", "\n/train/a.png /trainannot/a.png x\n");
        FormatException e = assertThrows(FormatException.class, () -> Datasets.read(FORMAT, three.source()));
        assertTrue(e.getMessage().contains("train.txt, line 2: expected an image path and, optionally, a mask path"),
                e.getMessage());

        SampleFolder quote = SampleFolder.at(dir.resolve("quote")).file("train.txt", "\"/train/a b.png\n");
        e = assertThrows(FormatException.class, () -> Datasets.read(FORMAT, quote.source()));
        assertTrue(e.getMessage().endsWith("train.txt, line 1: a quoted path has no closing '\"'"), e.getMessage());

        SampleFolder missing = SampleFolder.at(dir.resolve("missing")).file("train.txt", "/train/a.png /trainannot/a.png\n");
        e = assertThrows(FormatException.class, () -> Datasets.read(FORMAT, missing.source()));
        assertTrue(e.getMessage().endsWith("train.txt, line 1: mask 'trainannot/a.png' does not exist"), e.getMessage());
    }

    @Test
    void aCorruptMaskOrLabelTableIsAnErrorNamingTheFile() {
        SampleFolder corrupt = SampleFolder.at(dir.resolve("corrupt"))
                .file("train.txt", "/train/a.png /trainannot/a.png\n")
                .file("trainannot/a.png", "not a png");
        FormatException e = assertThrows(FormatException.class, () -> Datasets.read(FORMAT, corrupt.source()));
        assertTrue(e.getMessage().contains("trainannot/a.png: not an image"), e.getMessage());

        SampleFolder table = SampleFolder.at(dir.resolve("table"))
                .file("label_colors.txt", "0 0 0 Void\n64 128 Animal\n")
                .file("train.txt", "/train/a.png\n");
        e = assertThrows(FormatException.class, () -> Datasets.read(FORMAT, table.source()));
        assertTrue(e.getMessage().endsWith("label_colors.txt, line 2: expected 'r g b name' or a label name alone,"
                + " got '64 128 Animal'"), e.getMessage());
    }
}

package org.labelbridge.format.cityscapes;

import org.labelbridge.testing.RecordedProblems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.format.FormatException;

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

/** Cityscapes in: the corpus sample (MANIFEST.md, cityscapes_1.0), its instanceIds, and the label tables. */
class CityscapesReaderTest {

    static final CityscapesFormat FORMAT = new CityscapesFormat();
    static final String SAMPLE = "cityscapes_1.0/train_dataset";
    static final String CITY = "defaultcity/defaultcity_";

    static final List<String> TRAIN_LABELS = List.of("road", "sidewalk", "building", "wall", "fence", "pole",
            "trafficlight", "trafficsign", "vegetation", "terrain", "sky", "person", "rider", "car", "truck", "bus",
            "train", "motorcycle", "bicycle", "background");

    @TempDir
    Path dir;

    static Rle row(int... bits) {
        byte[] bitmap = new byte[bits.length];
        for (int i = 0; i < bits.length; i++) {
            bitmap[i] = (byte) bits[i];
        }
        return Rle.fromBitmap(bitmap, 1, bits.length);
    }

    static Mask crowd(int label, int... bits) {
        return new Mask(new AnnotationInfo(label, 0, 0, 0, Map.of("is_crowd", true), null), row(bits));
    }

    static Mask instance(int label, int id, int... bits) {
        return new Mask(new AnnotationInfo(label, id, 0, 0, Map.of("is_crowd", false), null), row(bits));
    }

    static Media image(String subset, String name) {
        return new Media("imgsFine/leftImg8bit/" + subset + "/" + CITY + name + "_leftImg8bit.png", 5, 1);
    }

    @Test
    void corpusSampleReadsTheLabelTrainIdsAsCrowdsOfTheTrainingClasses() throws IOException {
        RecordedProblems problems = new RecordedProblems();
        Datasets.Loaded dataset = Datasets.read(FORMAT, Corpus.source(SAMPLE), problems);

        assertEquals(TRAIN_LABELS, dataset.categories().labels().stream().map(Label::name).toList());
        assertEquals(new Rgb(0, 0, 70), dataset.categories().colors().get(14));
        assertEquals(new Rgb(0, 0, 0), dataset.categories().colors().get(19));
        assertEquals(List.of("test/" + CITY + "000001_000031", "test/" + CITY + "000001_000032",
                "train/" + CITY + "000002_000045", "val/" + CITY + "000001_000019"), dataset.ids());
        assertEquals(new Item(CITY + "000001_000031", "test", image("test", "000001_000031"), List.of(
                crowd(14, 0, 0, 1, 1, 1), crowd(19, 1, 1, 0, 0, 0))), dataset.item("test", CITY + "000001_000031"));
        assertEquals(new Item(CITY + "000001_000032", "test", image("test", "000001_000032"), List.of(
                crowd(3, 0, 0, 1, 0, 0), crowd(16, 1, 1, 0, 0, 0), crowd(19, 0, 0, 0, 1, 1))),
                dataset.item("test", CITY + "000001_000032"));
        assertEquals(new Item(CITY + "000002_000045", "train", image("train", "000002_000045"), List.of(
                crowd(11, 0, 0, 1, 0, 0), crowd(19, 1, 1, 0, 1, 1))), dataset.item("train", CITY + "000002_000045"));
        assertEquals(new Item(CITY + "000001_000019", "val", image("val", "000001_000019"), List.of(
                crowd(19, 1, 1, 1, 1, 1))), dataset.item("val", CITY + "000001_000019"));
        assertEquals(List.of("dataset: 4 *_gtFine_instanceIds.png mask(s) not read: the dataset has *_gtFine_labelTrainIds.png"
                + " masks, which are read instead (as CVAT does), as crowd masks of the 19 training classes and background"),
                problems.lines);
    }

    /** The sample without its labelTrainIds: what CVAT's test_can_import expects of these instanceIds. */
    static SampleFolder instanceIdsSample(Path dir) {
        SampleFolder sample = SampleFolder.copyOf(Corpus.path(SAMPLE), dir);
        for (String name : List.of("test/" + CITY + "000001_000031", "test/" + CITY + "000001_000032",
                "train/" + CITY + "000002_000045", "val/" + CITY + "000001_000019")) {
            sample.delete("gtFine/" + name + "_gtFine_labelTrainIds.png");
        }
        return sample;
    }

    @Test
    void instanceIdsGiveInstancesAboveAThousandAndCrowdsBelow() throws IOException {
        RecordedProblems problems = new RecordedProblems();
        Datasets.Loaded dataset = Datasets.read(FORMAT, instanceIdsSample(dir).source(), problems);

        List<String> names = dataset.categories().labels().stream().map(Label::name).toList();
        assertEquals(35, names.size());
        assertEquals(List.of("unlabeled", "egovehicle", "rectificationborder", "outofroi"), names.subList(0, 4));
        assertEquals(List.of(12, 24, 27, 31, 34), List.of(names.indexOf("wall"), names.indexOf("person"),
                names.indexOf("truck"), names.indexOf("train"), names.indexOf("licenseplate")));
        assertEquals(List.of(crowd(3, 1, 1, 0, 0, 0), instance(27, 1, 0, 0, 1, 0, 0), instance(27, 2, 0, 0, 0, 1, 1)),
                dataset.item("test", CITY + "000001_000031").annotations());
        assertEquals(List.of(crowd(3, 0, 0, 0, 1, 1), crowd(12, 0, 0, 1, 0, 0), instance(31, 1, 1, 1, 0, 0, 0)),
                dataset.item("test", CITY + "000001_000032").annotations());
        assertEquals(List.of(crowd(3, 1, 1, 0, 1, 1), instance(24, 1, 0, 0, 1, 0, 0)),
                dataset.item("train", CITY + "000002_000045").annotations());
        assertEquals(List.of(crowd(3, 1, 0, 0, 1, 1), instance(1, 24, 0, 1, 1, 0, 0)),
                dataset.item("val", CITY + "000001_000019").annotations());
        assertEquals(image("val", "000001_000019"), dataset.item("val", CITY + "000001_000019").media());
        assertEquals(List.of(), problems.lines);
    }

    @Test
    void labelIdsAreReadWhenThereAreNoInstanceIdsAndEitherTableNameIsRead() throws IOException {
        SampleFolder sample = SampleFolder.at(dir)
                .file("label_color.txt", "# r g b label_name\n0 0 0 background\n0 255 0 tree\n")
                .grey("gtFine/default/x/a_gtFine_labelIds.png", 8, 1, 3, 0, 1, 1)
                .rgb("gtFine/default/x/a_gtFine_color.png", 1, 3, 0, 0x00ff00, 0x00ff00)
                .rgb("gtFine/default/x/b_gtFine_color.png", 1, 1, 0);
        RecordedProblems problems = new RecordedProblems();
        Datasets.Loaded dataset = Datasets.read(FORMAT, sample.source(), problems);

        assertEquals(List.of("background", "tree"), dataset.categories().labels().stream().map(Label::name).toList());
        assertEquals(new Item("x/a", "default", new Media(null, 3, 1), List.of(crowd(0, 1, 0, 0), crowd(1, 0, 1, 1))),
                dataset.item("default", "x/a"));
        assertEquals(List.of(), dataset.item("default", "x/b").annotations());
        assertEquals(List.of("item x/b: gtFine/default/x/b_gtFine_color.png not read: only the id masks (instanceIds,"
                + " labelIds) tell labels apart; the item has none"), problems.lines);
    }

    @Test
    void theTrainIgnoreValueIsReadAsBackground() throws IOException {
        SampleFolder sample = SampleFolder.at(dir).grey("gtFine/val/c/a_gtFine_labelTrainIds.png", 8, 1, 3, 255, 0, 255);
        RecordedProblems problems = new RecordedProblems();
        Item a = Datasets.read(FORMAT, sample.source(), problems).item("val", "c/a");
        assertEquals(List.of(crowd(0, 0, 1, 0), crowd(19, 1, 0, 1)), a.annotations());
        assertEquals(List.of("dataset: labelTrainIds value 255 (Cityscapes' 'ignore') read as 'background'"), problems.lines);
    }

    @Test
    void anIdNamingNoLabelIsAnErrorNamingTheFileAndPixel() {
        SampleFolder sample = SampleFolder.at(dir)
                .file("label_colors.txt", "0 0 0 background\n1 2 3 car\n")
                .grey("gtFine/train/c/a_gtFine_instanceIds.png", 16, 2, 2, 0, 1001, 1002, 2001);
        FormatException e = assertThrows(FormatException.class, () -> Datasets.read(FORMAT, sample.source()));
        assertTrue(e.getMessage().endsWith("gtFine/train/c/a_gtFine_instanceIds.png, pixel (1, 1): id 2001 names label 2,"
                + " but there are 2 labels (0..1)"), e.getMessage());
    }

    @Test
    void colourOrCorruptIdMasksAndBadTablesAreErrorsNamingTheFile() {
        SampleFolder colour = SampleFolder.at(dir.resolve("colour")).rgb("gtFine/train/c/a_gtFine_instanceIds.png", 1, 1, 0);
        FormatException e = assertThrows(FormatException.class, () -> Datasets.read(FORMAT, colour.source()));
        assertTrue(e.getMessage().endsWith("a_gtFine_instanceIds.png: expected a grey PNG of ids, got a colour PNG"),
                e.getMessage());

        SampleFolder corrupt = SampleFolder.at(dir.resolve("corrupt")).file("gtFine/train/c/a_gtFine_instanceIds.png", "x");
        e = assertThrows(FormatException.class, () -> Datasets.read(FORMAT, corrupt.source()));
        assertTrue(e.getMessage().contains("a_gtFine_instanceIds.png: not an image"), e.getMessage());

        SampleFolder table = SampleFolder.at(dir.resolve("table"))
                .file("label_colors.txt", "0 0 0 background\n0 0 300 car\n")
                .grey("gtFine/train/c/a_gtFine_instanceIds.png", 16, 1, 1, 0);
        e = assertThrows(FormatException.class, () -> Datasets.read(FORMAT, table.source()));
        assertTrue(e.getMessage().endsWith("label_colors.txt, line 2: colour '0 0 300' needs three numbers 0..255"),
                e.getMessage());

        SampleFolder twice = SampleFolder.at(dir.resolve("twice"))
                .file("label_colors.txt", "0 0 0 background\n1 1 1 background\n")
                .grey("gtFine/train/c/a_gtFine_instanceIds.png", 16, 1, 1, 0);
        e = assertThrows(FormatException.class, () -> Datasets.read(FORMAT, twice.source()));
        assertTrue(e.getMessage().endsWith("label_colors.txt, line 2: label 'background' is already defined"), e.getMessage());
    }
}

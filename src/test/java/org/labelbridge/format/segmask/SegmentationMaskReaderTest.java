package org.labelbridge.format.segmask;

import org.labelbridge.testing.RecordedProblems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.format.Formats;
import org.labelbridge.model.AnnotationInfo;
import org.labelbridge.model.Item;
import org.labelbridge.model.Label;
import org.labelbridge.model.Mask;
import org.labelbridge.model.Media;
import org.labelbridge.model.Rgb;
import org.labelbridge.model.Rle;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.Datasets;

/** The corpus sample in, the dataset it must give out (MANIFEST.md, segmentation_mask_1.1). */
class SegmentationMaskReaderTest {

    static final SegmentationMaskFormat FORMAT = new SegmentationMaskFormat();
    static final String SAMPLE = "segmentation_mask_1.1/voc_dataset1_segmentation";
    static final List<String> VOC_LABELS = List.of("background", "aeroplane", "bicycle", "bird", "boat", "bottle",
            "bus", "car", "cat", "chair", "cow", "diningtable", "dog", "horse", "motorbike", "person", "pottedplant",
            "sheep", "sofa", "train", "tvmonitor", "ignored");

    @TempDir
    Path dir;

    @Test
    void isRegisteredUnderCvatsName() {
        assertEquals("Segmentation mask 1.1", Formats.byId("segmentation_mask").orElseThrow().descriptor().displayName());
    }

    @Test
    void vocSegmentationSampleGivesOneBicycleInstance() throws IOException {
        RecordedProblems problems = new RecordedProblems();
        Datasets.Loaded dataset = Datasets.read(FORMAT, Corpus.source(SAMPLE), problems);

        assertEquals(VOC_LABELS, dataset.categories().labels().stream().map(Label::name).toList());
        assertEquals(new Rgb(0, 0, 0), dataset.categories().colors().get(0));
        assertEquals(new Rgb(0, 128, 0), dataset.categories().colors().get(2));
        assertEquals(new Rgb(224, 224, 192), dataset.categories().colors().get(21));
        assertEquals(List.of("test/2007_000002", "train/2007_000001"), dataset.ids());

        Item first = dataset.item("train", "2007_000001");
        assertEquals(new Media("JPEGImages/2007_000001.jpg", 20, 10), first.media());
        assertEquals(1, first.annotations().size());
        Mask bicycle = (Mask) first.annotations().get(0);
        assertEquals("bicycle", dataset.labelOf(bicycle));
        assertEquals(new AnnotationInfo(2, 0, 1, 0, Map.of(), null), bicycle.info()); // group 1, no id
        assertEquals(new Rle(10, 20, new int[] {0, 200}), bicycle.rle()); // all ones, 10 rows of 20

        Item second = dataset.item("test", "2007_000002");
        assertEquals(List.of(), second.annotations());
        assertEquals(new Media("JPEGImages/2007_000002.jpg", 20, 10), second.media()); // size from the JPEG header
        assertEquals(List.of(), problems.lines);
    }

    @Test
    void readsTheSegmentationPartOfAFullVocDataset() throws IOException {
        Datasets.Loaded dataset = Datasets.read(FORMAT, Corpus.source("pascal_voc_1.1/voc_dataset1"));
        Item first = dataset.item("train", "2007_000001");
        Mask bicycle = (Mask) first.annotations().get(0);
        assertEquals("bicycle", dataset.labelOf(bicycle));
        assertEquals(1, bicycle.info().group());
        assertEquals(200, bicycle.rle().area());
        assertEquals(List.of(), dataset.item("test", "2007_000002").annotations());
    }

    @Test
    void greyMasksAreLabelIndicesWithDummyLabelsFillingGaps() throws IOException {
        // CVAT's grey-mask example: the line index is the pixel value.
        SampleDataset sample = SampleDataset.at(dir)
                .file("labelmap.txt", "q:0,128,0:: # color index 0\naeroplane:10,10,128::\n_dummy2:2,2,2::\nboat:108,0,100::\n")
                .file("ImageSets/Segmentation/default.txt", "a\n")
                .grey("SegmentationClass/a.png", 2, 2, 0, 3, 3, 1)
                .grey("SegmentationObject/a.png", 2, 2, 0, 1, 1, 2);
        Datasets.Loaded dataset = Datasets.read(FORMAT, sample.source());
        assertEquals(List.of("q", "aeroplane", "_dummy2", "boat"),
                dataset.categories().labels().stream().map(Label::name).toList());
        Item a = dataset.item("default", "a");
        assertEquals(new Media(null, 2, 2), a.media());
        assertEquals(2, a.annotations().size());
        assertEquals("boat", dataset.labelOf(a.annotations().get(0)));
        assertEquals(1, a.annotations().get(0).info().group());
        assertEquals(Rle.fromBitmap(new byte[] {0, 1, 1, 0}, 2, 2), ((Mask) a.annotations().get(0)).rle());
        assertEquals("aeroplane", dataset.labelOf(a.annotations().get(1)));
        assertEquals(2, a.annotations().get(1).info().group());
    }

    @Test
    void classMasksAloneGiveOneMaskPerClassBackgroundIncluded() throws IOException {
        SampleDataset sample = SampleDataset.at(dir)
                .file("ImageSets/Segmentation/val.txt", "x\n")
                .rgb("SegmentationClass/x.png", 1, 3, 0x000000, 0x800000, 0x800000); // background, aeroplane
        Datasets.Loaded dataset = Datasets.read(FORMAT, sample.source());
        Item x = dataset.item("val", "x");
        assertEquals(2, x.annotations().size());
        assertEquals("background", dataset.labelOf(x.annotations().get(0)));
        assertEquals("aeroplane", dataset.labelOf(x.annotations().get(1)));
        assertEquals(0, x.annotations().get(1).info().group());
        assertEquals(Rle.fromBitmap(new byte[] {0, 1, 1}, 1, 3), ((Mask) x.annotations().get(1)).rle());
    }

    @Test
    void instanceMasksAloneGiveUnlabelledInstances() throws IOException {
        SampleDataset sample = SampleDataset.at(dir)
                .file("ImageSets/Segmentation/val.txt", "x\n")
                .palette("SegmentationObject/x.png", 1, 3, 3, 0, 2, 2);
        Item x = Datasets.read(FORMAT, sample.source()).item("val", "x");
        assertEquals(1, x.annotations().size());
        assertNull(x.annotations().get(0).label());
        assertEquals(2, x.annotations().get(0).info().group());
    }

    @Test
    void instancesOverSeveralClassesTakeTheCommonestAndAreReported() throws IOException {
        SampleDataset sample = SampleDataset.at(dir)
                .file("ImageSets/Segmentation/val.txt", "x\n")
                .rgb("SegmentationClass/x.png", 1, 3, 0x800000, 0x008000, 0x008000)
                .rgb("SegmentationObject/x.png", 1, 3, 0x800000, 0x800000, 0x800000);
        RecordedProblems problems = new RecordedProblems();
        Item x = Datasets.read(FORMAT, sample.source(), problems).item("val", "x");
        assertEquals(2, x.annotations().get(0).label()); // bicycle: 2 of 3 pixels
        assertEquals(List.of("item x: instance 1 covers pixels of labels [aeroplane, bicycle] in SegmentationClass/x.png:"
                + " labelled 'bicycle' (most pixels)"), problems.lines);
    }

    @Test
    void unlistedMasksAreReportedAndListsAreOptional() throws IOException {
        SampleDataset sample = SampleDataset.at(dir)
                .file("ImageSets/Segmentation/train.txt", "a\n\n# comment\na\n")
                .rgb("SegmentationClass/a.png", 1, 1, 0)
                .rgb("SegmentationClass/b.png", 1, 1, 0);
        RecordedProblems problems = new RecordedProblems();
        assertEquals(List.of("train/a"), Datasets.read(FORMAT, sample.source(), problems).ids());
        assertEquals(2, problems.lines.size());
        assertTrue(problems.lines.get(0).endsWith("train.txt, line 4: item 'a' listed again: read once"), problems.lines.get(0));
        assertEquals("dataset: masks of 1 item(s) not listed in ImageSets/Segmentation were skipped: b", problems.lines.get(1));

        SampleDataset unlisted = SampleDataset.at(dir.resolve("second")).rgb("SegmentationObject/c/d.png", 1, 1, 0);
        RecordedProblems noLists = new RecordedProblems();
        assertEquals(List.of("default/c/d"), Datasets.read(FORMAT, unlisted.source(), noLists).ids());
        assertEquals(List.of("dataset: no ImageSets/Segmentation/<subset>.txt lists: items taken from the mask files,"
                + " subset 'default'"), noLists.lines);
    }
}

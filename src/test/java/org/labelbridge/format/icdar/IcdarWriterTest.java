package org.labelbridge.format.icdar;

import org.labelbridge.testing.RecordedProblems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.archive.DirectorySource;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.Format;
import org.labelbridge.format.common.pixels.MaskImage;
import org.labelbridge.format.common.pixels.MaskImages;
import org.labelbridge.model.AnnotationInfo;
import org.labelbridge.model.Bbox;
import org.labelbridge.model.Caption;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;
import org.labelbridge.model.Label;
import org.labelbridge.model.Mask;
import org.labelbridge.model.Media;
import org.labelbridge.model.Polygon;
import org.labelbridge.model.Rle;
import org.labelbridge.model.Tag;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.Datasets;

/** What the writers put in the files, line for line and pixel for pixel, and what they report. */
class IcdarWriterTest {

    @TempDir
    Path dir;

    private final RecordedProblems problems = new RecordedProblems();

    @Test
    void recognitionWritesALinePerCaptionUnderTheTaskFolder() throws IOException {
        write(new IcdarRecognitionFormat(), Datasets.read(new IcdarRecognitionFormat(), Corpus.source("icdar/icdar_word_recognition")),
                Corpus.source("icdar/icdar_word_recognition"));
        assertEquals("word_1.png, \"PROPER\"\nword_2.png, \"Canon\"\n", text("word_recognition/train/gt.txt"));
        assertTrue(Files.exists(dir.resolve("word_recognition/train/images/word_1.png")));
        assertEquals(List.of(), problems.lines());
    }

    @Test
    void recognitionEscapesQuotesTakesCvatsCaptionTagsAndReportsTheRest() throws IOException {
        Datasets.Loaded dataset = new Datasets.Loaded(Categories.of(List.of(Label.named("icdar"))), List.of(
                new Item("a", "default", new Media("x/a.jpg", 3, 2), List.of(
                        new Caption(AnnotationInfo.of(0), "he said \"no\" \\ 2"),
                        new Tag(AnnotationInfo.of(0)))),
                new Item("b", "default", Media.NONE, List.of(IcdarRoundTripTest.caption("line\nbreak"))),
                new Item("c", "default", Media.NONE, List.of(new Tag(AnnotationInfo.of(0).withAttribute("caption", "CVAT"))))));
        write(new IcdarRecognitionFormat(), dataset, null);
        assertEquals("a.jpg, \"he said \\\"no\\\" \\\\ 2\"\nb.png, \"line break\"\nc.png, \"CVAT\"\n",
                text("word_recognition/default/gt.txt"));
        assertEquals(List.of(
                "changed a caption: label 'icdar' not kept: ICDAR Recognition 1.0 annotations have no labels",
                "dropped a tag: ICDAR Recognition 1.0 holds only captions (or tags with a caption attribute)",
                "changed b caption: line breaks in the caption written as spaces: gt.txt has a line per caption",
                "changed c tag: label 'icdar' not kept: ICDAR Recognition 1.0 annotations have no labels",
                "changed c tag: tag with a caption attribute written as a caption"),
                problems.lines());
    }

    @Test
    void localizationWritesBoxesWithSpacesAndPolygonsWithCommas() throws IOException {
        Map<String, Object> attributes = Map.of("text", "EXIT", "occluded", true);
        Datasets.Loaded dataset = new Datasets.Loaded(Categories.EMPTY, List.of(
                new Item("sub/img", "test", Media.NONE, List.of(
                        new Bbox(AnnotationInfo.EMPTY.withAttributes(attributes), 1, 2, 3.5, 4),
                        new Polygon(IcdarCorpusTest.text("42"), new double[] {0, 0, 4, 0, 4, 2, 0, 2}),
                        new Bbox(AnnotationInfo.EMPTY, 10, 10, 4, 2, 90))),
                new Item("empty", "test", Media.NONE, List.of())));
        write(new IcdarLocalizationFormat(), dataset, null);
        assertEquals("1 2 4.5 6 \"EXIT\"\n0,0,4,0,4,2,0,2,\"42\"\n13,9,13,13,11,13,11,9\n",
                text("text_localization/test/sub/gt_img.txt"));
        assertEquals("", text("text_localization/test/gt_empty.txt"));
        assertEquals(List.of(
                "changed sub/img bbox: attribute(s) [occluded] not kept: ICDAR Localization 1.0 keeps text",
                "converted sub/img 1 bbox to 1 polygon: rotated box written as its four corners: it reads back as a"
                        + " polygon"), problems.lines());
        Item read = Datasets.read(new IcdarLocalizationFormat(), DirectorySource.of(dir)).item("test", "sub/img");
        assertEquals("42", read.annotations().get(1).attributes().get("text")); // a number as text stays text
    }

    @Test
    void segmentationWritesCharacterLinesAndAColourBitmap() throws IOException {
        write(new IcdarSegmentationFormat(), Datasets.read(new IcdarSegmentationFormat(), Corpus.source("icdar/icdar_text_segmentation")),
                null);
        // colour, centre, the character's pixel box (first and last pixel), the character
        assertEquals("108 225 132 0 1 1 0 2 0 \"F\"\n\n82 174 214 1 3 3 0 3 1 \"T\"\n241 73 144 1 4 4 1 4 1 \"h\"\n",
                text("text_segmentation/train/1_GT.txt"));
        MaskImage bitmap = bitmap("text_segmentation/train/1_GT.bmp");
        int white = 0xFFFFFF, f = 0x6CE184, t = 0x52AED6, h = 0xF14990;
        assertEquals(List.of(white, f, f, t, white, white, white, white, t, h), colours(bitmap));
        assertEquals(List.of(), problems.losses());
    }

    @Test
    void segmentationRasterisesShapesAndGivesFreeColours() throws IOException {
        Datasets.Loaded dataset = new Datasets.Loaded(Categories.EMPTY, List.of(
                new Item("shapes", "default", new Media(null, 4, 2), List.of(
                        new Bbox(IcdarCorpusTest.text("B"), 2, 0, 2, 2),
                        new Mask(AnnotationInfo.EMPTY.withAttributes(Map.of("text", " ", "color", "255 255 255")),
                                Rle.fromBitmap(new byte[] {1, 0, 0, 0, 1, 0, 0, 0}, 2, 4)))),
                new Item("no_size", "default", Media.NONE, List.of(new Polygon(AnnotationInfo.EMPTY, new double[] {0, 0, 1, 0, 1, 1})))));
        write(new IcdarSegmentationFormat(), dataset, null);
        // no index: file order; no colour (or white): the VOC palette from 1 on
        assertEquals("128 0 0 - - 2 0 3 1 \"B\"\n\n#0 128 0 - - 0 0 0 1 \" \"\n", text("text_segmentation/default/shapes_GT.txt"));
        assertEquals(List.of(0x008000, 0xFFFFFF, 0x800000, 0x800000, 0x008000, 0xFFFFFF, 0x800000, 0x800000),
                colours(bitmap("text_segmentation/default/shapes_GT.bmp")));
        assertEquals("", text("text_segmentation/default/no_size_GT.txt"));
        assertFalse(Files.exists(dir.resolve("text_segmentation/default/no_size_GT.bmp")));
        assertEquals(List.of(
                "changed shapes bbox: bbox rasterised into a character mask",
                "changed shapes mask: color '255 255 255' is the white background: a new colour is written",
                "wrote shapes as {MASK=2}: painted into the character bitmap, which reads back as one mask per character",
                "dropped no_size polygon: the image size is unknown, so the polygon cannot be rasterised into the character bitmap"),
                problems.lines());
    }

    @Test
    void segmentationReportsOverlapsAndSplitWords() throws IOException {
        Datasets.Loaded dataset = new Datasets.Loaded(Categories.EMPTY, List.of(
                new Item("1", "default", new Media(null, 4, 3), List.of(
                        IcdarRoundTripTest.character(0, 5, "1 1 1", "a", null, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
                        IcdarRoundTripTest.character(1, 0, "2 2 2", "b", null, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0),
                        IcdarRoundTripTest.character(2, 5, "2 2 2", "c", null, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0)))));
        write(new IcdarSegmentationFormat(), dataset, null);
        assertEquals("1 1 1 - - 0 0 1 0 \"a\"\n\n2 2 2 - - 1 0 2 0 \"b\"\n\n128 0 0 - - 0 1 0 1 \"c\"\n",
                text("text_segmentation/default/1_GT.txt"));
        assertEquals(List.of(
                "changed 1 mask: color '2 2 2' is another character's: a new colour is written",
                "changed 1 mask: partly hidden under later characters: a bitmap pixel has one colour",
                "changed 1 mask: group 5 split into two words: its characters are not consecutive by index"),
                problems.losses());
    }

    private void write(Format format, Datasets.Loaded dataset, DatasetSource media) throws IOException {
        Datasets.write(format, dataset, dir, media, problems);
    }

    private String text(String path) throws IOException {
        return Files.readString(dir.resolve(path));
    }

    private MaskImage bitmap(String path) throws IOException {
        byte[] head = Files.readAllBytes(dir.resolve(path));
        assertEquals('B', head[0]);
        assertEquals('M', head[1]);
        try (InputStream in = Files.newInputStream(dir.resolve(path))) {
            return MaskImages.read(in, path);
        }
    }

    private static List<Integer> colours(MaskImage image) {
        List<Integer> colours = new ArrayList<>();
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                colours.add(image.colour(x, y));
            }
        }
        return colours;
    }

    /** A rotated box is written as its four corners, and the report counts it as the polygon it reads back as. */
    @Test
    void rotatedBoxesAreCountedAsThePolygonsTheyAreWrittenAs() throws IOException {
        Datasets.Converted converted = Datasets.convert(Corpus.path("ultralytics_yolo/yolov8_oriented_boxes"),
                "auto", "icdar_localization", dir.resolve("out"), org.labelbridge.convert.ConversionOptions.DEFAULTS);

        List<org.labelbridge.model.Annotation> written = converted.output().items().stream()
                .flatMap(item -> item.annotations().stream()).toList();
        assertEquals(2, written.size());
        assertTrue(written.stream().allMatch(a -> a instanceof Polygon p && p.size() == 4));
        assertEquals(2L, converted.report().annotationsOut().get(org.labelbridge.model.AnnotationKind.POLYGON));
        assertEquals(0L, converted.report().annotationsOut().getOrDefault(org.labelbridge.model.AnnotationKind.BBOX, 0L));
        assertEquals(2, converted.count("rotated box written as its four corners"));
    }
}

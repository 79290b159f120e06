package org.labelbridge.format.widerface;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import org.labelbridge.format.Detection;
import org.labelbridge.format.FormatException;
import org.labelbridge.format.Problems;
import org.labelbridge.testing.RecordedProblems;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.AnnotationInfo;
import org.labelbridge.model.Bbox;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;
import org.labelbridge.model.Media;
import org.labelbridge.model.Tag;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.Datasets;
import org.labelbridge.testing.Datasets.Loaded;
import org.labelbridge.testing.SameDataset;

class WiderFaceFormatTest {

    private static final WiderFaceFormat FORMAT = new WiderFaceFormat();
    private static final String SAMPLE = "wider_face_1.0/widerface_dataset";

    @TempDir
    Path tmp;

    /** A face box with the six flags as strings, in Datumaro's column order. */
    private static Bbox face(double x, double y, double w, double h, String blur, String expression,
                             String illumination, String occluded, String pose, String invalid) {
        Map<String, Object> flags = new LinkedHashMap<>();
        flags.put("blur", blur);
        flags.put("expression", expression);
        flags.put("illumination", illumination);
        flags.put("occluded", occluded);
        flags.put("pose", pose);
        flags.put("invalid", invalid);
        return new Bbox(AnnotationInfo.of(0).withAttributes(flags), x, y, w, h);
    }

    @Test
    void importsFaceBoxesWithTheirFlagsAsStrings() throws IOException {
        RecordedProblems problems = new RecordedProblems();
        Loaded d = Datasets.read(FORMAT, Corpus.source(SAMPLE), problems);

        assertEquals(Categories.ofNames(List.of("face")), d.categories());
        assertEquals(List.of("train/0_Parade_image_01", "train/1_Handshaking_image_02", "val/0_Parade_image_03"), d.ids());
        assertEquals(List.of(face(1, 2, 2, 2, "0", "0", "0", "0", "0", "0")),
                d.item("train", "0_Parade_image_01").annotations());
        assertEquals(List.of(face(1, 1, 2, 2, "0", "0", "1", "0", "0", "0"), face(5, 1, 2, 2, "0", "0", "1", "0", "0", "0")),
                d.item("train", "1_Handshaking_image_02").annotations());
        assertEquals(List.of(face(0, 0, 1, 1, "2", "0", "0", "0", "2", "0"), face(3, 2, 1, 2, "0", "0", "0", "1", "0", "0"),
                face(5, 6, 1, 1, "2", "0", "0", "0", "2", "0")), d.item("val", "0_Parade_image_03").annotations());
        assertEquals("WIDER_val/images/0--Parade/0_Parade_image_03.jpg", d.item("0_Parade_image_03").media().path());
        // dataset_meta.json declares only "face": the event folders name no declared label, so no tags
        assertTrue(problems.has("image folder 0--Parade", "'Parade' is not a declared label"), problems.toString());
    }

    @Test
    void detectsTheSample() throws IOException {
        assertEquals(Detection.STRONG, FORMAT.detect(Corpus.source(SAMPLE)).confidence());
    }

    @Test
    void roundTripKeepsBoxesFlagsAndSubsets() throws IOException {
        DirectorySource sample = Corpus.source(SAMPLE);
        Loaded original = Datasets.read(FORMAT, sample);

        Loaded again = Datasets.roundTrip(FORMAT, original, tmp, sample);

        SameDataset.assertSameIgnoringMedia(original, again);
        assertEquals(List.of("no_label/0_Parade_image_01.jpg", "1", "1 2 2 2 0 0 0 0 0 0",
                        "no_label/1_Handshaking_image_02.jpg", "2", "1 1 2 2 0 0 1 0 0 0", "5 1 2 2 0 0 1 0 0 0"),
                Files.readAllLines(tmp.resolve("wider_face_split/wider_face_train_bbx_gt.txt")));
        assertEquals(List.of("face"), Files.readAllLines(tmp.resolve("labels.txt")));
        assertTrue(Files.exists(tmp.resolve("WIDER_val/images/no_label/0_Parade_image_03.jpg")));
    }

    @Test
    void eventTagsOtherLabelsBooleanFlagsAndImagesWithoutFacesSurviveARoundTrip() throws IOException {
        Categories categories = Categories.ofNames(List.of("face", "Parade", "mask"));
        Bbox occluded = new Bbox(AnnotationInfo.of(0).withAttributes(Map.of("occluded", true, "blur", "1")), 1.5, 2, 3, 4);
        Bbox mask = new Bbox(AnnotationInfo.of(2), 5, 6, 7, 8);
        Loaded original = new Loaded(categories, List.of(
                new Item("street/a", "train", new Media("a.png", null, null),
                        List.<Annotation>of(new Tag(AnnotationInfo.of(1)), occluded, mask)),
                new Item("empty", "train", Media.NONE, List.of())));

        Loaded again = Datasets.roundTrip(FORMAT, original, tmp, null);

        SameDataset.assertSameIgnoringMedia(original, again);
        assertEquals(List.of("1--Parade/street/a.png", "2", "1.5 2 3 4 1 - - True - -", "5 6 7 8 mask",
                        "no_label/empty.jpg", "0", "0 0 0 0 0 0 0 0 0 0"),
                Files.readAllLines(tmp.resolve("wider_face_split/wider_face_train_bbx_gt.txt")));
    }

    @Test
    void writerReportsWhatABoxLineCannotHold() throws IOException {
        Categories categories = Categories.ofNames(List.of("face", "two words"));
        Bbox extra = new Bbox(AnnotationInfo.of(0).withAttributes(Map.of("score", 0.5, "pose", "a b")), 1, 1, 1, 1);
        Bbox spaced = new Bbox(AnnotationInfo.of(1), 2, 2, 2, 2);
        RecordedProblems problems = new RecordedProblems();

        Datasets.write(FORMAT, new Loaded(categories, List.of(new Item("x", null, Media.NONE, List.of(extra, spaced)))),
                tmp, null, problems);

        assertEquals(List.of("no_label/x.jpg", "1", "1 1 1 1 - - - - - -"),
                Files.readAllLines(tmp.resolve("wider_face_split/wider_face_default_bbx_gt.txt")));
        assertTrue(problems.has("changed x bbox", "[score] not kept"), problems.toString());
        assertTrue(problems.has("changed x bbox", "pose='a b' not kept"), problems.toString());
        assertTrue(problems.has("dropped x bbox", "'two words'"), problems.toString());
    }

    private FormatException readBroken(String content) throws IOException {
        Files.createDirectories(tmp.resolve("wider_face_split"));
        Files.writeString(tmp.resolve("wider_face_split/wider_face_train_bbx_gt.txt"), content);
        return assertThrows(FormatException.class, () -> Datasets.read(FORMAT, DirectorySource.of(tmp)));
    }

    @Test
    void aBoxLineWithTheWrongFieldCountNamesFileAndLine() throws IOException {
        FormatException e = readBroken("0--a/x.jpg\n1\n1 2 3\n");
        assertTrue(e.getMessage().contains("wider_face_train_bbx_gt.txt, line 3"), e.getMessage());
        assertTrue(e.getMessage().contains("got 3"), e.getMessage());
    }

    @Test
    void aBoxLineWithAWordForANumberNamesFileAndLine() throws IOException {
        FormatException e = readBroken("0--a/x.jpg\n2\n1 2 3 4\n1 two 3 4\n");
        assertTrue(e.getMessage().contains("wider_face_train_bbx_gt.txt, line 4"), e.getMessage());
        assertTrue(e.getMessage().contains("number for y, got 'two'"), e.getMessage());
    }

    @Test
    void fewerBoxesThanCountedNamesTheFile() throws IOException {
        FormatException e = readBroken("0--a/x.jpg\n3\n1 2 3 4\n");
        assertTrue(e.getMessage().contains("wider_face_train_bbx_gt.txt"), e.getMessage());
        assertTrue(e.getMessage().contains("expected 3 box lines"), e.getMessage());
    }

    @Test
    void moreBoxesThanCountedNamesTheLine() throws IOException {
        FormatException e = readBroken("0--a/x.jpg\n1\n1 2 3 4\n5 6 7 8\n");
        assertTrue(e.getMessage().contains("wider_face_train_bbx_gt.txt, line 4"), e.getMessage());
        assertTrue(e.getMessage().contains("expected an image path"), e.getMessage());
    }

    @Test
    void aMetaFileLabelMapDeclaresTheLabels() throws IOException {
        Files.createDirectories(tmp.resolve("wider_face_split"));
        Files.writeString(tmp.resolve("dataset_meta.json"), "{\"label_map\": {\"0\": \"face\", \"1\": \"Parade\"}}");
        Files.writeString(tmp.resolve("labels.txt"), "ignored\n");
        Files.writeString(tmp.resolve("wider_face_split/wider_face_train_bbx_gt.txt"), "0--Parade/x.jpg\n0\n0 0 0 0 0 0 0 0 0 0\n");

        Loaded d = Datasets.read(FORMAT, DirectorySource.of(tmp));

        assertEquals(Categories.ofNames(List.of("face", "Parade")), d.categories());
        assertEquals(List.of(new Tag(AnnotationInfo.of(1))), d.item("x").annotations());
    }

    @Test
    void withoutLabelFilesTheLabelsAreFaceAndTheEventFolders() throws IOException {
        Files.createDirectories(tmp.resolve("wider_face_split"));
        Files.createDirectories(tmp.resolve("WIDER_train/images/0--Parade"));
        Files.writeString(tmp.resolve("WIDER_train/images/0--Parade/x.jpg"), "x");
        Files.writeString(tmp.resolve("wider_face_split/wider_face_train_bbx_gt.txt"), "0--Parade/x.jpg\n1\n1 2 3 4\n");

        Loaded d = Datasets.read(FORMAT, DirectorySource.of(tmp), Problems.IGNORE);

        assertEquals(Categories.ofNames(List.of("face", "Parade")), d.categories());
        assertEquals(List.of(new Tag(AnnotationInfo.of(1)), new Bbox(AnnotationInfo.of(0), 1, 2, 3, 4)),
                d.item("x").annotations());
    }
}

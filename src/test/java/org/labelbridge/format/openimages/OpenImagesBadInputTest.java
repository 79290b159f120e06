package org.labelbridge.format.openimages;

import org.labelbridge.testing.RecordedProblems;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.archive.DirectorySource;
import org.labelbridge.format.FormatException;
import org.labelbridge.format.common.pixels.IndexImage;
import org.labelbridge.format.common.pixels.PngEncoder;
import org.labelbridge.model.AnnotationKind;
import org.labelbridge.model.Mask;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.Datasets;

/** Broken files fail with a message naming the file, the line and what was expected; gaps are reported. */
class OpenImagesBadInputTest {

    private static final String BOX_HEADER = "ImageID,Source,LabelName,Confidence,XMin,XMax,YMin,YMax,IsOccluded,"
            + "IsTruncated,IsGroupOf,IsDepiction,IsInside\n";

    @TempDir
    Path dir;

    @BeforeEach
    void copyV6Sample() throws IOException {
        Path sample = Corpus.path(OpenImagesCorpusTest.V6);
        try (Stream<Path> files = Files.walk(sample)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = dir.resolve(sample.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
    }

    @Test
    void aBoxRowWithAFieldMissing() throws IOException {
        file("annotations/test-annotations-bbox.csv", BOX_HEADER + "c,xclick,/m/3,0.7,0.7,0.8,0,0.5,1,0,1,0\n");
        assertFails("annotations/test-annotations-bbox.csv, line 2: expected 13 fields, got 12");
    }

    @Test
    void aBoxCornerThatIsNotANumber() throws IOException {
        file("annotations/test-annotations-bbox.csv", BOX_HEADER + "c,xclick,/m/3,0.7,0.7,0.8,0,0.5,1,0,1,0,0\n"
                + "c,xclick,/m/3,0.7,left,0.8,0,0.5,1,0,1,0,0\n");
        assertFails("annotations/test-annotations-bbox.csv, line 3: expected a number in XMin, got 'left'");
    }

    @Test
    void aFlagThatIsNotMinusOneZeroOrOne() throws IOException {
        file("annotations/test-annotations-bbox.csv", BOX_HEADER + "c,xclick,/m/3,0.7,0.7,0.8,0,0.5,yes,0,1,0,0\n");
        assertFails("annotations/test-annotations-bbox.csv, line 2: expected -1, 0 or 1 in IsOccluded, got 'yes'");
    }

    @Test
    void brokenQuoting() throws IOException {
        file("annotations/oidv6-train-annotations-human-imagelabels.csv",
                "ImageID,Source,LabelName,Confidence\na,verification,/m/0,1\nb,\"verification,/m/0,0\n");
        FormatException e = assertThrows(FormatException.class, this::read);
        assertTrue(e.getMessage().startsWith(name("annotations/oidv6-train-annotations-human-imagelabels.csv, line 3: broken CSV")),
                e.getMessage());
    }

    @Test
    void aHeaderWithoutAColumnTheFileNeeds() throws IOException {
        file("annotations/test-annotations-human-imagelabels.csv", "ImageID,Source,Confidence\nc,verification,1\n");
        assertFails("annotations/test-annotations-human-imagelabels.csv, line 1: expected a header with"
                + " ImageID,LabelName,Confidence; LabelName is missing (got ImageID,Source,Confidence)");
    }

    @Test
    void aSubsetThatIsNotAFolderName() throws IOException {
        file("annotations/image_ids_and_rotation.csv", "ImageID,Subset\na,train\nb,../up\n");
        assertFails("annotations/image_ids_and_rotation.csv, line 3: subset '../up' of image b cannot be a folder name");
    }

    @Test
    void anImageListedTwice() throws IOException {
        file("annotations/image_ids_and_rotation.csv", "ImageID,Subset\na,train\na,test\n");
        assertFails("annotations/image_ids_and_rotation.csv, line 3: image a is listed a second time");
    }

    @Test
    void aMaskPathLeavingItsFolder() throws IOException {
        file("annotations/train-annotations-object-segmentation.csv",
                "MaskPath,ImageID,LabelName,BoxID,BoxXMin,BoxXMax,BoxYMin,BoxYMax,PredictedIoU,Clicks\n"
                        + "../b.png,b,/m/0,01234567,0.2,1,0.3,0.5,0.5,\n");
        assertFails("annotations/train-annotations-object-segmentation.csv, line 2: MaskPath '../b.png' must be a file"
                + " name in masks/<subset>/");
    }

    @Test
    void aBrokenHierarchy() throws IOException {
        file("annotations/bbox_labels_600_hierarchy.json", "{\n  \"LabelName\": \"/m/x\",\n  \"Subcategory\": [\n    {\"Label\n");
        FormatException e = assertThrows(FormatException.class, this::read);
        assertTrue(e.getMessage().startsWith(name("annotations/bbox_labels_600_hierarchy.json, line 4: not valid JSON")),
                e.getMessage());
    }

    @Test
    void anImagesMetaSizeThatIsNotANumber() throws IOException {
        file("annotations/images.meta", "b 2 8\nc ten 5\n");
        assertFails("annotations/images.meta, line 2: expected the image height as a positive whole number, got 'ten'");
    }

    @Test
    void withoutASizeBoxesAndMasksAreReportedNotGuessed() throws IOException {
        Files.delete(dir.resolve("annotations/images.meta"));
        Files.delete(dir.resolve("images/train/b.jpg"));
        RecordedProblems problems = new RecordedProblems();
        Datasets.Loaded dataset = Datasets.read(new OpenImagesFormat(), DirectorySource.of(dir), problems);
        assertEquals(List.of(AnnotationKind.TAG), dataset.item("train", "b").annotations().stream()
                .map(a -> a.kind()).toList());
        assertTrue(problems.has("dropped b bbox: the image size is unknown (not in images.meta, no readable image):"
                + " Open Images gives bbox coordinates as fractions of it"), problems.toString());
        assertTrue(problems.has("dropped b mask: the image size is unknown"), problems.toString());
    }

    @Test
    void undeclaredClassesMissingMasksAndUnreadFilesAreReported() throws IOException {
        file("annotations/test-annotations-human-imagelabels.csv", "ImageID,Source,LabelName,Confidence\nc,v,/m/9,1\n"
                + "e,v,/m/0,1\n");
        Files.delete(dir.resolve("masks/train/b_m0_01234567.png"));
        Files.writeString(dir.resolve("images/train/z.jpg"), "");
        Files.writeString(dir.resolve("annotations/oidv6-train-annotations-machine-imagelabels.csv"), "ImageID\n");
        RecordedProblems problems = new RecordedProblems();
        Datasets.Loaded dataset = Datasets.read(new OpenImagesFormat(), DirectorySource.of(dir), problems);
        assertEquals("/m/9", dataset.categories().label(4).name());
        assertEquals("test", dataset.item("e").subset());
        assertTrue(problems.has("dataset: class '/m/9' (annotations/test-annotations-human-imagelabels.csv, line 2) is not"
                + " in the class descriptions: added as a label"), problems.toString());
        assertTrue(problems.has("item e: not in an image description file: subset 'test' taken from the name of"
                + " annotations/test-annotations-human-imagelabels.csv"), problems.toString());
        assertTrue(problems.has("dropped b mask: its file masks/train/b_m0_01234567.png"
                + " (annotations/train-annotations-object-segmentation.csv, line 2) is missing"), problems.toString());
        assertTrue(problems.has("dataset: 1 image(s) under images/ are in no image list or annotation file and are not read"
                + " (images/train/z.jpg)"), problems.toString());
        assertTrue(problems.has("dataset: not read (not part of what Open Images 1.0 imports):"
                + " annotations/oidv6-train-annotations-machine-imagelabels.csv"), problems.toString());
    }

    @Test
    void maskFilesOfAnotherResolutionAreScaledToTheImage() throws IOException {
        // b is 8x2; a 4x1 mask with its first column set covers the first two columns of both rows
        try (var out = Files.newOutputStream(dir.resolve("masks/train/b_m0_01234567.png"))) {
            PngEncoder.writeGray(IndexImage.of(1, 4, 255, 0, 0, 0), 8, out);
        }
        Datasets.Loaded dataset = Datasets.read(new OpenImagesFormat(), DirectorySource.of(dir));
        Mask mask = (Mask) dataset.item("train", "b").annotations().get(2);
        assertArrayEquals(new byte[] {1, 1, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0},
                mask.rle().toBitmap());
    }

    private void file(String path, String content) throws IOException {
        Files.writeString(dir.resolve(path), content);
    }

    private String name(String message) {
        return dir.getFileName() + "!/" + message;
    }

    private void read() throws IOException {
        Datasets.read(new OpenImagesFormat(), DirectorySource.of(dir));
    }

    private void assertFails(String message) {
        FormatException e = assertThrows(FormatException.class, this::read);
        assertEquals(name(message), e.getMessage());
    }
}

package org.labelbridge.format.icdar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.archive.DirectorySource;
import org.labelbridge.format.Format;
import org.labelbridge.format.FormatException;
import org.labelbridge.testing.Datasets;

/** Broken files fail with a message naming the file, the line and what was expected. */
class IcdarBadInputTest {

    @TempDir
    Path dir;

    @Test
    void recognitionLineWithoutAComma() throws IOException {
        file("word_recognition/train/gt.txt", "word_1.png, \"A\"\nword_2.png \"B\"\n");
        assertFails(new IcdarRecognitionFormat(), "word_recognition/train/gt.txt, line 2: expected '<image>, \"<text>\"',"
                + " found no comma");
    }

    @Test
    void recognitionTextWithoutItsClosingQuote() throws IOException {
        file("word_recognition/train/gt.txt", "\nword_1.png, \"unfinished\\\"\n");
        assertFails(new IcdarRecognitionFormat(), "word_recognition/train/gt.txt, line 2: expected '<image>, \"<text>\"',"
                + " the text's closing quote is missing");
    }

    @Test
    void localizationLineWithThreeNumbers() throws IOException {
        file("text_localization/train/gt_img_1.txt", "0 0 2 3 \"RED\"\n0 0 2 \"BLUE\"\n");
        assertFails(new IcdarLocalizationFormat(), "text_localization/train/gt_img_1.txt, line 2: " + LocalizationLine.FORM
                + ", found 3 numbers");
    }

    @Test
    void localizationLineWithAWordAmongTheNumbers() throws IOException {
        file("text_localization/train/gt_img_1.txt", "0,0,x,1,4,6,1,7,\"FOOD\"\n");
        assertFails(new IcdarLocalizationFormat(), "text_localization/train/gt_img_1.txt, line 1: " + LocalizationLine.FORM
                + ", found 'x' where a number was expected");
    }

    @Test
    void localizationTextWithoutItsClosingQuote() throws IOException {
        file("text_localization/train/gt_img_1.txt", "0,0,3,1,4,6,1,7,\"FOOD\n");
        assertFails(new IcdarLocalizationFormat(), "text_localization/train/gt_img_1.txt, line 1: " + LocalizationLine.FORM
                + ", the text's closing quote is missing");
    }

    @Test
    void segmentationLineWithTooFewFields() throws IOException {
        file("text_segmentation/train/1_GT.txt", "108 225 132 0 1 0 0 1 \"F\"\n");
        file("text_segmentation/train/1_GT.bmp", "");
        assertFails(new IcdarSegmentationFormat(), "text_segmentation/train/1_GT.txt, line 1: " + SegmentationLine.FORM
                + ", the character is missing");
    }

    @Test
    void segmentationColourOutOfRange() throws IOException {
        file("text_segmentation/train/1_GT.txt", "108 225 132 0 1 0 0 1 3 \"F\"\n\n300 1 2 0 1 0 0 1 3 \"G\"\n");
        assertFails(new IcdarSegmentationFormat(), "text_segmentation/train/1_GT.txt, line 3: " + SegmentationLine.FORM
                + ", the red channel must be a whole number 0..255, got '300'");
    }

    @Test
    void segmentationBoxThatIsNotANumber() throws IOException {
        file("text_segmentation/train/1_GT.txt", "108 225 132 0 1 0 zero 1 3 \"F\"\n");
        assertFails(new IcdarSegmentationFormat(), "text_segmentation/train/1_GT.txt, line 1: " + SegmentationLine.FORM
                + ", the box coordinates must be numbers, got 'zero'");
    }

    @Test
    void segmentationBitmapThatIsNotAnImage() throws IOException {
        file("text_segmentation/train/1_GT.txt", "108 225 132 0 1 0 0 1 3 \"F\"\n");
        file("text_segmentation/train/1_GT.bmp", "not a bitmap");
        assertFails(new IcdarSegmentationFormat(), "text_segmentation/train/1_GT.bmp: not an image (expected a PNG or BMP mask)");
    }

    @Test
    void noSubsetFolderWithAnnotations() throws IOException {
        file("word_recognition/gt.txt", "word_1.png, \"A\"\n");
        assertFails(new IcdarRecognitionFormat(), "word_recognition: expected subset folders with a gt.txt"
                + " (word_recognition/<subset>/...)");
    }

    private void file(String path, String content) throws IOException {
        Files.createDirectories(dir.resolve(path).getParent());
        Files.writeString(dir.resolve(path), content);
    }

    private void assertFails(Format format, String message) {
        FormatException e = assertThrows(FormatException.class, () -> Datasets.read(format, DirectorySource.of(dir)));
        assertEquals(dir.getFileName() + "!/" + message, e.getMessage());
    }
}

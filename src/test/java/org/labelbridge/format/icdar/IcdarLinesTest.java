package org.labelbridge.format.icdar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.archive.DirectorySource;
import org.labelbridge.model.Bbox;
import org.labelbridge.model.Polygon;
import org.labelbridge.testing.Datasets;

/** The line forms found in the wild that the readers take, beyond Datumaro's own output. */
class IcdarLinesTest {

    @TempDir
    Path dir;

    @Test
    void icdar2013BoxesAreCommaAndSpaceSeparated() throws MalformedLine {
        LocalizationLine line = LocalizationLine.parse("38, 43, 920, 215, \"Tiredness\"");
        assertArrayEquals(new double[] {38, 43, 920, 215}, line.coordinates());
        assertEquals("Tiredness", line.text());
    }

    @Test
    void icdar2015QuadrilateralsHaveUnquotedText() throws MalformedLine {
        LocalizationLine line = LocalizationLine.parse("377,117,463,117,465,130,378,130,Genaxis Theatre");
        assertArrayEquals(new double[] {377, 117, 463, 117, 465, 130, 378, 130}, line.coordinates());
        assertEquals("Genaxis Theatre", line.text());
        assertEquals("###", LocalizationLine.parse("1,1,2,1,2,2,1,2,###").text()); // "do not care"
        assertEquals("2015", LocalizationLine.parse("1,1,2,1,2,2,1,2,2015").text()); // a number as text
        assertEquals("a,b", LocalizationLine.parse("1,1,2,1,2,2,1,2,a,b").text());
        assertNull(LocalizationLine.parse("1 1 2 2").text());
    }

    @Test
    void aByteOrderMarkBeforeTheFirstLineIsSkipped() throws IOException {
        Path file = dir.resolve("text_localization/test/gt_img_1.txt");
        Files.createDirectories(file.getParent());
        Files.write(file, "\uFEFF377,117,463,117,465,130,378,130,Genaxis Theatre\r\n10 20 30 40 \"A\"\r\n"
                .getBytes(StandardCharsets.UTF_8));
        Datasets.Loaded dataset = Datasets.read(new IcdarLocalizationFormat(), DirectorySource.of(dir));
        assertEquals(List.of(new Polygon(IcdarCorpusTest.text("Genaxis Theatre"),
                        new double[] {377, 117, 463, 117, 465, 130, 378, 130}),
                new Bbox(IcdarCorpusTest.text("A"), 10, 20, 20, 20)), dataset.item("test", "img_1").annotations());
    }

    @Test
    void recognitionTextMayBeUnquotedOrMissing() throws MalformedLine {
        assertEquals(new RecognitionLine("word_9.png", "Hello"), RecognitionLine.parse("word_9.png, Hello"));
        assertEquals(new RecognitionLine("word_9.png", null), RecognitionLine.parse("word_9.png,"));
        assertEquals(new RecognitionLine("word_9.png", "a\"b\\c"), RecognitionLine.parse("word_9.png, \"a\\\"b\\\\c\""));
    }

    @Test
    void aSpaceCharacterIsMarkedWithAHash() throws MalformedLine {
        SegmentationLine line = SegmentationLine.parse("#10 20 30 - - 0 0 1 1 \" \"");
        assertEquals(" ", line.text());
        assertNull(line.center());
        assertEquals("#10 20 30 - - 0 0 1 1 \" \"", SegmentationLine.format(line.colour(), null, line.box(), " "));
    }
}

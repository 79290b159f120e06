package org.labelbridge.format.voc;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.format.FormatException;
import org.labelbridge.testing.Datasets;

/** Broken input fails with a message naming the file and the object or line, and what was expected. */
class VocBadInputTest {

    private final VocFormat voc = new VocFormat();

    @TempDir
    Path dir;

    private String failure(VocFixture fixture) {
        FormatException e = assertThrows(FormatException.class, () -> Datasets.read(voc, fixture.source()));
        return e.getMessage();
    }

    private VocFixture withXml(String xml) {
        return VocFixture.in(dir).file("ImageSets/Main/train.txt", "x\n").file("Annotations/x.xml", xml);
    }

    private static String box(String name, String bndbox) {
        return "<object><name>" + name + "</name><bndbox>" + bndbox + "</bndbox></object>";
    }

    @Test
    void malformedXml() {
        String message = failure(withXml("<annotation>\n<object>\n<name>dog</name>\n</annotation>\n"));
        assertTrue(message.contains("Annotations/x.xml, line 4: malformed XML"), message);
    }

    @Test
    void missingCoordinate() {
        String message = failure(withXml(VocFixture.annotation(
                box("dog", "<xmin>1</xmin><ymin>1</ymin><xmax>2</xmax><ymax>2</ymax>")
                + box("cat", "<xmin>1</xmin><ymin>1</ymin><xmax>2</xmax>"))));
        assertTrue(message.contains("Annotations/x.xml, object 2: expected <bndbox><ymax> with a number"), message);
    }

    @Test
    void nonNumericCoordinate() {
        String message = failure(withXml(VocFixture.annotation(
                box("dog", "<xmin>1</xmin><ymin>one</ymin><xmax>2</xmax><ymax>2</ymax>"))));
        assertTrue(message.contains("Annotations/x.xml, object 1: <bndbox><ymin> must be a number, got 'one'"), message);
    }

    @Test
    void partWithoutBndbox() {
        String message = failure(withXml(VocFixture.annotation("<object><name>person</name>"
                + "<bndbox><xmin>1</xmin><ymin>1</ymin><xmax>2</xmax><ymax>2</ymax></bndbox>"
                + "<part><name>head</name></part></object>")));
        assertTrue(message.contains("Annotations/x.xml, object 1, part 1: expected a <bndbox>"), message);
    }

    @Test
    void flagThatIsNotZeroOrOne() {
        String message = failure(withXml(VocFixture.annotation("<object><name>dog</name><difficult>2</difficult>"
                + "<bndbox><xmin>1</xmin><ymin>1</ymin><xmax>2</xmax><ymax>2</ymax></bndbox></object>")));
        assertTrue(message.contains("Annotations/x.xml, object 1: <difficult> must be 0 or 1, got '2'"), message);
    }

    @Test
    void objectWithoutName() {
        String message = failure(withXml(VocFixture.annotation(
                "<object><bndbox><xmin>1</xmin><ymin>1</ymin><xmax>2</xmax><ymax>2</ymax></bndbox></object>")));
        assertTrue(message.contains("Annotations/x.xml, object 1: expected a <name>"), message);
    }

    @Test
    void wrongRootElement() {
        String message = failure(withXml("<annotations/>"));
        assertTrue(message.contains("Annotations/x.xml: expected root element <annotation>, got <annotations>"), message);
    }

    @Test
    void classListLineWithoutFlag() {
        String message = failure(VocFixture.in(dir).file("ImageSets/Main/train.txt", "a\nb\n")
                .file("ImageSets/Main/dog_train.txt", "a  1\nb\n"));
        assertTrue(message.contains("ImageSets/Main/dog_train.txt, line 2: expected '<item id> <1, 0 or -1>', got 'b'"),
                message);
    }

    @Test
    void labelmapLineWithTooFewFields() {
        String message = failure(VocFixture.in(dir).file("ImageSets/Main/train.txt", "a\n")
                .file("labelmap.txt", "# label:color_rgb:parts:actions\ndog:1,2,3::\ncat:1,2,3\n"));
        assertTrue(message.contains("labelmap.txt, line 3: expected 4 ':'-separated fields"), message);
    }

    @Test
    void labelmapColourOutOfRange() {
        String message = failure(VocFixture.in(dir).file("ImageSets/Main/train.txt", "a\n")
                .file("labelmap.txt", "dog:1,2,300::\n"));
        assertTrue(message.contains("labelmap.txt, line 1: colour '1,2,300' needs three numbers 0..255"), message);
    }
}

package org.labelbridge.format.labelme;

import org.labelbridge.testing.RecordedProblems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.format.FormatException;
import org.labelbridge.model.Item;
import org.labelbridge.model.Polygon;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.Datasets;

/** Broken input fails naming the file and the line or object; odd input is read and reported. */
class LabelMeBadInputTest {

    private final LabelMeFormat labelMe = new LabelMeFormat();

    @TempDir
    Path dir;

    private String failure(LabelMeFixture fixture) {
        FormatException e = assertThrows(FormatException.class, () -> Datasets.read(labelMe, fixture.source()));
        return e.getMessage();
    }

    private LabelMeFixture withObjects(String objects) {
        return LabelMeFixture.in(dir).file("a.xml", LabelMeFixture.annotation("a.jpg", objects));
    }

    @Test
    void malformedXml() {
        String message = failure(LabelMeFixture.in(dir).file("a.xml", "<annotation>\n<object>\n<name>x</name>\n</annotation>\n"));
        assertTrue(message.contains("a.xml, line 4"), message);
        assertTrue(message.contains("malformed XML"), message);
    }

    @Test
    void wrongRootElement() {
        String message = failure(LabelMeFixture.in(dir).file("a.xml", "<?xml version=\"1.0\"?>\n<annotations/>"));
        assertTrue(message.contains("a.xml, line 2: expected root element <annotation> (a LabelMe file), got <annotations>"),
                message);
    }

    @Test
    void pointThatIsNoNumber() {
        String message = failure(withObjects(LabelMeFixture.polygon(0, "a", "", 1, 2, 3, 4)
                + "<object><name>b</name><id>1</id><polygon><pt><x>1</x><y>2</y></pt><pt><x>one</x><y>2</y></pt>"
                + "</polygon></object>"));
        assertTrue(message.contains("a.xml, object 2, point 2: <pt><x> must be a number, got 'one'"), message);
    }

    @Test
    void pointWithoutY() {
        String message = failure(withObjects("<object><name>b</name><polygon><pt><x>1</x></pt></polygon></object>"));
        assertTrue(message.contains("a.xml, object 1, point 1: expected <pt><y> with a number"), message);
    }

    @Test
    void missingMaskFile() {
        String message = failure(withObjects("<object><name>m</name><id>0</id><segm><mask>a_mask_0.png</mask></segm>"
                + "</object>"));
        assertTrue(message.contains("a.xml, object 1: the mask file"), message);
        assertTrue(message.contains("Masks/a_mask_0.png is missing"), message);
    }

    @Test
    void maskOfAnotherSizeThanTheImage() throws IOException {
        LabelMeFixture fixture = LabelMeFixture.in(dir).file("a.xml", "<annotation><filename>a.png</filename>"
                + "<imagesize><nrows>10</nrows><ncols>10</ncols></imagesize><object><name>m</name><id>0</id>"
                + "<segm><mask>m.png</mask></segm></object></annotation>");
        Files.createDirectories(dir.resolve("Masks"));
        Files.copy(Corpus.path(LabelMeCorpusTest.SAMPLE).resolve("Masks/img1_mask_1.png"), dir.resolve("Masks/m.png"));
        String message = failure(fixture);
        assertTrue(message.contains("Masks/m.png: mask is 102x77 but the image is 10x10 (from <imagesize> of "), message);
    }

    @Test
    void idThatIsNoNumber() {
        String message = failure(withObjects(LabelMeFixture.polygon(0, "a", "", 1, 2).replace("<id>0</id>", "<id>x</id>")));
        assertTrue(message.contains("a.xml, object 1: <id> must be a whole number, got 'x'"), message);
    }

    @Test
    void sameIdTwice() {
        String message = failure(withObjects(LabelMeFixture.polygon(3, "a", "", 1, 2) + LabelMeFixture.polygon(3, "b", "", 1, 2)));
        assertTrue(message.contains("a.xml, object 2: <id>3</id> is already the id of an earlier object"), message);
    }

    @Test
    void partsThatAreNoIds() {
        String message = failure(withObjects(LabelMeFixture.polygon(0, "a", "<parts><hasparts>1;2</hasparts></parts>", 1, 2)));
        assertTrue(message.contains("a.xml, object 1, <hasparts>: expected comma-separated object ids, got '1;2'"), message);
    }

    @Test
    void imageSizeThatIsNoNumber() {
        String message = failure(LabelMeFixture.in(dir).file("a.xml", "<annotation><filename>a.jpg</filename>"
                + "<imagesize><nrows>ten</nrows><ncols>3</ncols></imagesize></annotation>"));
        assertTrue(message.contains("a.xml, <imagesize><nrows>: expected a whole number of pixels, got 'ten'"), message);
    }

    @Test
    void deletedThatIsNoNumber() {
        String message = failure(withObjects(LabelMeFixture.polygon(0, "a", "<deleted>maybe</deleted>", 1, 2)));
        assertTrue(message.contains("a.xml, object 1: <deleted> must be 0 or 1, got 'maybe'"), message);
    }

    @Test
    void noXmlAtAll() {
        String message = failure(LabelMeFixture.in(dir).file("a.jpg", "jpeg"));
        assertTrue(message.contains("no .xml files"), message);
    }

    /** Deleted objects, shapeless objects, unknown parts, orphan images: read around and reported. */
    @Test
    void oddButReadableInputIsReported() throws IOException {
        LabelMeFixture fixture = withObjects(
                LabelMeFixture.polygon(0, "a", "<deleted>1</deleted>", 1, 2, 3, 4, 5, 6)
                + "<object><name>b</name><id>1</id><parts><hasparts>7</hasparts></parts></object>"
                + LabelMeFixture.polygon(2, "c", "<parts><hasparts>9</hasparts></parts>"
                        + "<attributes>occluded=true</attributes>", 1, 2, 3, 4, 5, 6))
                .file("other.png", "png");
        RecordedProblems problems = new RecordedProblems();
        Item item = Datasets.read(labelMe, fixture.source(), problems).items().get(0);

        assertEquals(List.of(2L), item.annotations().stream().map(a -> a.info().id()).toList());
        assertEquals(false, item.annotations().get(0).attributes().get("occluded"), "<occluded> decides");
        assertEquals(1, item.annotations().get(0).info().group(), "it starts a group, though its part is missing");
        assertTrue(item.annotations().get(0) instanceof Polygon);
        String file = fixture.source().describe("a.xml");
        assertEquals(List.of(
                "dataset: 1 image(s) that no .xml names were not read: other.png",
                "dropped a polygon: " + file + ", object 1 (id 0) is marked <deleted>: not read",
                "item a: " + file + ", object 2 (id 1) has neither <polygon> nor <segm>: nothing to read",
                "item a: " + file + ", object 3: 'occluded' in <attributes> is replaced by the object's own occluded",
                "item a: " + file + ": part id 7 in <hasparts> is no object of the file",
                "item a: " + file + ": part id 9 in <hasparts> is no object of the file"), problems.lines);
    }

    /** Two files describing one item: the first is read, the other reported. */
    @Test
    void twoFilesForOneItem() throws IOException {
        LabelMeFixture fixture = LabelMeFixture.in(dir)
                .file("a.xml", LabelMeFixture.annotation("x.jpg", ""))
                .file("b.xml", LabelMeFixture.annotation("x.png", ""));
        RecordedProblems problems = new RecordedProblems();
        assertEquals(List.of("default/x"), Datasets.read(labelMe, fixture.source(), problems).ids());
        assertEquals(1, problems.lines.size(), problems.toString());
        assertTrue(problems.any("b.xml describes item 'x' of subset 'default' again (after a.xml): not read"),
                problems.toString());
    }
}

package org.labelbridge.format.common.pixels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.labelbridge.format.FormatException;
import org.labelbridge.model.AttributeType;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Rgb;
import org.labelbridge.testing.Corpus;

class VocLabelMapTest {

    private static List<VocLabelMap.Entry> parse(String text) throws IOException {
        return VocLabelMap.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "labelmap.txt");
    }

    @Test
    void vocDatasetLabelMapIsTheDefaultOne() throws IOException {
        try (InputStream in = Files.newInputStream(Corpus.path("pascal_voc_1.1/voc_dataset2").resolve("labelmap.txt"))) {
            assertEquals(VocLabelMap.vocDefaults(), VocLabelMap.parse(in, "labelmap.txt"));
        }
        List<VocLabelMap.Entry> defaults = VocLabelMap.vocDefaults();
        assertEquals(22, defaults.size());
        assertEquals(VocLabelMap.Entry.of("background", new Rgb(0, 0, 0)), defaults.get(0));
        assertEquals(VocLabelMap.Entry.of("ignored", new Rgb(224, 224, 192)), defaults.get(21));
    }

    @Test
    void readsPartsActionsEmptyColoursAndComments() throws IOException {
        List<VocLabelMap.Entry> entries = parse("\uFEFF# label:color_rgb:parts:actions\n\n"
                + "background:0,0,0::\n"
                + "person: 192, 128,128 :head,hand:jumping,phoning\n"
                + "q:::\n"
                + "aeroplane:10,10,128:: # color index 3\n");
        assertEquals(List.of(
                VocLabelMap.Entry.of("background", new Rgb(0, 0, 0)),
                new VocLabelMap.Entry("person", new Rgb(192, 128, 128), List.of("head", "hand"), List.of("jumping", "phoning")),
                VocLabelMap.Entry.of("q", null),
                VocLabelMap.Entry.of("aeroplane", new Rgb(10, 10, 128))), entries);
    }

    @Test
    void errorsNameTheFileAndLine() {
        FormatException fields = assertThrows(FormatException.class, () -> parse("a:0,0,0::\nb:1,1,1:\n"));
        assertEquals("labelmap.txt, line 2: expected 4 ':'-separated fields (name:r,g,b:parts:actions), got 3",
                fields.getMessage());
        FormatException colour = assertThrows(FormatException.class, () -> parse("a:0,300,0::\n"));
        assertEquals("labelmap.txt, line 1: colour '0,300,0' needs three numbers 0..255", colour.getMessage());
        FormatException triple = assertThrows(FormatException.class, () -> parse("a:0,0::\n"));
        assertTrue(triple.getMessage().contains("not an r,g,b triple"), triple.getMessage());
        FormatException twice = assertThrows(FormatException.class, () -> parse("a:::\n# x\na:1,1,1::\n"));
        assertEquals("labelmap.txt, line 3: label 'a' is already defined", twice.getMessage());
    }

    @Test
    void writesWhatItReads() throws IOException {
        List<VocLabelMap.Entry> entries = List.of(
                VocLabelMap.Entry.of("background", new Rgb(0, 0, 0)),
                new VocLabelMap.Entry("person", new Rgb(1, 2, 3), List.of("head"), List.of("walking", "running")),
                VocLabelMap.Entry.of("cat", null));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        VocLabelMap.write(entries, out);
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals("# label:color_rgb:parts:actions\nbackground:0,0,0::\nperson:1,2,3:head:walking,running\ncat:::\n", text);
        assertEquals(entries, parse(text));
    }

    /** As Datumaro's make_voc_categories: parts that are not labels follow, sorted by name. */
    @Test
    void categoriesAppendPartsAndTurnActionsIntoCheckboxes() {
        Categories categories = VocLabelMap.categories(List.of(
                VocLabelMap.Entry.of("background", new Rgb(0, 0, 0)),
                new VocLabelMap.Entry("person", new Rgb(1, 2, 3), List.of("head", "hand", "cat"), List.of("walking")),
                VocLabelMap.Entry.of("cat", null)));
        assertEquals(List.of("background", "person", "cat", "hand", "head"),
                categories.labels().stream().map(l -> l.name()).toList());
        assertEquals("walking", categories.label(1).attributes().get(0).name());
        assertEquals(AttributeType.CHECKBOX, categories.label(1).attributes().get(0).type());
        assertEquals(Map.of(0, new Rgb(0, 0, 0), 1, new Rgb(1, 2, 3)), categories.colors());
    }

    @Test
    void fullVocDefaultsGivePersonItsPartsAndActions() {
        List<VocLabelMap.Entry> entries = VocLabelMap.vocDefaultsWithPersonLayout();
        assertEquals(22, entries.size());
        VocLabelMap.Entry person = entries.get(15);
        assertEquals(List.of("head", "hand", "foot"), person.parts());
        assertEquals(11, person.actions().size());
        Categories categories = VocLabelMap.categories(entries);
        assertEquals(List.of("ignored", "foot", "hand", "head"),
                categories.labels().subList(21, 25).stream().map(l -> l.name()).toList());
        assertEquals(List.of(), categories.commonAttributes());
    }

    @Test
    void labelMapWithoutColoursGetsVocColoursByLine() {
        Categories categories = VocLabelMap.categories(List.of(VocLabelMap.Entry.of("a", null),
                VocLabelMap.Entry.of("b", null), VocLabelMap.Entry.of("c", null)));
        assertEquals(Map.of(0, new Rgb(0, 0, 0), 1, new Rgb(128, 0, 0), 2, new Rgb(0, 128, 0)), categories.colors());
    }
}

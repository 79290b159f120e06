package org.labelbridge.format.common.pixels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.labelbridge.format.FormatException;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Label;
import org.labelbridge.model.Rgb;

class LabelColorsTest {

    private static List<LabelColors.Entry> parse(String text) throws IOException {
        return LabelColors.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "label_colors.txt");
    }

    @Test
    void readsColouredLinesNamesAloneAndComments() throws IOException {
        // CVAT's two examples (with and without colours), a name with a space, a BOM and a blank line
        assertEquals(List.of(LabelColors.entry("Void", 0, 0, 0), LabelColors.entry("Animal", 64, 128, 64),
                new LabelColors.Entry("big tree", new Rgb(1, 2, 3)), new LabelColors.Entry("Bridge", null),
                new LabelColors.Entry("my label", null), new LabelColors.Entry("7", null)),
                parse("\uFEFF# color (RGB) label\n0 0 0 Void\n64  128\t64 Animal\n\n1 2 3 big tree\nBridge\n my label \n7\n"));
    }

    @Test
    void errorsNameTheLine() {
        FormatException e = assertThrows(FormatException.class, () -> parse("0 0 0 Void\n1 2 Animal\n"));
        assertEquals("label_colors.txt, line 2: expected 'r g b name' or a label name alone, got '1 2 Animal'", e.getMessage());
        e = assertThrows(FormatException.class, () -> parse("0 0 0\n"));
        assertEquals("label_colors.txt, line 1: expected 'r g b name' or a label name alone, got '0 0 0'", e.getMessage());
        e = assertThrows(FormatException.class, () -> parse("0 256 0 x\n"));
        assertEquals("label_colors.txt, line 1: colour '0 256 0' needs three numbers 0..255", e.getMessage());
        e = assertThrows(FormatException.class, () -> parse("a\n\nb\na\n"));
        assertEquals("label_colors.txt, line 4: label 'a' is already defined", e.getMessage());
    }

    @Test
    void writesWhatItReads() throws IOException {
        List<LabelColors.Entry> entries = List.of(LabelColors.entry("background", 0, 0, 0), new LabelColors.Entry("car", null));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LabelColors.write(entries, out);
        assertEquals("0 0 0 background\ncar\n", out.toString(StandardCharsets.UTF_8));
        assertEquals(entries, parse(out.toString(StandardCharsets.UTF_8)));
        assertEquals("traffic_sign", LabelColors.writableName(" traffic \t sign "));
        assertEquals("_#1", LabelColors.writableName("#1"));
    }

    @Test
    void categoriesTakeTheColoursGivenOrThePaletteByIndex() {
        Categories given = LabelColors.categories(List.of(LabelColors.entry("a", 1, 2, 3), new LabelColors.Entry("b", null)));
        assertEquals(List.of(Label.named("a"), Label.named("b")), given.labels());
        assertEquals(Map.of(0, new Rgb(1, 2, 3)), given.colors());
        Categories none = LabelColors.categories(List.of(new LabelColors.Entry("a", null), new LabelColors.Entry("b", null)));
        assertEquals(Map.of(0, VocPalette.colour(0), 1, VocPalette.colour(1)), none.colors());
    }

    @Test
    void theCityscapesTableHasItsLabelsById() {
        List<LabelColors.Entry> table = LabelColors.cityscapes();
        assertEquals(35, table.size());
        assertEquals(LabelColors.entry("unlabeled", 0, 0, 0), table.get(0));
        assertEquals(LabelColors.entry("road", 128, 64, 128), table.get(7));
        assertEquals(LabelColors.entry("car", 0, 0, 142), table.get(26));
        assertEquals(LabelColors.entry("bicycle", 119, 11, 32), table.get(33));
        assertEquals(LabelColors.entry("licenseplate", 0, 0, 142), table.get(34));
    }
}

package org.labelbridge.format.labelme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code <attributes>} text: how Datumaro reads and writes it. */
class LabelMeAttributesTest {

    private static Map<String, Object> map(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    @Test
    void flagsAndPairs() {
        assertEquals(map("a1", true), LabelMeAttributes.parse("a1"));
        assertEquals(map("gfd lkj lkj hi", true), LabelMeAttributes.parse("gfd lkj lkj hi"));
        assertEquals(map("a", true, "b", "x y", "c", false), LabelMeAttributes.parse(" a , b=x y,, c=FALSE "));
        assertEquals(map(), LabelMeAttributes.parse(""));
        assertEquals(map(), LabelMeAttributes.parse(null));
    }

    /** A number is a number only when Python would spell it so; quotes keep a string. */
    @Test
    void typesAsDatumaroGivesThem() {
        assertEquals(map("n", 123L, "m", -5L, "z", "0123", "p", "+5"), LabelMeAttributes.parse("n=123, m=-5, z=0123, p=+5"));
        assertEquals(map("f", 1.5, "g", 100.0, "h", "1.50", "e", 1e16, "s", 1.5e-5, "t", "1e5"),
                LabelMeAttributes.parse("f=1.5, g=100.0, h=1.50, e=1e+16, s=1.5e-05, t=1e5"));
        assertEquals(map("q", "42", "r", "true", "empty", "", "one", "\""), LabelMeAttributes.parse(
                "q=\"42\", r=\"true\", empty=, one=\""));
        assertEquals(map("nan", Double.NaN, "inf", Double.NEGATIVE_INFINITY, "NaN", "NaN"),
                LabelMeAttributes.parse("nan=nan, inf=-inf, NaN=NaN"));
    }

    @Test
    void backslashEscapesSeparators() {
        assertEquals(map("a=b", "c,d", "e", "say \"hi\"", "back", "\\", "other", "\\x"),
                LabelMeAttributes.parse("a\\=b=c\\,d, e=say \\\"hi\\\", back=\\\\, other=\\x"));
        assertEquals(map("k", "v=w"), LabelMeAttributes.parse("k=v=w"), "the first '=' splits");
    }

    /** Datumaro's round-trip test value comes back as it went out. */
    @Test
    void encodeReadsBackTheSameValue() {
        String tricky = "a,b. = \\= \\\\ \" \\\" \\, \\";
        for (Object value : List.of("qwe", true, false, 123L, 42, 1.5, 100.0, 1e-7, 2.5e20, "42", "1.5", "true",
                "False", tricky, "", " padded ", "\"quoted\"", Double.NaN)) {
            String text = LabelMeAttributes.encode("name, with = signs", value);
            assertEquals(map("name, with = signs", LabelMeAttributes.normalise(value)), LabelMeAttributes.parse(text),
                    text);
        }
        assertEquals("a1=True", LabelMeAttributes.encode("a1", true));
        assertEquals("a3=123", LabelMeAttributes.encode("a3", 123L));
        assertEquals("a4=\"42\"", LabelMeAttributes.encode("a4", "42"));
        assertEquals("x=1e-07", LabelMeAttributes.encode("x", 1e-7));
        assertEquals("t=qwe\\, rty", LabelMeAttributes.encode("t", "qwe, rty"));
    }

    @Test
    void pythonRepr() {
        assertEquals("0.1", LabelMeAttributes.pythonRepr(0.1));
        assertEquals("1.0", LabelMeAttributes.pythonRepr(1));
        assertEquals("0.0001", LabelMeAttributes.pythonRepr(1e-4));
        assertEquals("1e-05", LabelMeAttributes.pythonRepr(1e-5));
        assertEquals("1234567890123456.0", LabelMeAttributes.pythonRepr(1234567890123456.0));
        assertEquals("1e+16", LabelMeAttributes.pythonRepr(1e16));
        assertEquals("-2.5e+100", LabelMeAttributes.pythonRepr(-2.5e100));
        assertEquals("-0.0", LabelMeAttributes.pythonRepr(-0.0));
    }
}

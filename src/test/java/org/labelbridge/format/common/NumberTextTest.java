package org.labelbridge.format.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class NumberTextTest {

    @Test
    void wholeNumbersHaveNoFractionAndFractionsAreShortest() {
        assertEquals("2", NumberText.of(2.0));
        assertEquals("-17", NumberText.of(-17.0));
        assertEquals("0.1", NumberText.of(0.1));
        assertEquals("123.45", NumberText.of(123.45));
        assertEquals("0.30000000000000004", NumberText.of(0.1 + 0.2));
        assertEquals("0.0001", NumberText.of(1e-4), "never in exponent form");
        assertEquals("12345678.5", NumberText.of(12345678.5));
        assertEquals("NaN", NumberText.of(Double.NaN));
        assertEquals("-0.05", NumberText.of(-0.05));
        assertEquals("1.0000001", NumberText.of(1.0000001));
        assertEquals("0.001", NumberText.of(0.001));
        assertEquals("0.0305", NumberText.of(0.0305), "zeros inside the fraction kept");
        assertEquals("-0.005", NumberText.of(-0.005));
        assertEquals("1234.0625", NumberText.of(1234.0625));
        assertEquals("0.2 -3.25", NumberText.appendTo(NumberText.appendTo(new StringBuilder(), 0.2).append(' '), -3.25)
                .toString(), "appended after what the builder holds");
    }

    @Test
    void everyTextReadsBackTheSameDoubleWithoutAnExponent() {
        Random random = new Random(11);
        for (int i = 0; i < 200_000; i++) {
            double value = switch (i % 4) {
                case 0 -> random.nextDouble() * 1000;              // pixel coordinates
                case 1 -> random.nextDouble();                     // YOLO fractions
                case 2 -> Math.round(random.nextDouble() * 1e5) / 100.0; // two decimals, as tools write
                default -> (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(30) - 15);
            };
            String text = NumberText.of(value);
            assertEquals(value, Double.parseDouble(text), text);
            String shortest = com.fasterxml.jackson.core.io.NumberOutput.toString(value, true);
            if (!shortest.contains("E") && value != Math.rint(value)) {
                assertEquals(shortest.length(), text.length(), "as short as the shortest: " + shortest + " vs " + text);
            }
            assertFalse(text.contains("E"), text);
            assertTrue(text.length() <= 25 || Math.abs(value) < 1e-3 || Math.abs(value) >= 1e7, text);
        }
    }
}

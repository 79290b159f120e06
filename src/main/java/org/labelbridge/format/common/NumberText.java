package org.labelbridge.format.common;

import com.fasterxml.jackson.core.io.NumberOutput;
import java.math.BigDecimal;

/**
 * Numbers as text files write them: {@code 2} rather than {@code 2.0}, never in exponent form,
 * and digits enough to read back the same double.
 */
public final class NumberText {

    private NumberText() {
    }

    public static String of(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        // The shortest text that reads back the same double (Jackson's Schubfach, as JSON
        // outputs write numbers; several times faster than Java 17's Double.toString, and never
        // longer). Plain between 1e-3 and 1e7, which covers pixel coordinates and most
        // fractions; BigDecimal (slow on a hot path) handles the rest.
        String text = NumberOutput.toString(value, true);
        return text.indexOf('E') < 0 ? text : BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}

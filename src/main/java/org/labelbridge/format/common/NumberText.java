package org.labelbridge.format.common;

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
        // Double.toString round-trips and is plain between 1e-3 and 1e7, which covers pixel
        // coordinates and most fractions; BigDecimal (slow on a hot path) handles the rest.
        String text = Double.toString(value);
        return text.indexOf('E') < 0 ? text : BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}

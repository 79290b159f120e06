package org.labelbridge.format.common;

import java.math.BigDecimal;

/** Numbers as text files write them: {@code 2} rather than {@code 2.0}, never in exponent form. */
public final class NumberText {

    private NumberText() {
    }

    public static String of(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value) : BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}

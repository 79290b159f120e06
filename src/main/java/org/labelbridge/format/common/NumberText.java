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

    /** Powers of ten up to the most fraction digits the fast path tries. */
    private static final double[] POW10 = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7};

    public static String of(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        String decimal = fewDecimals(value);
        if (decimal != null) {
            return decimal;
        }
        // The shortest text that reads back the same double (Jackson's Schubfach, as JSON
        // outputs write numbers; several times faster than Java 17's Double.toString, and never
        // longer). Plain between 1e-3 and 1e7, which covers pixel coordinates and most
        // fractions; BigDecimal (slow on a hot path) handles the rest.
        String text = NumberOutput.toString(value, true);
        return text.indexOf('E') < 0 ? text : BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /**
     * The fast path for what annotation files mostly hold, coordinates with a few decimals
     * ({@code 123.45}): the fewest fraction digits (up to 7) whose decimal reads back as this
     * very double, or null. Exact: {@code m / 10^k} of two exact doubles is correctly rounded,
     * as parsing the text {@code m·10^-k} is.
     */
    private static String fewDecimals(double value) {
        double magnitude = Math.abs(value);
        if (magnitude >= 1e7 || magnitude < 1e-3) {
            return null;
        }
        for (int k = 1; k < POW10.length; k++) {
            long m = Math.round(value * POW10[k]);
            if (m / POW10[k] == value) {
                return decimal(m, k);
            }
        }
        return null;
    }

    /** {@code m·10^-k} in plain decimal, e.g. (-12345, 2) to {@code -123.45}. */
    private static String decimal(long m, int k) {
        StringBuilder text = new StringBuilder(24);
        if (m < 0) {
            text.append('-');
            m = -m;
        }
        long unit = (long) POW10[k];
        text.append(m / unit).append('.');
        String fraction = Long.toString(m % unit);
        for (int pad = k - fraction.length(); pad > 0; pad--) {
            text.append('0');
        }
        text.append(fraction);
        int end = text.length();
        while (text.charAt(end - 1) == '0') {
            end--;
        }
        text.setLength(end);
        return text.toString();
    }
}

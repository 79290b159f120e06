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
        return appendTo(new StringBuilder(24), value).toString();
    }

    /**
     * Appends {@link #of(double)}'s text to {@code out} without making a string of it first
     * (label lines of traced outlines hold thousands of numbers).
     */
    public static StringBuilder appendTo(StringBuilder out, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return out.append(value);
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return out.append((long) value);
        }
        if (appendFewDecimals(out, value)) {
            return out;
        }
        // The shortest text that reads back the same double (Jackson's Schubfach, as JSON
        // outputs write numbers; several times faster than Java 17's Double.toString, and never
        // longer). Plain between 1e-3 and 1e7, which covers pixel coordinates and most
        // fractions; BigDecimal (slow on a hot path) handles the rest.
        String text = NumberOutput.toString(value, true);
        return out.append(text.indexOf('E') < 0 ? text : BigDecimal.valueOf(value).stripTrailingZeros().toPlainString());
    }

    /**
     * The fast path for what annotation files mostly hold, coordinates with a few decimals
     * ({@code 123.45}): the fewest fraction digits (up to 7) whose decimal reads back as this
     * very double, appended as {@code m·10^-k} in plain decimal (e.g. (-12345, 2) to
     * {@code -123.45}); false, appending nothing, when there is none. Exact: {@code m / 10^k}
     * of two exact doubles is correctly rounded, as parsing the text {@code m·10^-k} is.
     */
    private static boolean appendFewDecimals(StringBuilder out, double value) {
        double magnitude = Math.abs(value);
        if (magnitude >= 1e7 || magnitude < 1e-3) {
            return false;
        }
        for (int k = 1; k < POW10.length; k++) {
            long m = Math.round(value * POW10[k]);
            if (m / POW10[k] == value) {
                if (m < 0) {
                    out.append('-');
                    m = -m;
                }
                long unit = (long) POW10[k];
                long fraction = m % unit;
                out.append(m / unit).append('.');
                int digits = k; // k fraction digits, zero-padded, less the trailing zeros
                for (long rest = fraction; digits > 1 && rest % 10 == 0; rest /= 10) {
                    digits--;
                }
                for (long scale = unit / 10; digits > 0; scale /= 10, digits--) {
                    out.append((char) ('0' + fraction / scale % 10));
                }
                return true;
            }
        }
        return false;
    }
}

package org.labelbridge.format.labelme;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The text of an object's {@code <attributes>}: {@code name=value} or a bare {@code name} (a
 * flag, true), separated by commas. A backslash escapes {@code \ = " ,}. Values are typed as
 * Datumaro types them: {@code true}/{@code false} (any case) are Boolean; a number whose
 * Python spelling is exactly the text is a Long or a Double ({@code 3}, {@code 1.5},
 * {@code 1e+16}; not {@code 03} or {@code 1.50}); a value in double quotes is the string inside;
 * anything else is a String.
 */
final class LabelMeAttributes {

    private static final String ESCAPED = "\\=\",";

    private LabelMeAttributes() {
    }

    /** One character of the text, and whether a backslash escaped it. */
    private record Char(char c, boolean escaped) {
    }

    static Map<String, Object> parse(String text) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        if (text == null) {
            return attributes;
        }
        List<Char> segment = new ArrayList<>();
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ',';
            if (c == '\\' && i + 1 < text.length() && ESCAPED.indexOf(text.charAt(i + 1)) >= 0) {
                segment.add(new Char(text.charAt(++i), true));
            } else if (c == ',') { // the text's end counts as one too
                add(strip(segment), attributes);
                segment.clear();
            } else {
                segment.add(new Char(c, false));
            }
        }
        return attributes;
    }

    private static void add(List<Char> attribute, Map<String, Object> into) {
        if (attribute.isEmpty()) {
            return;
        }
        int equals = -1;
        for (int i = 0; i < attribute.size() && equals < 0; i++) {
            if (attribute.get(i).c() == '=' && !attribute.get(i).escaped()) {
                equals = i;
            }
        }
        if (equals < 0) {
            into.put(decode(attribute), true);
            return;
        }
        into.put(decode(attribute.subList(0, equals)), value(attribute.subList(equals + 1, attribute.size())));
    }

    private static Object value(List<Char> value) {
        String plain = decode(value);
        boolean anyEscape = value.stream().anyMatch(Char::escaped);
        if (!anyEscape) {
            String lower = plain.toLowerCase(Locale.ROOT);
            if (lower.equals("true") || lower.equals("false")) {
                return lower.equals("true");
            }
        }
        int n = value.size();
        if (n > 1 && isQuote(value.get(0)) && isQuote(value.get(n - 1))) {
            return decode(value.subList(1, n - 1));
        }
        if (!anyEscape) {
            Object number = number(plain);
            if (number != null) {
                return number;
            }
        }
        return plain;
    }

    private static boolean isQuote(Char c) {
        return c.c() == '"' && !c.escaped();
    }

    /** A Long or Double when {@code text} is how Python writes that number, else {@code null}. */
    static Object number(String text) {
        try {
            long value = Long.parseLong(text);
            if (Long.toString(value).equals(text)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // not an integer; maybe a float
        }
        Double value = switch (text) {
            case "nan" -> Double.NaN;
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            default -> parseDouble(text);
        };
        return value != null && pythonRepr(value).equals(text) ? value : null;
    }

    private static Double parseDouble(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Python's {@code repr} of a float: shortest digits, plain from 1e-4 to 1e16, else {@code 1.5e-05}. */
    static String pythonRepr(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (value == 0) {
            return 1 / value < 0 ? "-0.0" : "0.0";
        }
        BigDecimal decimal = new BigDecimal(Double.toString(value)).stripTrailingZeros();
        int exponent = decimal.precision() - decimal.scale() - 1;
        if (exponent >= -4 && exponent < 16) {
            String plain = decimal.toPlainString();
            return plain.indexOf('.') < 0 ? plain + ".0" : plain;
        }
        String digits = decimal.unscaledValue().abs().toString();
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return (value < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+")
                + (Math.abs(exponent) < 10 ? "0" : "") + Math.abs(exponent);
    }

    /** Drops the whitespace at both ends that is not escaped (escapes are never whitespace). */
    private static List<Char> strip(List<Char> segment) {
        int from = 0;
        int to = segment.size();
        while (from < to && isSpace(segment.get(from).c())) {
            from++;
        }
        while (to > from && isSpace(segment.get(to - 1).c())) {
            to--;
        }
        return segment.subList(from, to);
    }

    /** Python's {@code str.isspace}, closely enough. */
    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    private static String decode(List<Char> chars) {
        StringBuilder out = new StringBuilder(chars.size());
        chars.forEach(c -> out.append(c.c()));
        return out.toString();
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (ESCAPED.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /**
     * {@code name=value} as Datumaro's exporter writes it (flags {@code True}/{@code False},
     * numbers as Python spells them), with a string quoted where it would otherwise read back
     * as something else (a number, a flag, or with its outer spaces stripped).
     */
    static String encode(String name, Object value) {
        String prefix = escape(name) + "=";
        if (value instanceof Boolean b) {
            return prefix + (b ? "True" : "False");
        }
        if (value instanceof Double || value instanceof Float) {
            return prefix + pythonRepr(((Number) value).doubleValue());
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return prefix + value;
        }
        String text = String.valueOf(value);
        String bare = prefix + escape(text);
        Object back = parse(bare).get(name);
        return text.equals(back) ? bare : prefix + "\"" + escape(text) + "\"";
    }

    /** The value as it reads back from {@link #encode}: numbers widened, other objects as text. */
    static Object normalise(Object value) {
        if (value instanceof Float || value instanceof Double) {
            return ((Number) value).doubleValue();
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte || value instanceof Long) {
            return ((Number) value).longValue();
        }
        return value instanceof Boolean ? value : String.valueOf(value);
    }
}

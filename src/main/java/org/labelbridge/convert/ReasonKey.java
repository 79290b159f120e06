package org.labelbridge.convert;

/**
 * A reason as the report groups it: the text without what varies from place to place, so that
 * "label 'x' at line 5" and "label 'y' at line 9" are one entry. Quoted text becomes {@code '…'};
 * a word holding a digit, a slash or a backslash (a number, a path, a file with its line) becomes
 * {@code …}.
 */
final class ReasonKey {

    /** The key of the entry that gathers reasons beyond the report's limit. */
    static final String OTHER = "\u0000other";

    private ReasonKey() {
    }

    static String of(String reason) {
        StringBuilder key = new StringBuilder(reason.length());
        int i = 0;
        int n = reason.length();
        while (i < n) {
            char c = reason.charAt(i);
            if ((c == '\'' || c == '"') && startsQuote(reason, i)) {
                int end = reason.indexOf(c, i + 1);
                if (end > 0) {
                    key.append(c).append('…').append(c);
                    i = end + 1;
                    continue;
                }
            }
            if (Character.isWhitespace(c)) {
                key.append(c);
                i++;
                continue;
            }
            int end = i;
            boolean varies = false;
            while (end < n && !Character.isWhitespace(reason.charAt(end))) {
                char w = reason.charAt(end);
                varies |= Character.isDigit(w) || w == '/' || w == '\\';
                end++;
            }
            key.append(varies ? "…" : reason.substring(i, end));
            i = end;
        }
        return key.toString();
    }

    /** A quote opens a quotation at the start of a word (not an apostrophe inside one). */
    private static boolean startsQuote(String text, int at) {
        return at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1));
    }
}

package org.labelbridge.format.ultralytics;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * data.yaml as the writers write it, in CVAT's shape: {@code path: .}, one
 * {@code <subset>: <subset>.txt} line per subset, {@code kpt_shape} for pose, and the names as a
 * map from class id to name. Values are plain where YAML reads them back as the same text, else
 * double-quoted.
 */
final class DataYamlText {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_ .()/+-]*");
    /** Words YAML 1.1 (PyYAML, which Ultralytics uses) reads as booleans or null. */
    private static final Set<String> SPECIAL = Set.of("yes", "no", "on", "off", "true", "false", "null", "y", "n");

    private DataYamlText() {
    }

    /** {@code kptShape} is {@code null} for tasks other than pose. */
    static String of(List<String> subsets, int[] kptShape, List<String> names) {
        StringBuilder yaml = new StringBuilder("path: .\n");
        for (String subset : subsets) {
            yaml.append(scalar(subset)).append(": ").append(scalar(subset + UltralyticsLayout.TEXT_EXTENSION))
                    .append('\n');
        }
        if (kptShape != null) {
            yaml.append("kpt_shape: [").append(kptShape[0]).append(", ").append(kptShape[1]).append("]\n");
        }
        if (names.isEmpty()) {
            return yaml.append("names: {}\n").toString();
        }
        yaml.append("names:\n");
        for (int i = 0; i < names.size(); i++) {
            yaml.append("  ").append(i).append(": ").append(scalar(names.get(i))).append('\n');
        }
        return yaml.toString();
    }

    /** The text as a YAML scalar that reads back as the same string. */
    static String scalar(String text) {
        if (PLAIN.matcher(text).matches() && !text.endsWith(" ") && !SPECIAL.contains(text.toLowerCase(Locale.ROOT))) {
            return text;
        }
        StringBuilder quoted = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\t' -> quoted.append("\\t");
                case '\r' -> quoted.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7F || c == 0x85 || c == 0x2028 || c == 0x2029 || c == 0xFEFF) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}

package org.labelbridge.format.ultralytics;

import org.labelbridge.format.common.NumberText;

/** A label line as text: the class id, then numbers as short as they read back exactly. */
final class LineText {

    private LineText() {
    }

    /** {@code "<classId> v1 v2 ..."}, or {@code null} when a value is not a finite number. */
    static String of(int classId, double... values) {
        // Sized for the line at once: a traced outline has thousands of numbers of about 8 characters.
        StringBuilder line = new StringBuilder(8 + 9 * values.length).append(classId);
        for (double value : values) {
            if (!Double.isFinite(value)) {
                return null;
            }
            NumberText.appendTo(line.append(' '), value);
        }
        return line.toString();
    }
}

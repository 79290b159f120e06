package org.labelbridge.format.kitti;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.labelbridge.format.FormatException;
import org.labelbridge.format.common.NumberText;

/**
 * One object line of a {@code label_2/<id>.txt}: {@code type truncated occluded alpha
 * x1 y1 x2 y2 height width length x y z rotation_y [score]}, 15 values or 16 with a score.
 */
record KittiLine(String type, double truncated, double occluded, double alpha, double x1, double y1, double x2,
                 double y2, List<Double> dimensions, List<Double> location, double rotationY, Double score) {

    /** What CVAT writes where it has no value (alpha and the 3D fields). */
    static final double UNSET = -1;

    private static final String[] COLUMNS = {"type", "truncated", "occluded", "alpha", "left", "top", "right",
        "bottom", "height", "width", "length", "x", "y", "z", "rotation_y", "score"};

    static KittiLine parse(String text, String file, int lineNumber) throws FormatException {
        String[] v = text.strip().split("\\s+");
        String where = "line " + lineNumber;
        if (v.length != 15 && v.length != 16) {
            throw FormatException.at(file, where, "expected 15 values (type truncated occluded alpha left top right bottom"
                    + " height width length x y z rotation_y) or 16 with a score, got " + v.length);
        }
        double[] n = new double[v.length];
        for (int i = 1; i < v.length; i++) {
            try {
                n[i] = Double.parseDouble(v[i]);
            } catch (NumberFormatException e) {
                n[i] = Double.NaN;
            }
            if (!Double.isFinite(n[i])) {
                throw FormatException.at(file, where, COLUMNS[i] + " (value " + (i + 1) + ") is '" + v[i] + "', not a number");
            }
        }
        return new KittiLine(v[0], n[1], n[2], n[3], n[4], n[5], n[6], n[7], List.of(n[8], n[9], n[10]),
                List.of(n[11], n[12], n[13]), n[14], v.length == 16 ? n[15] : null);
    }

    /** Whether the 3D fields hold CVAT's placeholders (all -1) rather than values. */
    boolean threeDUnset() {
        return dimensions.stream().allMatch(d -> d == UNSET) && location.stream().allMatch(d -> d == UNSET)
                && rotationY == UNSET;
    }

    /**
     * The box's attributes: truncated and occluded as flags (as CVAT reads them), then
     * alpha, dimensions, location and rotation_y where they hold values, then score.
     */
    Map<String, Object> attributes() {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("truncated", truncated != 0);
        attributes.put("occluded", occluded != 0);
        if (alpha != UNSET) {
            attributes.put("alpha", alpha);
        }
        if (!threeDUnset()) {
            attributes.put("dimensions", dimensions);
            attributes.put("location", location);
            attributes.put("rotation_y", rotationY);
        }
        if (score != null) {
            attributes.put("score", score);
        }
        return attributes;
    }

    /** The line as written, numbers without needless decimals. */
    String format() {
        List<String> values = new ArrayList<>(16);
        values.add(type);
        values.add(NumberText.of(truncated));
        values.add(Long.toString(Math.round(occluded)));
        for (double d : new double[] {alpha, x1, y1, x2, y2}) {
            values.add(NumberText.of(d));
        }
        dimensions.forEach(d -> values.add(NumberText.of(d)));
        location.forEach(d -> values.add(NumberText.of(d)));
        values.add(NumberText.of(rotationY));
        if (score != null) {
            values.add(NumberText.of(score));
        }
        return String.join(" ", values);
    }
}

package org.labelbridge.insight;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the checks draw their lines; given as the conversion option {@code checks}, e.g.
 * {@code {"rare_label": 20}} (names not given keep their defaults).
 *
 * @param outsideTolerance pixels a box may reach beyond its image before it counts as partly
 *                         outside (rounding in exports commonly adds a fraction of a pixel)
 * @param nearZeroArea     square pixels below which a shape counts as near-zero
 * @param rareLabel        annotations below which a used label counts as rare
 */
public record CheckThresholds(double outsideTolerance, double nearZeroArea, long rareLabel) {

    public static final CheckThresholds DEFAULTS = new CheckThresholds(1, 4, 10);

    public CheckThresholds {
        if (!(outsideTolerance >= 0) || !(nearZeroArea >= 0) || rareLabel < 0
                || Double.isInfinite(outsideTolerance) || Double.isInfinite(nearZeroArea)) {
            throw new IllegalArgumentException("thresholds must be finite and not negative: outside_tolerance "
                    + outsideTolerance + ", near_zero_area " + nearZeroArea + ", rare_label " + rareLabel);
        }
    }

    /** Reads {@code {"outside_tolerance": 1, "near_zero_area": 4, "rare_label": 10}}, any of them. */
    public static CheckThresholds fromMap(Map<?, ?> given) {
        double tolerance = DEFAULTS.outsideTolerance;
        double nearZero = DEFAULTS.nearZeroArea;
        long rare = DEFAULTS.rareLabel;
        for (Map.Entry<?, ?> e : given.entrySet()) {
            String name = String.valueOf(e.getKey());
            if (!(e.getValue() instanceof Number number)) {
                throw new IllegalArgumentException("threshold '" + name + "' needs a number, got " + e.getValue());
            }
            switch (name) {
                case "outside_tolerance" -> tolerance = number.doubleValue();
                case "near_zero_area" -> nearZero = number.doubleValue();
                case "rare_label" -> {
                    if (number.doubleValue() != Math.rint(number.doubleValue())) {
                        throw new IllegalArgumentException("threshold 'rare_label' needs a whole number, got " + number);
                    }
                    rare = number.longValue();
                }
                default -> throw new IllegalArgumentException("unknown threshold '" + name
                        + "'; known: outside_tolerance, near_zero_area, rare_label");
            }
        }
        return new CheckThresholds(tolerance, nearZero, rare);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("outside_tolerance", outsideTolerance);
        map.put("near_zero_area", nearZeroArea);
        map.put("rare_label", rareLabel);
        return map;
    }
}

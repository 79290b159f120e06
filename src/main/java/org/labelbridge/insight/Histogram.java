package org.labelbridge.insight;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.DoubleStream;

/**
 * Counts of values in fixed buckets, with the count, least, greatest and mean: the same few
 * numbers whatever the number of values. Bucket {@code i} holds values below {@code edges[i]}
 * and at least the edge before it; the last bucket is open above.
 */
final class Histogram {

    private final double[] edges;
    private final long[] counts;
    private long count;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;
    private double sum;

    Histogram(double... edges) {
        for (int i = 1; i < edges.length; i++) {
            if (!(edges[i] > edges[i - 1])) {
                throw new IllegalArgumentException("bucket edges must rise: " + Arrays.toString(edges));
            }
        }
        this.edges = edges.clone();
        this.counts = new long[edges.length + 1];
    }

    /** Edges {@code first, first*ratio, ...} up to {@code last}: sizes spread over orders of magnitude. */
    static Histogram geometric(double first, double ratio, double last) {
        return new Histogram(DoubleStream.iterate(first, e -> e <= last * (1 + 1e-9), e -> e * ratio).toArray());
    }

    void add(double value) {
        if (Double.isNaN(value)) {
            return;
        }
        // Edges rise strictly: the bucket is the number of edges at or below the value.
        int at = Arrays.binarySearch(edges, value);
        counts[at >= 0 ? at + 1 : -at - 1]++;
        count++;
        sum += value;
        if (value < min) {
            min = value;
        }
        if (value > max) {
            max = value;
        }
    }

    long count() {
        return count;
    }

    /** The count in each bucket, lowest first. */
    long[] counts() {
        return counts.clone();
    }

    /** {@code count, min, max, mean} and each bucket as {@code from, to, count} ({@code from}/{@code to} absent when open). */
    Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("count", count);
        if (count > 0) {
            map.put("min", round(min));
            map.put("max", round(max));
            map.put("mean", round(sum / count));
        }
        List<Map<String, Object>> buckets = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            Map<String, Object> bucket = new LinkedHashMap<>();
            if (i > 0) {
                bucket.put("from", round(edges[i - 1]));
            }
            if (i < edges.length) {
                bucket.put("to", round(edges[i]));
            }
            bucket.put("count", counts[i]);
            buckets.add(bucket);
        }
        map.put("buckets", buckets);
        return map;
    }

    /** Four significant digits: enough to read, short in JSON. */
    static double round(double value) {
        if (value == 0 || Double.isInfinite(value)) {
            return value;
        }
        return new java.math.BigDecimal(value).round(new java.math.MathContext(4)).doubleValue();
    }
}

package org.labelbridge.insight;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Bucket {@code i} holds values below edge {@code i} and at least the edge before it. */
class HistogramTest {

    @Test
    void valuesOnAnEdgeGoToTheBucketAboveIt() {
        Histogram histogram = new Histogram(1, 2, 5);
        for (double value : new double[] {-3, 0.5, 1, 1.5, 2, 4.99, 5, 1e9, Double.POSITIVE_INFINITY, Double.NaN}) {
            histogram.add(value);
        }
        assertArrayEquals(new long[] {2, 2, 2, 3}, histogram.counts());
        assertEquals(9, histogram.count(), "NaN is not counted");
    }

    @Test
    void geometricEdgesReachTheLastEdgeDespiteRounding() {
        Histogram histogram = Histogram.geometric(0.125, 2, 8);
        histogram.add(7.999);
        histogram.add(8);
        assertArrayEquals(new long[] {0, 0, 0, 0, 0, 0, 1, 1}, histogram.counts(), "edges 0.125 .. 8: 7 edges, 8 buckets");
    }
}

package org.labelbridge.convert;

import java.util.Map;

/**
 * What a running conversion tells: each stage as it ends, and progress while items stream.
 * The edges decide how to show it (JSON log lines in Lambda and {@code serve}, a progress bar
 * or plain lines in the CLI). Called on the converting thread; keep it quick.
 */
public interface ConversionListener {

    /** Does nothing. */
    ConversionListener NONE = new ConversionListener() {
    };

    /**
     * A stage ended. The converter's stages are {@code detect} (format, confidence, root),
     * {@code convert} (items and annotations in and out, dropped, subsets: read, transformed
     * and written as one stream), {@code finish} (the output zip completed; its bytes) and,
     * when option {@code preview} is above 0, {@code preview} (items drawn, PNG bytes).
     * The function adds {@code download} and {@code upload}.
     *
     * @param counts what the stage did, JSON-ready, in a stable order
     */
    default void stage(String stage, long millis, Map<String, Object> counts) {
    }

    /** Items read so far; called at most once per {@link #progressIntervalMillis()}. */
    default void progress(Progress progress) {
    }

    /** The least time between two progress calls. */
    default long progressIntervalMillis() {
        return 5_000;
    }

    /**
     * Progress of the item stream.
     *
     * @param expectedItems an estimate of the items to come (the images under the dataset
     *                      root), or -1 when there is none; items may exceed it
     */
    record Progress(long items, long annotations, long expectedItems, long elapsedMillis) {

        /** Fraction done in [0, 1), or -1 when unknown; never 1 before the end. */
        public double fraction() {
            if (expectedItems <= 0) {
                return -1;
            }
            return Math.min(0.99, (double) items / expectedItems);
        }
    }
}

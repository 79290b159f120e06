package org.labelbridge.format.coco;

import java.util.Arrays;

/**
 * Long keys to non-negative int values without boxing (image ids to items, annotation ids in
 * use): open addressing, linear probing.
 */
final class LongIntMap {

    private static final int EMPTY = -1;

    private long[] keys = new long[16];
    private int[] values = filled(16);
    private int size;

    /** The value, or -1 when the key is absent. */
    int get(long key) {
        int mask = keys.length - 1;
        for (int slot = hash(key) & mask; ; slot = (slot + 1) & mask) {
            if (values[slot] == EMPTY) {
                return EMPTY;
            }
            if (keys[slot] == key) {
                return values[slot];
            }
        }
    }

    boolean containsKey(long key) {
        return get(key) != EMPTY;
    }

    /** Sets the value ({@code >= 0}); returns the previous one or -1. */
    int put(long key, int value) {
        if (value < 0) {
            throw new IllegalArgumentException("value must not be negative: " + value);
        }
        if (2 * (size + 1) > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        for (int slot = hash(key) & mask; ; slot = (slot + 1) & mask) {
            if (values[slot] == EMPTY) {
                keys[slot] = key;
                values[slot] = value;
                size++;
                return EMPTY;
            }
            if (keys[slot] == key) {
                int previous = values[slot];
                values[slot] = value;
                return previous;
            }
        }
    }

    int size() {
        return size;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = filled(oldKeys.length * 2);
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldValues[i] != EMPTY) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }

    private static int hash(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    private static int[] filled(int length) {
        int[] array = new int[length];
        Arrays.fill(array, EMPTY);
        return array;
    }
}

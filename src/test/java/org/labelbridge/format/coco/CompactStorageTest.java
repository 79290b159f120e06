package org.labelbridge.format.coco;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The reader's compact storage gives back exactly what went in. */
class CompactStorageTest {

    @Test
    void coordinatesComeBackBitForBit() {
        double[] values = {0, -0.0, 0.1, 123.45, 639.99, -5.5, 1.0 / 3, 1e-7, 1e15, Double.MIN_VALUE, 427, 0.07};
        RecordPool pool = new RecordPool();
        RecordBuffer buffer = new RecordBuffer();
        long[] addresses = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            buffer.clear();
            buffer.writeCoordinates(values, i, 1);
            addresses[i] = pool.add(buffer);
        }
        for (int i = 0; i < values.length; i++) {
            double back = pool.open(addresses[i]).readCoordinates()[0];
            assertEquals(Double.doubleToRawLongBits(values[i]), Double.doubleToRawLongBits(back), "value " + values[i]);
        }
    }

    @Test
    void twoDecimalCoordinatesTakeAFewBytes() {
        RecordBuffer buffer = new RecordBuffer();
        buffer.writeCoordinates(new double[] {123.45, 639.99, 0.5, 12}, 0, 4);
        assertEquals(2 + 3 + 3 + 1 + 2, buffer.size()); // count, mode, then zigzag varints
    }

    @Test
    void recordsAcrossManyPages() {
        RecordPool pool = new RecordPool();
        RecordBuffer buffer = new RecordBuffer();
        Random random = new Random(7);
        long[] addresses = new long[300_000];
        long[] values = new long[addresses.length];
        for (int i = 0; i < addresses.length; i++) {
            values[i] = random.nextLong();
            buffer.clear();
            buffer.writeSignedLong(values[i]);
            buffer.writeString("item " + i);
            addresses[i] = pool.add(buffer);
        }
        for (int i = 0; i < addresses.length; i += 997) {
            RecordCursor cursor = pool.open(addresses[i]);
            assertEquals(values[i], cursor.readSignedLong());
            assertEquals("item " + i, cursor.readString());
        }
    }

    @Test
    void longIntMap() {
        LongIntMap map = new LongIntMap();
        for (long key = -50_000; key < 50_000; key += 3) {
            assertEquals(-1, map.put(key * 1_000_003L, (int) (key & 0xFFFF)));
        }
        assertEquals(33_334, map.size());
        assertEquals(10, map.get(10 * 1_000_003L)); // keys are -50000 + 3k
        assertEquals(-1, map.get(9 * 1_000_003L));
        assertEquals((int) (-49_997 & 0xFFFF), map.get(-49_997 * 1_000_003L));
        assertEquals(10, map.put(10 * 1_000_003L, 1));
        assertEquals(1, map.get(10 * 1_000_003L));
        assertEquals(33_334, map.size());
    }
}

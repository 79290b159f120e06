package org.labelbridge.format.coco;

import java.nio.charset.StandardCharsets;

/** Reads back what a {@link RecordBuffer} wrote, from a page of the {@link RecordPool}. */
final class RecordCursor {

    private final byte[] page;
    private int position;

    RecordCursor(byte[] page, int position) {
        this.page = page;
        this.position = position;
    }

    int readByte() {
        return page[position++];
    }

    long readLong() {
        long value = 0;
        int shift = 0;
        byte b;
        do {
            b = page[position++];
            value |= (long) (b & 0x7F) << shift;
            shift += 7;
        } while (b < 0);
        return value;
    }

    int readInt() {
        return (int) readLong();
    }

    long readSignedLong() {
        long zigzag = readLong();
        return (zigzag >>> 1) ^ -(zigzag & 1);
    }

    double readDouble() {
        long bits = 0;
        for (int i = 0; i < 8; i++) {
            bits |= (long) (page[position++] & 0xFF) << (8 * i);
        }
        return Double.longBitsToDouble(bits);
    }

    String readString() {
        int length = readInt();
        String value = new String(page, position, length, StandardCharsets.UTF_8);
        position += length;
        return value;
    }

    double[] readCoordinates() {
        int count = readInt();
        boolean hundredths = readByte() == RecordBuffer.HUNDREDTHS;
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = hundredths ? readSignedLong() / 100.0 : readDouble();
        }
        return values;
    }
}

package org.labelbridge.format.coco;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Encodes one annotation into bytes before it goes into the {@link RecordPool}: variable-length
 * integers, and coordinates as hundredths when that is exact (COCO's usual two decimals take
 * two or three bytes instead of eight), else as raw doubles.
 */
final class RecordBuffer {

    static final byte RAW_DOUBLES = 0;
    static final byte HUNDREDTHS = 1;

    private byte[] bytes = new byte[256];
    private int size;

    void clear() {
        size = 0;
    }

    int size() {
        return size;
    }

    byte[] bytes() {
        return bytes;
    }

    void writeByte(int value) {
        ensure(1);
        bytes[size++] = (byte) value;
    }

    /** Unsigned LEB128; negative values take ten bytes, so use {@link #writeSignedLong} for them. */
    void writeLong(long value) {
        ensure(10);
        while ((value & ~0x7FL) != 0) {
            bytes[size++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        bytes[size++] = (byte) value;
    }

    void writeSignedLong(long value) {
        writeLong((value << 1) ^ (value >> 63));
    }

    void writeDouble(double value) {
        ensure(8);
        long bits = Double.doubleToRawLongBits(value);
        for (int i = 0; i < 8; i++) {
            bytes[size++] = (byte) (bits >>> (8 * i));
        }
    }

    void writeString(String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        writeLong(utf8.length);
        ensure(utf8.length);
        System.arraycopy(utf8, 0, bytes, size, utf8.length);
        size += utf8.length;
    }

    /** {@code count} values from {@code values[from]}. */
    void writeCoordinates(double[] values, int from, int count) {
        writeLong(count);
        boolean hundredths = true;
        for (int i = from; i < from + count && hundredths; i++) {
            hundredths = isHundredths(values[i]);
        }
        writeByte(hundredths ? HUNDREDTHS : RAW_DOUBLES);
        for (int i = from; i < from + count; i++) {
            if (hundredths) {
                writeSignedLong(Math.round(values[i] * 100));
            } else {
                writeDouble(values[i]);
            }
        }
    }

    /** Whether {@code k / 100.0} gives back exactly this double (so the hundredths are lossless). */
    private static boolean isHundredths(double value) {
        if (!(Math.abs(value) < 1e13)) {
            return false;
        }
        long k = Math.round(value * 100);
        return Double.doubleToRawLongBits(k / 100.0) == Double.doubleToRawLongBits(value);
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}

package org.labelbridge.format.common.pixels;

import java.util.Arrays;

/**
 * The zlib stream of a PNG's filtered rows (filter 0, "none"), written straight from the
 * image's runs (RFC 1950/1951), so that a mask costs in proportion to its runs: one deflate
 * block with the fixed Huffman codes, where each run is its first pixel's bytes as literals
 * followed by a copy at distance {@code bytesPerPixel} (a copy may overlap what it copies),
 * and rows equal to the one above are one copy at distance {@code rowBytes + 1}, however many
 * they are. The Adler-32 of the uncompressed bytes is summed run by run in closed form (rows
 * repeated at once).
 */
final class RunDeflateStream {

    private static final int ADLER_MOD = 65521;
    private static final int MAX_MATCH = 258;
    private static final int MIN_MATCH = 3;
    private static final int WINDOW = 32768;

    private static final int[] LENGTH_BASE = {3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51,
        59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
    private static final int[] LENGTH_EXTRA = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4,
        5, 5, 5, 5, 0};
    private static final int[] DISTANCE_BASE = {1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385,
        513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
    private static final int[] DISTANCE_EXTRA = {0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10,
        10, 11, 11, 12, 12, 13, 13};

    /** The fixed literal/length code of each symbol 0..287, bit-reversed for LSB-first output, and its length. */
    private static final int[] LITERAL_CODE = new int[288];
    private static final int[] LITERAL_BITS = new int[288];
    /** For each match length 3..258: its length symbol's code followed by its extra bits, and how many bits. */
    private static final int[] LENGTH_CODE = new int[MAX_MATCH + 1];
    private static final int[] LENGTH_BITS = new int[MAX_MATCH + 1];
    /** For each distance 1..32768: its distance symbol. */
    private static final byte[] DISTANCE_INDEX = new byte[WINDOW + 1];

    static {
        for (int symbol = 0; symbol < 288; symbol++) {
            int code, bits;
            if (symbol < 144) {
                code = 0x30 + symbol;
                bits = 8;
            } else if (symbol < 256) {
                code = 0x190 + symbol - 144;
                bits = 9;
            } else if (symbol < 280) {
                code = symbol - 256;
                bits = 7;
            } else {
                code = 0xc0 + symbol - 280;
                bits = 8;
            }
            LITERAL_CODE[symbol] = Integer.reverse(code) >>> (32 - bits);
            LITERAL_BITS[symbol] = bits;
        }
        for (int i = 0; i < LENGTH_BASE.length; i++) {
            int top = i + 1 < LENGTH_BASE.length ? LENGTH_BASE[i + 1] : MAX_MATCH + 1;
            for (int length = LENGTH_BASE[i]; length < top && length <= MAX_MATCH; length++) {
                setLength(length, i);
            }
        }
        setLength(MAX_MATCH, LENGTH_BASE.length - 1); // 258 has a symbol of its own (285), not 284 + 31
        for (int i = 0; i < DISTANCE_BASE.length; i++) {
            int top = i + 1 < DISTANCE_BASE.length ? DISTANCE_BASE[i + 1] : WINDOW + 1;
            for (int distance = DISTANCE_BASE[i]; distance < top; distance++) {
                DISTANCE_INDEX[distance] = (byte) i;
            }
        }
    }

    private static void setLength(int length, int index) {
        int symbol = 257 + index;
        LENGTH_CODE[length] = LITERAL_CODE[symbol] | (length - LENGTH_BASE[index]) << LITERAL_BITS[symbol];
        LENGTH_BITS[length] = LITERAL_BITS[symbol] + LENGTH_EXTRA[index];
    }

    private final int bytesPerPixel;
    private final byte[] pattern;
    private byte[] out;
    private int size;
    private long bitBuffer;
    private int bitCount;
    private long s1 = 1;
    private long s2;
    /** Whether the Adler-32 sums are reduced once a row rather than once a run (rows shorter than the modulus). */
    private boolean reducedByRow;
    /** The code and its extra bits of the distance of one pixel, and how many bits. */
    private final int pixelDistanceCode;
    private final int pixelDistanceBits;

    private RunDeflateStream(int bytesPerPixel, int expectedSize) {
        this.bytesPerPixel = bytesPerPixel;
        this.pattern = new byte[bytesPerPixel];
        this.pixelDistanceCode = distanceCode(bytesPerPixel);
        this.pixelDistanceBits = distanceBits(bytesPerPixel);
        this.out = new byte[Math.max(64, expectedSize)];
    }

    /**
     * The whole zlib stream of the image's PNG data, each value written as its low
     * {@code bytesPerPixel} bytes, most significant first (8-bit and 16-bit grey, packed RGB).
     */
    static byte[] encode(RunImage image, int bytesPerPixel) {
        // About 3 bytes a run and 2.5 per 258 bytes copied: a first guess that rarely needs growing.
        long guess = 16 + 3L * image.runCount() + 3L * image.height() * (1 + image.width() * bytesPerPixel) / 258;
        RunDeflateStream stream = new RunDeflateStream(bytesPerPixel, (int) Math.min(1 << 20, guess));
        stream.write(image);
        return Arrays.copyOf(stream.out, stream.size);
    }

    private void write(RunImage image) {
        out[size++] = 0x78; // deflate, 32 KB window
        out[size++] = 0x01; // no dictionary, fastest; (0x78 << 8 | 0x01) % 31 == 0
        bits(1, 1); // final block
        bits(1, 2); // fixed Huffman codes
        long rowBytes = 1 + (long) image.width() * bytesPerPixel;
        long rowLength = rowBytes % ADLER_MOD;
        boolean rowsCopy = rowBytes <= WINDOW && rowBytes >= MIN_MATCH;
        int rowDistanceCode = rowsCopy ? distanceCode((int) rowBytes) : 0;
        int rowDistanceBits = rowsCopy ? distanceBits((int) rowBytes) : 0;
        // A row adds at most 255 * rowBytes to s1: below the modulus, the sums stay far below 2^63
        // over a row (under 2^42), so they are reduced at its end.
        reducedByRow = rowBytes < ADLER_MOD;
        long rowSum = 0, rowWeighted = 0; // what the last row written added to s1, and to s2 beyond L*s1
        int height = image.height();
        for (int y = 0; y < height; ) {
            if (y > 0 && rowsCopy && image.sameRows(y, y - 1)) {
                int repeats = 1; // rows y .. y + repeats - 1 all repeat row y - 1: one copy of them all
                while (y + repeats < height && image.sameRows(y + repeats, y - 1)) {
                    repeats++;
                }
                copy(repeats * rowBytes, rowDistanceCode, rowDistanceBits);
                // Each repeat adds rowSum to s1, and L*s1 + rowWeighted to s2, with s1 as it was then.
                long k = repeats % ADLER_MOD;
                long pairs = ((long) repeats * (repeats - 1) / 2) % ADLER_MOD;
                s2 = (s2 + k * rowLength % ADLER_MOD * s1 + rowLength * rowSum % ADLER_MOD * pairs
                        + k * rowWeighted) % ADLER_MOD;
                s1 = (s1 + k * rowSum) % ADLER_MOD;
                y += repeats;
                continue;
            }
            long s1Before = s1, s2Before = s2;
            code(0); // filter type 0
            s2 = (s2 + s1) % ADLER_MOD;
            for (int k = 0, runs = image.runs(y); k < runs; k++) {
                int value = image.runValue(y, k);
                int codes = 0, codeBits = 0; // the pixel's bytes as literals, put together: at most 27 bits
                for (int i = 0; i < bytesPerPixel; i++) {
                    int b = value >>> 8 * (bytesPerPixel - 1 - i) & 0xff;
                    pattern[i] = (byte) b;
                    codes |= LITERAL_CODE[b] << codeBits;
                    codeBits += LITERAL_BITS[b];
                }
                bits(codes, codeBits);
                int length = image.runEnd(y, k) - image.runStart(y, k);
                adlerRun(length);
                long rest = (long) (length - 1) * bytesPerPixel;
                if (rest >= MIN_MATCH) {
                    copy(rest, pixelDistanceCode, pixelDistanceBits);
                } else {
                    for (int i = 0; i < rest; i++) {
                        code(pattern[i % bytesPerPixel] & 0xff);
                    }
                }
            }
            if (reducedByRow) {
                s1 %= ADLER_MOD;
                s2 %= ADLER_MOD;
            }
            rowSum = (s1 - s1Before + ADLER_MOD) % ADLER_MOD;
            rowWeighted = ((s2 - s2Before) % ADLER_MOD - rowLength * s1Before % ADLER_MOD + 2L * ADLER_MOD)
                    % ADLER_MOD;
            y++;
        }
        code(256); // end of block
        while (bitCount > 0) { // the last bits, padded to a byte
            ensure(1);
            out[size++] = (byte) bitBuffer;
            bitBuffer >>>= 8;
            bitCount = Math.max(0, bitCount - 8);
        }
        long adler = s2 << 16 | s1;
        ensure(4);
        out[size++] = (byte) (adler >>> 24);
        out[size++] = (byte) (adler >>> 16);
        out[size++] = (byte) (adler >>> 8);
        out[size++] = (byte) adler;
    }

    /** Adds {@code n} (at least 1) repeats of {@link #pattern} to the Adler-32 sums. */
    private void adlerRun(long n) {
        // One pattern p_0..p_{m-1} adds P = sum p_i to s1 and m*s1 + Q, Q = sum (m - i) p_i, to s2;
        // n of them add n*P to s1 and n*m*s1 + m*P*n(n-1)/2 + n*Q to s2.
        long p = 0, q = 0;
        int m = bytesPerPixel;
        for (int i = 0; i < m; i++) {
            p += pattern[i] & 0xff;
            q += (long) (m - i) * (pattern[i] & 0xff);
        }
        if (reducedByRow) { // reduced at the row's end
            s2 += n * m * s1 + m * p * (n * (n - 1) / 2) + n * q;
            s1 += n * p;
            return;
        }
        if (n < ADLER_MOD) { // every term fits a long unreduced (below 2^43), one % each
            s2 = (s2 + n * m * s1 + m * p * (n * (n - 1) / 2) + n * q) % ADLER_MOD;
            s1 = (s1 + n * p) % ADLER_MOD;
            return;
        }
        long pairs = (n * (n - 1) / 2) % ADLER_MOD;
        long nm = n % ADLER_MOD;
        s2 = (s2 + nm * m % ADLER_MOD * s1 + (long) m * p % ADLER_MOD * pairs + nm * q) % ADLER_MOD;
        s1 = (s1 + nm * p) % ADLER_MOD;
    }

    /** A distance's 5-bit code (most significant bit first) followed by its extra bits. */
    private static int distanceCode(int distance) {
        int di = DISTANCE_INDEX[distance];
        return Integer.reverse(di) >>> 27 | (distance - DISTANCE_BASE[di]) << 5;
    }

    private static int distanceBits(int distance) {
        return 5 + DISTANCE_EXTRA[DISTANCE_INDEX[distance]];
    }

    /**
     * Copies {@code length} (at least 3) bytes from the distance given by its code, in matches
     * of 3..258.
     */
    private void copy(long length, int distanceCode, int distanceBits) {
        if (length >= MAX_MATCH + MIN_MATCH) { // matches of 258: the same bits each time
            int full = LENGTH_CODE[MAX_MATCH] | distanceCode << LENGTH_BITS[MAX_MATCH];
            int fullBits = LENGTH_BITS[MAX_MATCH] + distanceBits;
            while (length >= MAX_MATCH + MIN_MATCH || length == MAX_MATCH) {
                bits(full, fullBits);
                length -= MAX_MATCH;
            }
        }
        if (length > MAX_MATCH) { // 259 or 260: leave a last match of 3
            match((int) length - MIN_MATCH, distanceCode, distanceBits);
            length = MIN_MATCH;
        }
        if (length > 0) {
            match((int) length, distanceCode, distanceBits);
        }
    }

    /** One match: its length's code and extra bits, then the distance's: at most 31 bits, written at once. */
    private void match(int length, int distanceCode, int distanceBits) {
        bits(LENGTH_CODE[length] | distanceCode << LENGTH_BITS[length], LENGTH_BITS[length] + distanceBits);
    }

    private void code(int symbol) {
        bits(LITERAL_CODE[symbol], LITERAL_BITS[symbol]);
    }

    /** Appends {@code count} bits (at most 31) of {@code value}, least significant first. Small, to be inlined. */
    private void bits(int value, int count) {
        bitBuffer |= (long) value << bitCount;
        bitCount += count;
        if (bitCount >= 32) {
            flush32();
        }
    }

    private void flush32() {
        if (size + 4 > out.length) {
            ensure(4);
        }
        out[size++] = (byte) bitBuffer;
        out[size++] = (byte) (bitBuffer >>> 8);
        out[size++] = (byte) (bitBuffer >>> 16);
        out[size++] = (byte) (bitBuffer >>> 24);
        bitBuffer >>>= 32;
        bitCount -= 32;
    }

    private void ensure(int more) {
        if (size + more > out.length) {
            out = Arrays.copyOf(out, Math.max(out.length * 2, size + more));
        }
    }
}

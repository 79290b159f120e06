package org.labelbridge.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ReadAheadStreamTest {

    @Test
    void givesTheSameBytesAtEveryChunkBoundary() throws IOException {
        for (int size : new int[] {0, 1, ReadAheadStream.CHUNK_SIZE - 1, ReadAheadStream.CHUNK_SIZE,
                ReadAheadStream.CHUNK_SIZE * 3 + 5}) {
            byte[] data = new byte[size];
            new Random(size).nextBytes(data);
            try (InputStream in = new ReadAheadStream(new ByteArrayInputStream(data), "t")) {
                byte[] read = new byte[size];
                int n = 0;
                // mixed single-byte and block reads
                if (size > 0) {
                    read[n++] = (byte) in.read();
                }
                n += in.readNBytes(read, n, size - n);
                assertEquals(size, n);
                assertEquals(-1, in.read());
                assertArrayEquals(data, read, "size " + size);
            }
        }
    }

    @Test
    void aFailureOfTheUnderlyingStreamReachesTheReaderWithItsMessage() throws IOException {
        IOException failure = new IOException("set.zip: entry 'annotations/a.json' is corrupt");
        byte[] start = new byte[ReadAheadStream.CHUNK_SIZE + 10];
        InputStream failing = new SequenceInputStream(new ByteArrayInputStream(start), new InputStream() {
            @Override
            public int read() throws IOException {
                throw failure;
            }
        });
        try (InputStream in = new ReadAheadStream(failing, "t")) {
            IOException e = assertThrows(IOException.class, () -> in.readAllBytes());
            assertSame(failure, e);
        }
    }

    @Test
    void closingEarlyStopsTheReadingAndClosesTheStream() throws IOException {
        AtomicBoolean closed = new AtomicBoolean();
        byte[] data = new byte[ReadAheadStream.CHUNK_SIZE * (ReadAheadStream.CHUNKS + 8)];
        Arrays.fill(data, (byte) 7);
        InputStream underlying = new ByteArrayInputStream(data) {
            @Override
            public void close() {
                closed.set(true);
            }
        };
        InputStream in = new ReadAheadStream(underlying, "t");
        assertEquals(7, in.read());
        in.close(); // the reading thread is blocked on a full queue: close must still return
        assertTrue(closed.get());
    }
}

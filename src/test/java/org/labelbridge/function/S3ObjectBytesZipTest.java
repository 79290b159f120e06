package org.labelbridge.function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.labelbridge.function.S3TestServer.INPUT_BUCKET;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.archive.ArchiveLimits;
import org.labelbridge.archive.InputArchive;
import org.labelbridge.testing.Zips;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A zip read in place from S3 ({@link S3ObjectBytes}) by several threads at once, as a
 * conversion reads it (the pipeline, the writer thread's raw copies, a read-ahead), each in its
 * own order across ranges that chain and ranges that are evicted: every entry gives the bytes
 * {@code java.util.zip} reads from the local file.
 */
class S3ObjectBytesZipTest {

    private static final int ENTRIES = 300;
    private static final int READERS = 3;

    private static S3TestServer server;
    private static S3Client s3;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() {
        server = S3TestServer.start();
        s3 = server.client();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void threadsReadingEntriesOfOneZipAtOnceEachGetTheEntrysOwnBytes() throws Exception {
        // About 1.5 MB: ranges chain (1 MB, then 2 MB), and readers far apart need ranges of their own.
        Path zip = Zips.storedAndDeflated(tmp.resolve("entries.zip"), ENTRIES, 24_000);
        s3.putObject(b -> b.bucket(INPUT_BUCKET).key("concurrent/entries.zip"), RequestBody.fromFile(zip));
        S3ObjectBytes bytes = S3ObjectBytes.open(s3, new S3Retry(4, Duration.ofMillis(5), Duration.ofMillis(50)),
                new S3Uri(INPUT_BUCKET, "concurrent/entries.zip"), "entries.zip", tmp);
        ExecutorService threads = Executors.newFixedThreadPool(READERS);
        try (InputArchive archive = InputArchive.open(bytes, ArchiveLimits.DEFAULTS);
             ZipFile expected = new ZipFile(zip.toFile())) {
            List<? extends ZipEntry> entries = Collections.list(expected.entries());
            assertEquals(ENTRIES, entries.size());
            List<Future<Integer>> readers = new ArrayList<>();
            for (int r = 0; r < READERS; r++) {
                // Each reader takes every entry, in an order of its own: forward, backward, shuffled.
                List<ZipEntry> order = new ArrayList<>(entries);
                if (r == 1) {
                    Collections.reverse(order);
                } else if (r == 2) {
                    Collections.shuffle(order, new Random(r));
                }
                readers.add(threads.submit(() -> {
                    for (ZipEntry entry : order) {
                        byte[] read;
                        try (InputStream in = archive.source().open(entry.getName())) {
                            read = in.readAllBytes();
                        }
                        byte[] local;
                        synchronized (expected) {
                            try (InputStream in = expected.getInputStream(entry)) {
                                local = in.readAllBytes();
                            }
                        }
                        assertArrayEquals(local, read, entry.getName());
                    }
                    return order.size();
                }));
            }
            for (Future<Integer> reader : readers) {
                assertEquals(ENTRIES, reader.get());
            }
        } finally {
            threads.shutdownNow();
        }
    }
}

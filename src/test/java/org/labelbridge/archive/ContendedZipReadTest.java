package org.labelbridge.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.convert.ConversionListener;
import org.labelbridge.convert.ConversionOptions;
import org.labelbridge.convert.ConversionResult;
import org.labelbridge.convert.Converter;
import org.labelbridge.testing.Zips;

/**
 * A zip or a tar read in place is read by several threads through one channel (the writer
 * thread copies images while the pipeline reads entries; a large zip entry is inflated ahead). Here the
 * channel lets "another reader" in wherever a thread moves it without holding its lock, as a
 * thread reading another entry would at the worst moment; every entry must still give the bytes
 * {@code java.util.zip} reads from the same file. Before entries were opened under the channel's
 * lock, opening one read its local header from wherever the other reader had left the channel,
 * and its data from the wrong offset ("invalid distance too far back" over S3).
 */
class ContendedZipReadTest {

    @TempDir
    Path tmp;

    @Test
    void everyEntryOfAZipReadInPlaceGivesItsOwnBytesWhileAnotherReaderMovesTheChannel() throws IOException {
        Path zip = Zips.storedAndDeflated(tmp.resolve("entries.zip"), 240, 3000);
        ContendedBytes bytes = new ContendedBytes(zip);
        try (InputArchive archive = InputArchive.open(bytes, ArchiveLimits.DEFAULTS);
             ZipFile expected = new ZipFile(zip.toFile())) {
            List<? extends ZipEntry> entries = Collections.list(expected.entries());
            assertEquals(240, entries.size());
            for (ZipEntry entry : entries) {
                byte[] read;
                try (InputStream in = archive.source().open(entry.getName())) {
                    read = in.readAllBytes();
                }
                try (InputStream in = expected.getInputStream(entry)) {
                    assertArrayEquals(in.readAllBytes(), read, entry.getName());
                }
            }
        }
        assertTrue(bytes.moved() > 0, "no entry was read through the contended channel: the test proves nothing");
    }

    @Test
    void imagesCopiedRawWhileLabelsAreReadKeepTheirBytes() throws IOException {
        Path dir = tmp.resolve("coco");
        assertImagesAndLabelsKeptThroughAContendedChannel(Zips.cocoWithNoiseImages(dir, 40, 6000), dir);
    }

    /**
     * A tar is read in place through one channel too: the writer thread copies its images while
     * the pipeline reads its labels, each entry read where it lies.
     */
    @Test
    void imagesCopiedFromATarWhileLabelsAreReadKeepTheirBytes() throws IOException {
        Path dir = tmp.resolve("coco");
        Path tar = Zips.tarOf(Zips.cocoWithNoiseImages(dir, 40, 6000), tmp.resolve("set.tar"), false);
        assertImagesAndLabelsKeptThroughAContendedChannel(tar, dir);
    }

    private void assertImagesAndLabelsKeptThroughAContendedChannel(Path input, Path dir) throws IOException {
        ContendedBytes bytes = new ContendedBytes(input);
        Path output = tmp.resolve("yolo.zip");

        ConversionResult result = Converter.convert(bytes, "coco", "yolo", ConversionOptions.DEFAULTS,
                OutputChannel.toFile(output), ConversionListener.NONE, ArchiveLimits.DEFAULTS);

        assertEquals(40, result.report().itemsOut());
        assertEquals(0, result.report().droppedAnnotations());
        List<String> names = Zips.names(output);
        try (ZipFile written = new ZipFile(output.toFile())) {
            for (int i = 0; i < 40; i++) {
                String stem = "img" + i;
                List<String> copies = names.stream().filter(n -> n.endsWith("/" + stem + ".jpg")).toList();
                assertEquals(1, copies.size(), stem + ".jpg in " + names);
                try (InputStream in = written.getInputStream(written.getEntry(copies.get(0)))) {
                    assertArrayEquals(Files.readAllBytes(dir.resolve("images/train/" + stem + ".jpg")), in.readAllBytes(),
                            stem + ".jpg");
                }
                List<String> labels = names.stream().filter(n -> n.endsWith("/" + stem + ".txt")).toList();
                assertEquals(1, labels.size(), stem + "'s label file in " + names);
                // bbox [x=10+i, y=20, w=30, h=40] in a 200x100 image
                assertEquals(List.of(0.0, (10 + i + 15) / 200.0, 0.4, 0.15, 0.4), numbers(Zips.text(output, labels.get(0))),
                        labels.get(0));
            }
        }
        assertTrue(bytes.moved() > 0, "no entry was read through the contended channel: the test proves nothing");
    }

    /** A label line's class and numbers, at six decimals (as YOLO writes them). */
    private static List<Double> numbers(String line) {
        return Stream.of(line.strip().split("\\s+")).map(f -> Math.round(Double.parseDouble(f) * 1e6) / 1e6).toList();
    }

    /**
     * A local zip whose channel, once contended, lets another reader in (a read elsewhere, under
     * the channel's lock, as an entry stream of another thread reads) right after any thread
     * moves it without holding that lock. It is contended from the first move under its lock
     * on: the first read of an entry's data, once the directory has been read (by one thread,
     * before any entry). Not a {@link FileChannel}, so that the zip reads it as it reads an S3
     * object: by moving it, then reading.
     */
    private static final class ContendedBytes implements ArchiveBytes {
        private final ArchiveBytes file;
        private volatile boolean contended;
        private final List<Long> moves = Collections.synchronizedList(new ArrayList<>());

        ContendedBytes(Path file) {
            this.file = ArchiveBytes.of(file);
        }

        /** How often the channel was moved once contended, by entry streams or by opening entries. */
        int moved() {
            return moves.size();
        }

        @Override
        public String name() {
            return file.name();
        }

        @Override
        public long size() throws IOException {
            return file.size();
        }

        @Override
        public SeekableByteChannel channel() throws IOException {
            return new ContendedChannel(file.channel());
        }

        @Override
        public InputStream stream() throws IOException {
            return file.stream();
        }

        @Override
        public Path workFolder() {
            return file.workFolder();
        }

        private final class ContendedChannel implements SeekableByteChannel {
            private final SeekableByteChannel file;

            ContendedChannel(SeekableByteChannel file) {
                this.file = file;
            }

            @Override
            public SeekableByteChannel position(long newPosition) throws IOException {
                file.position(newPosition);
                contended |= Thread.holdsLock(this);
                if (contended) {
                    moves.add(newPosition);
                    if (!Thread.holdsLock(this)) {
                        synchronized (this) {
                            file.position(0);
                            file.read(ByteBuffer.allocate(64));
                        }
                    }
                }
                return this;
            }

            @Override
            public int read(ByteBuffer dst) throws IOException {
                return file.read(dst);
            }

            @Override
            public int write(ByteBuffer src) throws IOException {
                return file.write(src);
            }

            @Override
            public long position() throws IOException {
                return file.position();
            }

            @Override
            public long size() throws IOException {
                return file.size();
            }

            @Override
            public SeekableByteChannel truncate(long size) throws IOException {
                return file.truncate(size);
            }

            @Override
            public boolean isOpen() {
                return file.isOpen();
            }

            @Override
            public void close() throws IOException {
                file.close();
            }
        }
    }
}

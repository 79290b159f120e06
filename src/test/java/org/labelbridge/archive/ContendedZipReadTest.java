package org.labelbridge.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.convert.ConversionListener;
import org.labelbridge.convert.ConversionOptions;
import org.labelbridge.convert.ConversionResult;
import org.labelbridge.convert.Converter;
import org.labelbridge.testing.Zips;

/**
 * A zip read in place is read by several threads through one channel (the writer thread copies
 * images raw while the pipeline reads entries; a large entry is inflated ahead). Here the
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
        Path zip = storedAndDeflatedEntries(tmp.resolve("entries.zip"), 240);
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
        Files.createDirectories(dir.resolve("annotations"));
        Files.createDirectories(dir.resolve("images/train"));
        Map<String, byte[]> images = new LinkedHashMap<>();
        StringBuilder imageJson = new StringBuilder();
        StringBuilder annotationJson = new StringBuilder();
        Random random = new Random(11);
        for (int i = 0; i < 40; i++) {
            byte[] image = new byte[2000 + random.nextInt(6000)];
            random.nextBytes(image);
            images.put("img" + i + ".jpg", image);
            Files.write(dir.resolve("images/train/img" + i + ".jpg"), image);
            imageJson.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT,
                    "{\"id\": %d, \"file_name\": \"img%d.jpg\", \"width\": 200, \"height\": 100}", i + 1, i));
            annotationJson.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT,
                    "{\"id\": %d, \"image_id\": %d, \"category_id\": 1, \"bbox\": [%d, 20, 30, 40], \"area\": 1200,"
                            + " \"iscrowd\": 0, \"segmentation\": []}", i + 1, i + 1, 10 + i));
        }
        Files.writeString(dir.resolve("annotations/instances_train.json"), "{\"images\": [" + imageJson
                + "], \"categories\": [{\"id\": 1, \"name\": \"car\"}], \"annotations\": [" + annotationJson + "]}");
        Path input = Zips.zipFolder(dir, tmp.resolve("coco.zip"), "");
        ContendedBytes bytes = new ContendedBytes(input);
        Path output = tmp.resolve("yolo.zip");

        ConversionResult result = Converter.convert(bytes, "coco", "yolo", ConversionOptions.DEFAULTS,
                OutputChannel.toFile(output), ConversionListener.NONE, ArchiveLimits.DEFAULTS);

        assertEquals(40, result.report().itemsOut());
        assertEquals(0, result.report().droppedAnnotations());
        List<String> names = Zips.names(output);
        try (ZipFile written = new ZipFile(output.toFile())) {
            for (var image : images.entrySet()) {
                List<String> copies = names.stream().filter(n -> n.endsWith("/" + image.getKey())).toList();
                assertEquals(1, copies.size(), image.getKey() + " in " + names);
                try (InputStream in = written.getInputStream(written.getEntry(copies.get(0)))) {
                    assertArrayEquals(image.getValue(), in.readAllBytes(), image.getKey());
                }
                String stem = image.getKey().replace(".jpg", "");
                List<String> labels = names.stream().filter(n -> n.endsWith("/" + stem + ".txt")).toList();
                assertEquals(1, labels.size(), stem + "'s label file in " + names);
                assertTrue(Zips.text(output, labels.get(0)).startsWith("0 "), labels.get(0));
            }
        }
        assertTrue(bytes.moved() > 0, "no entry was read through the contended channel: the test proves nothing");
    }

    /** Entries alternately stored and deflated, of text and of noise, of 0 to 3000 bytes. */
    private static Path storedAndDeflatedEntries(Path zip, int count) throws IOException {
        Random random = new Random(5);
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(zip)) {
            for (int i = 0; i < count; i++) {
                byte[] data = i % 3 == 0 ? noise(random, random.nextInt(3000))
                        : ("entry " + i + " ").repeat(random.nextInt(200)).getBytes(StandardCharsets.UTF_8);
                ZipArchiveEntry entry = new ZipArchiveEntry("dir" + i % 7 + "/entry" + i + (i % 3 == 0 ? ".bin" : ".txt"));
                if (i % 2 == 0) {
                    CRC32 crc = new CRC32();
                    crc.update(data);
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(data.length);
                    entry.setCrc(crc.getValue());
                } else {
                    entry.setMethod(ZipEntry.DEFLATED);
                }
                out.putArchiveEntry(entry);
                out.write(data);
                out.closeArchiveEntry();
            }
        }
        return zip;
    }

    private static byte[] noise(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
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
        private final Path file;
        private volatile boolean contended;
        private final List<Long> moves = Collections.synchronizedList(new ArrayList<>());

        ContendedBytes(Path file) {
            this.file = file;
        }

        /** How often the channel was moved once contended, by entry streams or by opening entries. */
        int moved() {
            return moves.size();
        }

        @Override
        public String name() {
            return file.getFileName().toString();
        }

        @Override
        public long size() throws IOException {
            return Files.size(file);
        }

        @Override
        public SeekableByteChannel channel() throws IOException {
            return new ContendedChannel(FileChannel.open(file, StandardOpenOption.READ));
        }

        @Override
        public InputStream stream() throws IOException {
            return Files.newInputStream(file);
        }

        @Override
        public Path workFolder() {
            return null;
        }

        private final class ContendedChannel implements SeekableByteChannel {
            private final FileChannel file;

            ContendedChannel(FileChannel file) {
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

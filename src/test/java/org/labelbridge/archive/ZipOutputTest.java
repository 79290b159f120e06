package org.labelbridge.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.FormatException;
import org.labelbridge.model.Media;

class ZipOutputTest {

    @TempDir
    Path tmp;

    /** An input zip whose image is deflated, to see that its compressed bytes move unchanged. */
    private Path inputWithDeflatedImage(byte[] image) throws IOException {
        Path file = tmp.resolve("in.zip");
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(file)) {
            ZipArchiveEntry entry = new ZipArchiveEntry("images/a.png");
            entry.setMethod(ZipArchiveEntry.DEFLATED);
            zip.putArchiveEntry(entry);
            zip.write(image);
            zip.closeArchiveEntry();
        }
        return file;
    }

    private Path write(Path input, String name) throws IOException {
        Path out = tmp.resolve(name);
        try (InputArchive in = InputArchive.open(input); ZipOutput zip = new ZipOutput(out, in.source(), true)) {
            try (OutputStream late = zip.deferred("annotations.xml")) {
                late.write("<annotations/>".getBytes(StandardCharsets.UTF_8));
            }
            assertTrue(zip.copyMedia(new Media("images/a.png", 4, 4), "images/train/a.png"));
            assertFalse(zip.copyMedia(new Media("images/missing.png", 4, 4), "images/train/m.png"));
            try (OutputStream labels = zip.entry("labels/a.txt")) {
                labels.write("0 0.5 0.5 1 1\n".getBytes(StandardCharsets.UTF_8));
            }
            zip.finish();
        }
        return out;
    }

    @Test
    void copiesImagesRawWritesDeferredFilesLastAndIsReproducible() throws IOException {
        byte[] image = new byte[5000];
        new Random(3).nextBytes(image);
        Path input = inputWithDeflatedImage(image);
        Path first = write(input, "out1.zip");
        Path second = write(input, "out2.zip");
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second), "same input, same bytes");

        try (ZipFile in = ZipFile.builder().setPath(input).get(); ZipFile out = ZipFile.builder().setPath(first).get()) {
            List<String> names = new ArrayList<>();
            Collections.list(out.getEntries()).forEach(e -> names.add(e.getName()));
            assertEquals(List.of("images/train/a.png", "labels/a.txt", "annotations.xml"), names);
            ZipArchiveEntry source = in.getEntry("images/a.png");
            ZipArchiveEntry copy = out.getEntry("images/train/a.png");
            assertEquals(source.getMethod(), copy.getMethod());
            assertEquals(source.getCrc(), copy.getCrc());
            assertArrayEquals(in.getRawInputStream(source).readAllBytes(), out.getRawInputStream(copy).readAllBytes(),
                    "compressed bytes moved unchanged");
            assertArrayEquals(image, out.getInputStream(copy).readAllBytes());
            assertEquals(java.time.LocalDateTime.of(1980, 1, 1, 0, 0), java.time.LocalDateTime.ofInstant(
                    copy.getLastModifiedTime().toInstant(), java.time.ZoneId.systemDefault()), "fixed DOS time");
        }
    }

    @Test
    void anUnfinishedOutputLeavesNoFile() throws IOException {
        Path out = tmp.resolve("partial.zip");
        try (ZipOutput zip = new ZipOutput(out, null, false); OutputStream s = zip.entry("a.txt")) {
            s.write(1);
        }
        assertFalse(Files.exists(out));
    }

    @Test
    void twoFilesWithOneNameAreAnError() throws IOException {
        try (ZipOutput zip = new ZipOutput(tmp.resolve("dup.zip"), null, false)) {
            zip.entry("labels/a.txt").close();
            FormatException e = assertThrows(FormatException.class, () -> zip.entry("labels/a.txt"));
            assertTrue(e.getMessage().contains("'labels/a.txt' would be written twice"), e.getMessage());
            assertThrows(FormatException.class, () -> zip.entry("../escape.txt"));
        }
    }

    @Test
    void imagesFromAFolderAreStored() throws IOException {
        Path dir = tmp.resolve("ds");
        Files.createDirectories(dir.resolve("images"));
        Files.write(dir.resolve("images/a.jpg"), new byte[] {1, 2, 3});
        Path out = tmp.resolve("out.zip");
        try (ZipOutput zip = new ZipOutput(out, DirectorySource.of(dir), true)) {
            zip.copyMedia(new Media("images/a.jpg", null, null), "JPEGImages/a.jpg");
            zip.finish();
        }
        try (ZipFile z = ZipFile.builder().setPath(out).get()) {
            ZipArchiveEntry e = z.getEntry("JPEGImages/a.jpg");
            assertEquals(ZipArchiveEntry.STORED, e.getMethod());
            assertArrayEquals(new byte[] {1, 2, 3}, z.getInputStream(e).readAllBytes());
        }
    }

    @Test
    void smallAndLargeEntriesKeepTheirBytesAndSmallFilesComeAfterTheLarge() throws IOException {
        byte[] large = new byte[ZipOutput.CHUNK * 3 + 17]; // handed on in chunks
        new Random(5).nextBytes(large);
        Path out = tmp.resolve("sizes.zip");
        List<String> expected = new ArrayList<>();
        try (ZipOutput zip = new ZipOutput(out, null, false)) {
            for (int i = 0; i < 2000; i++) {
                String name = "labels/" + i + ".txt";
                expected.add(name);
                try (OutputStream s = zip.entry(name)) {
                    s.write(("0 0.5 0.5 " + i + "\n").getBytes(StandardCharsets.UTF_8));
                }
                if (i == 1000) {
                    expected.add(0, "big.bin"); // large: in place; the small files that are not images go after
                    try (OutputStream s = zip.entry("big.bin")) {
                        s.write(large, 0, 10);
                        s.write(large, 10, large.length - 10);
                    }
                    expected.add("empty.txt");
                    zip.entry("empty.txt").close();
                }
            }
            zip.finish();
        }
        try (ZipFile z = ZipFile.builder().setPath(out).get()) {
            List<String> names = new ArrayList<>();
            Collections.list(z.getEntries()).forEach(e -> names.add(e.getName()));
            assertEquals(expected, names);
            assertArrayEquals(large, z.getInputStream(z.getEntry("big.bin")).readAllBytes());
            assertEquals("0 0.5 0.5 1999\n", new String(z.getInputStream(z.getEntry("labels/1999.txt")).readAllBytes(),
                    StandardCharsets.UTF_8));
            assertEquals(0, z.getInputStream(z.getEntry("empty.txt")).readAllBytes().length);
            assertEquals(ZipArchiveEntry.STORED, z.getEntry("labels/7.txt").getMethod(), "small: stored");
            assertEquals(ZipArchiveEntry.DEFLATED, z.getEntry("big.bin").getMethod());
        }
    }

    @Test
    void aFailureOnTheZipThreadFailsTheOutputWithItsMessageAndLeavesNoFile() throws IOException {
        DatasetSource unreadable = new DatasetSource() {
            @Override
            public List<String> files() {
                return List.of("images/a.jpg");
            }

            @Override
            public boolean exists(String path) {
                return true;
            }

            @Override
            public InputStream open(String path) throws IOException {
                throw new IOException("ds/" + path + ": unreadable");
            }

            @Override
            public long size(String path) {
                return 3;
            }

            @Override
            public String describe(String path) {
                return "ds/" + path;
            }

            @Override
            public DatasetSource under(String folder) {
                return this;
            }
        };
        Path out = tmp.resolve("failed.zip");
        ZipOutput zip = new ZipOutput(out, unreadable, true);
        zip.copyMedia(new Media("images/a.jpg", null, null), "images/a.jpg"); // fails later, on the zip's thread
        IOException e = assertThrows(IOException.class, () -> {
            for (int i = 0; i < 10_000; i++) {
                try (OutputStream s = zip.entry("labels/" + i + ".txt")) {
                    s.write(1);
                }
            }
            zip.finish();
        });
        assertEquals("ds/images/a.jpg: unreadable", e.getMessage());
        zip.close();
        assertFalse(Files.exists(out), "no output after a failure");
    }

    @Test
    void contentEntriesAreEncodedInParallelButWrittenInOrder() throws IOException {
        Path out = tmp.resolve("content.zip");
        List<String> expected = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        try (ZipOutput zip = new ZipOutput(out, null, false)) {
            for (int i = 0; i < 300; i++) {
                String name = "masks/" + i + ".png";
                expected.add(name);
                int n = i;
                zip.entry(name, s -> {
                    if (n % 7 == 0) {
                        pause(2); // finishes after later ones
                    }
                    s.write(("mask " + n).repeat(n % 5 == 0 ? 200 : 1).getBytes(StandardCharsets.UTF_8));
                });
                if (i % 50 == 0) {
                    labels.add("labels/" + i + ".txt");
                    zip.text("labels/" + i + ".txt", "0 0.5 0.5 1 1\n");
                }
            }
            zip.finish();
        }
        expected.addAll(labels); // the small annotation files together, after the images, in their order
        try (ZipFile z = ZipFile.builder().setPath(out).get()) {
            List<String> names = new ArrayList<>();
            Collections.list(z.getEntries()).forEach(e -> names.add(e.getName()));
            assertEquals(expected, names);
            assertEquals("mask 10".repeat(200), new String(z.getInputStream(z.getEntry("masks/10.png")).readAllBytes(),
                    StandardCharsets.UTF_8));
            assertEquals(ZipArchiveEntry.STORED, z.getEntry("masks/10.png").getMethod(), "images are not deflated again");
        }
    }

    @Test
    void aContentThatFailsFailsTheOutputWithItsMessageAndTheCloseDoesNotHang() throws IOException {
        Path out = tmp.resolve("failed-content.zip");
        ZipOutput zip = new ZipOutput(out, null, false);
        IOException e = assertThrows(IOException.class, () -> {
            for (int i = 0; i < 1000; i++) {
                int n = i;
                zip.entry("masks/" + i + ".png", s -> {
                    if (n == 3) {
                        throw new IOException("masks/3.png: value 300 does not fit the PNG");
                    }
                    pause(1);
                    s.write(1);
                });
            }
            zip.finish();
        });
        assertEquals("masks/3.png: value 300 does not fit the PNG", e.getMessage());
        for (int i = 0; i < 2 * ZipOutput.PENDING_CONTENT; i++) { // no wait for permits the failure took
            String name = "more/" + i + ".png";
            IOException again = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10),
                    () -> assertThrows(IOException.class, () -> zip.entry(name, s -> s.write(1))));
            assertEquals(e.getMessage(), again.getMessage());
        }
        zip.close();
        assertFalse(Files.exists(out));
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

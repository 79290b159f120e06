package org.labelbridge.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The zip writer's output read back by three readers: the JDK's ZipFile (central directory), its
 * ZipInputStream (local headers only) and commons-compress. */
class ZipWriterTest {

    @TempDir
    Path tmp;

    @Test
    void everyKindOfEntryReadsBackInEveryReader() throws IOException {
        byte[] text = "0 0.5 0.5 0.1 0.1\n".getBytes(StandardCharsets.UTF_8);
        byte[] big = new byte[300_000];
        new Random(1).nextBytes(big);
        byte[] repetitive = "abc".repeat(50_000).getBytes(StandardCharsets.UTF_8);
        Map<String, byte[]> expected = new LinkedHashMap<>();
        Path file = tmp.resolve("out.zip");
        try (ZipWriter zip = writer(file)) {
            zip.add("labels/a.txt", ZipEntry.STORED, crc(text), text.length, text, text.length);
            expected.put("labels/a.txt", text);
            zip.add("empty.txt", ZipEntry.STORED, crc(new byte[0]), 0, new byte[0], 0);
            expected.put("empty.txt", new byte[0]);
            byte[] deflated = deflate(repetitive);
            zip.add("known/deflated.txt", ZipEntry.DEFLATED, crc(repetitive), repetitive.length,
                    deflated.length, new ByteArrayInputStream(deflated));
            expected.put("known/deflated.txt", repetitive);
            try (OutputStream out = zip.begin("streamed/big.bin", 0)) {
                out.write(big, 0, 1000);
                out.write(big, 1000, big.length - 1000);
            }
            expected.put("streamed/big.bin", big);
            try (OutputStream out = zip.begin("streamed/деревья ünïcode.json", 6)) {
                out.write(repetitive);
            }
            expected.put("streamed/деревья ünïcode.json", repetitive);
            zip.finish();
        }
        assertEquals(expected.keySet(), readAll(file).keySet());
        Map<String, byte[]> jdk = readAll(file);
        Map<String, byte[]> local = readLocal(file);
        Map<String, byte[]> commons = readCommons(file);
        for (Map.Entry<String, byte[]> e : expected.entrySet()) {
            assertArrayEquals(e.getValue(), jdk.get(e.getKey()), "ZipFile " + e.getKey());
            assertArrayEquals(e.getValue(), local.get(e.getKey()), "ZipInputStream " + e.getKey());
            assertArrayEquals(e.getValue(), commons.get(e.getKey()), "commons " + e.getKey());
        }
        try (ZipFile z = new ZipFile(file.toFile())) {
            assertEquals(java.time.LocalDateTime.of(1980, 1, 1, 0, 0), z.getEntry("labels/a.txt").getTimeLocal());
            assertEquals(ZipEntry.STORED, z.getEntry("labels/a.txt").getMethod());
            assertEquals(ZipEntry.DEFLATED, z.getEntry("streamed/big.bin").getMethod());
            assertEquals(ZipEntry.DEFLATED, z.getEntry("known/deflated.txt").getMethod());
        }
    }

    @Test
    void moreThan65535EntriesGetZip64EndRecords() throws IOException {
        Path file = tmp.resolve("many.zip");
        int count = 70_000;
        try (ZipWriter zip = writer(file)) {
            for (int i = 0; i < count; i++) {
                byte[] data = Integer.toString(i).getBytes(StandardCharsets.UTF_8);
                zip.add("l/" + i + ".txt", ZipEntry.STORED, crc(data), data.length, data, data.length);
            }
            zip.finish();
        }
        try (ZipFile z = new ZipFile(file.toFile())) {
            assertEquals(count, z.size());
            assertEquals("69999", new String(z.getInputStream(z.getEntry("l/69999.txt")).readAllBytes(),
                    StandardCharsets.UTF_8));
        }
        try (org.apache.commons.compress.archivers.zip.ZipFile z =
                     org.apache.commons.compress.archivers.zip.ZipFile.builder().setPath(file).get()) {
            assertEquals(count, Collections.list(z.getEntries()).size());
        }
    }

    @Test
    void dataShorterThanDeclaredIsAnErrorAndANewEntryWaitsForTheStreamedOne() throws IOException {
        try (ZipWriter zip = writer(tmp.resolve("bad.zip"))) {
            ZipException e = assertThrows(ZipException.class, () -> zip.add("images/a.jpg", ZipEntry.STORED, 0, 10, 10,
                    new ByteArrayInputStream(new byte[4])));
            assertEquals("entry images/a.jpg: expected 10 bytes of data, got 4", e.getMessage());
        }
        try (ZipWriter zip = writer(tmp.resolve("open.zip"))) {
            zip.begin("a.json", 6);
            assertThrows(ZipException.class, () -> zip.add("b.txt", ZipEntry.STORED, 0, 0, new byte[0], 0));
        }
    }

    @Test
    void theSameEntriesGiveTheSameBytes() throws IOException {
        Path a = tmp.resolve("a.zip");
        Path b = tmp.resolve("b.zip");
        for (Path file : List.of(a, b)) {
            try (ZipWriter zip = writer(file)) {
                try (OutputStream out = zip.begin("x.json", 6)) {
                    out.write("{\"images\": []}".repeat(1000).getBytes(StandardCharsets.UTF_8));
                }
                zip.add("y.txt", ZipEntry.STORED, crc(new byte[] {1}), 1, new byte[] {1}, 1);
                zip.finish();
            }
        }
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        assertTrue(Files.size(a) > 0);
    }

    // --- helpers --------------------------------------------------------------------------------

    private static long crc(byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(data);
        return crc.getValue();
    }

    private static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(6, true);
        deflater.setInput(data);
        deflater.finish();
        byte[] out = new byte[data.length + 1024];
        int n = deflater.deflate(out);
        deflater.end();
        return java.util.Arrays.copyOf(out, n);
    }

    private static Map<String, byte[]> readAll(Path file) throws IOException {
        Map<String, byte[]> all = new LinkedHashMap<>();
        try (ZipFile z = new ZipFile(file.toFile())) {
            for (ZipEntry e : Collections.list(z.entries())) {
                try (InputStream in = z.getInputStream(e)) {
                    all.put(e.getName(), in.readAllBytes());
                }
            }
        }
        return all;
    }

    private static Map<String, byte[]> readLocal(Path file) throws IOException {
        Map<String, byte[]> all = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(file))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                all.put(e.getName(), in.readAllBytes());
            }
        }
        return all;
    }

    private static Map<String, byte[]> readCommons(Path file) throws IOException {
        Map<String, byte[]> all = new LinkedHashMap<>();
        try (org.apache.commons.compress.archivers.zip.ZipFile z =
                     org.apache.commons.compress.archivers.zip.ZipFile.builder().setPath(file).get()) {
            List<org.apache.commons.compress.archivers.zip.ZipArchiveEntry> entries = new ArrayList<>(
                    Collections.list(z.getEntries()));
            for (var e : entries) {
                try (InputStream in = z.getInputStream(e)) {
                    all.put(e.getName(), in.readAllBytes());
                }
            }
        }
        return all;
    }

    private static ZipWriter writer(Path file) throws IOException {
        return new ZipWriter(java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.TRUNCATE_EXISTING, java.nio.file.StandardOpenOption.WRITE));
    }
}

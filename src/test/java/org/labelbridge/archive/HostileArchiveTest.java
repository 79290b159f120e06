package org.labelbridge.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.UnixStat;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.format.FormatException;

/**
 * Archives built to hurt: each must end in a clear {@link UnsafeArchiveException} (or, for
 * nested archives, in nothing being opened), before anything is read or written outside the
 * work folder, and for the size limits before the data is read at all.
 */
class HostileArchiveTest {

    @TempDir
    Path tmp;

    /** Small limits so that each case stays small: 10 entries, 64 KB in all, ratio 200, depth 4. */
    private static final ArchiveLimits SMALL = new ArchiveLimits(10, 64 << 10, 200, 4);

    // --- names -----------------------------------------------------------------------------

    @Test
    void controlCharactersInNamesAreRefused() throws IOException {
        Path zip = Archives.zip(tmp.resolve("ctl.zip"), Map.of("ds/a\u0000.jpg", "x"));
        assertRefused(zip, "ctl.zip: entry 'ds/a\\u0000.jpg' has a control character in its name");
        Path tar = Archives.tar(tmp.resolve("ctl.tar"), Map.of("ds/a\nb.jpg", "x"), false);
        assertRefused(tar, "ctl.tar: entry 'ds/a\\u000ab.jpg' has a control character in its name");
    }

    @Test
    void pathsDeeperThanTheLimitAreRefused() throws IOException {
        Path zip = Archives.zip(tmp.resolve("deep.zip"), Map.of("a/b/c/d/e.jpg", "x"));
        assertRefused(zip, SMALL, "deep.zip: entry 'a/b/c/d/e.jpg' is 5 levels deep, more than the limit of 4"
                + " (LABELBRIDGE_MAX_PATH_DEPTH)");
        Path tar = Archives.tar(tmp.resolve("deep.tar"), Map.of("a/b/c/d/e.jpg", "x"), false);
        assertRefused(tar, SMALL, "deep.tar: entry 'a/b/c/d/e.jpg' is 5 levels deep");
        assertEquals(List.of("a/b/c/e.jpg"), filesOf(Archives.zip(tmp.resolve("ok.zip"), Map.of("a/b/c/e.jpg", "x")), SMALL));
    }

    @Test
    void namesLongerThanAFileSystemTakesAreRefused() throws IOException {
        String longName = "ds/" + "n".repeat(256) + ".jpg";
        Path tar = Archives.tar(tmp.resolve("long.tar"), Map.of(longName, "x"), false);
        assertRefused(tar, "has a name longer than 255 bytes");
    }

    // --- links, duplicates, encryption -------------------------------------------------------

    @Test
    void zipSymbolicLinksAreRefused() throws IOException {
        Path zip = tmp.resolve("link.zip");
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(zip)) {
            ZipArchiveEntry link = new ZipArchiveEntry("ds/passwd");
            link.setUnixMode(UnixStat.LINK_FLAG | 0777);
            out.putArchiveEntry(link);
            out.write("/etc/passwd".getBytes(StandardCharsets.UTF_8));
            out.closeArchiveEntry();
        }
        assertRefused(zip, "link.zip: entry 'ds/passwd' is a symbolic link");
    }

    @Test
    void tarHardLinksAreRefused() throws IOException {
        Path tar = tmp.resolve("hard.tar");
        try (OutputStream out = Files.newOutputStream(tar); TarArchiveOutputStream t = new TarArchiveOutputStream(out)) {
            TarArchiveEntry link = new TarArchiveEntry("ds/shadow", TarArchiveEntry.LF_LINK);
            link.setLinkName("/etc/shadow");
            t.putArchiveEntry(link);
            t.closeArchiveEntry();
        }
        assertRefused(tar, "hard.tar: entry 'ds/shadow' is a link");
    }

    @Test
    void duplicateNamesAreRefusedAlsoWhenTheyDifferOnlyInSpelling() throws IOException {
        Path zip = tmp.resolve("dup.zip");
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(zip)) {
            for (String name : List.of("ds/a.jpg", "ds/./a.jpg")) {
                out.putArchiveEntry(new ZipArchiveEntry(name));
                out.write(name.getBytes(StandardCharsets.UTF_8));
                out.closeArchiveEntry();
            }
        }
        assertRefused(zip, "dup.zip: entry 'ds/a.jpg' appears twice");
        Path tar = tarOf("dup.tar", List.of("ds/a.jpg", "ds\\a.jpg"));
        assertRefused(tar, "dup.tar: entry 'ds/a.jpg' appears twice");
    }

    @Test
    void aTarFileThatIsAlsoAFolderIsRefused() throws IOException {
        assertRefused(tarOf("clash.tar", List.of("ds/a", "ds/a/b.jpg")), "clash.tar: entry 'ds/a/b.jpg' is inside an entry that is a file");
        assertRefused(tarOf("clash2.tar", List.of("ds/a/b.jpg", "ds/a")), "clash2.tar: entry 'ds/a' appears twice (as a file and as a folder)");
    }

    @Test
    void encryptedZipEntriesAreRefusedOnOpening() throws IOException {
        Path zip = tmp.resolve("secret.zip");
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(zip)) {
            out.putArchiveEntry(new ZipArchiveEntry("ds/a.jpg"));
            out.write(new byte[12]);
            out.closeArchiveEntry();
        }
        // Commons Compress writes no encrypted entries: set the flag (bit 0) as an encrypting tool would.
        patchEntries(zip, 6, 8, flags -> flags | 1, true);
        assertRefused(zip, "secret.zip: entry 'ds/a.jpg' is encrypted");
    }

    // --- bombs ---------------------------------------------------------------------------------

    @Test
    void tooManyEntriesAreRefusedFromTheZipEndRecordBeforeItsDirectoryIsRead() throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        for (int i = 0; i < 11; i++) {
            entries.put("ds/" + i + ".txt", "x");
        }
        assertRefused(Archives.zip(tmp.resolve("many.zip"), entries), SMALL,
                "many.zip: declares 11 entries, more than the limit of 10 (LABELBRIDGE_MAX_ENTRIES)");
        assertRefused(Archives.tar(tmp.resolve("many.tgz"), entries, true), SMALL,
                "many.tgz: more than 10 entries (LABELBRIDGE_MAX_ENTRIES)");
    }

    @Test
    void aZipWhoseEndRecordUnderstatesItsEntriesIsStillCounted() throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        for (int i = 0; i < 11; i++) {
            entries.put("ds/" + i + ".txt", "x");
        }
        Path zip = Archives.zip(tmp.resolve("understated.zip"), entries);
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(zip)).order(ByteOrder.LITTLE_ENDIAN);
        int end = bytes.capacity() - 22; // no comment: the end record is the last 22 bytes
        assertEquals(0x06054b50, bytes.getInt(end));
        bytes.putShort(end + 8, (short) 2).putShort(end + 10, (short) 2);
        Files.write(zip, bytes.array());

        assertRefused(zip, SMALL, "understated.zip: more than 10 entries (LABELBRIDGE_MAX_ENTRIES)");
    }

    @Test
    void aZipWhoseEntriesAddUpBeyondTheLimitIsRefusedFromItsDirectory() throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        for (int i = 0; i < 3; i++) {
            entries.put("ds/" + i + ".txt", "y".repeat(30 << 10));
        }
        assertRefused(Archives.zip(tmp.resolve("big.zip"), entries), SMALL,
                "big.zip: its entries hold more than 0 MB uncompressed (LABELBRIDGE_MAX_UNCOMPRESSED_MB)");
    }

    @Test
    void aHighlyCompressedZipEntryIsRefusedFromItsDirectory() throws IOException {
        Path zip = tmp.resolve("ratio.zip");
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(zip)) {
            ZipArchiveEntry entry = new ZipArchiveEntry("ds/zeros.bin");
            entry.setMethod(ZipArchiveEntry.DEFLATED);
            out.putArchiveEntry(entry);
            out.write(new byte[4 << 20]);
            out.closeArchiveEntry();
        }
        FormatException e = assertThrows(UnsafeArchiveException.class, () -> InputArchive.open(zip).close());
        assertTrue(e.getMessage().matches("ratio\\.zip: entry 'ds/zeros\\.bin' expands 4194304 bytes from \\d+, more than the"
                + " limit of 200 to 1 \\(LABELBRIDGE_MAX_COMPRESSION_RATIO; a zip bomb\\?\\)"), e.getMessage());
    }

    @Test
    void aZipEntryThatInflatesPastItsDeclaredSizeIsStoppedThere() throws IOException {
        Path zip = tmp.resolve("liar.zip");
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(zip)) {
            ZipArchiveEntry entry = new ZipArchiveEntry("ds/zeros.bin");
            entry.setMethod(ZipArchiveEntry.DEFLATED);
            out.putArchiveEntry(entry);
            out.write(new byte[1 << 20]);
            out.closeArchiveEntry();
        }
        declareUncompressedSize(zip, 10);
        try (InputArchive archive = InputArchive.open(zip); InputStream in = archive.source().open("ds/zeros.bin")) {
            UnsafeArchiveException e = assertThrows(UnsafeArchiveException.class, () -> in.readAllBytes());
            assertEquals("liar.zip: entry 'ds/zeros.bin' holds more than the 10 bytes its archive declares (a zip bomb?)",
                    e.getMessage());
        }
    }

    @Test
    void aTarEntryBeyondTheLimitIsRefusedFromItsHeaderBeforeAByteIsWritten() throws IOException {
        // The header claims 1 TB and no data follows: only a check of the header can answer this way.
        Path tar = Files.write(tmp.resolve("huge.tar"), tarWithDeclaredSize("ds/huge.bin", 1L << 40));
        assertRefused(tar, "huge.tar: its entries hold more than 10240 MB uncompressed (LABELBRIDGE_MAX_UNCOMPRESSED_MB),"
                + " reached at entry 'ds/huge.bin'");
    }

    @Test
    void aTarEntryLongerThanTheRestOfTheTarIsRefusedFromItsHeader() throws IOException {
        Path tar = Files.write(tmp.resolve("short.tar"), tarWithDeclaredSize("ds/huge.bin", 1L << 50));
        ArchiveLimits unlimited = new ArchiveLimits(10, Long.MAX_VALUE, 200, 32);
        FormatException e = assertThrows(FormatException.class, () -> InputArchive.open(tar, unlimited).close());
        assertEquals("short.tar: corrupt tar archive (entry 'ds/huge.bin' declares " + (1L << 50) + " bytes, more than"
                + " the 1024 left in the archive)", e.getMessage());
    }

    @Test
    void aTarGzEntryLargerThanTheScratchCopysRoomIsRefusedBeforeItIsInflated() throws IOException {
        Path tgz = gzip(tarWithDeclaredSize("ds/huge.bin", 1L << 50), tmp.resolve("disk.tgz"));
        ArchiveLimits unlimited = new ArchiveLimits(10, Long.MAX_VALUE, Long.MAX_VALUE, 32);
        FormatException e = assertThrows(UnsafeArchiveException.class, () -> InputArchive.open(tgz, unlimited).close());
        assertTrue(e.getMessage().startsWith("disk.tgz: not enough space to inflate entry 'ds/huge.bin' ("
                + (1L << 50) + " bytes, "), e.getMessage());
    }

    @Test
    void aGzipBombIsRefusedAtTheEntryThatWouldExceedTheRatioBeforeAByteOfItIsInflated() throws IOException {
        Path tgz = tmp.resolve("bomb.tgz");
        try (OutputStream raw = Files.newOutputStream(tgz); OutputStream gz = new GzipCompressorOutputStream(raw);
             TarArchiveOutputStream t = new TarArchiveOutputStream(gz)) {
            t.putArchiveEntry(file("ds/small.txt", 2));
            t.write(new byte[2]);
            t.closeArchiveEntry();
            t.putArchiveEntry(file("ds/zeros.bin", 8 << 20));
            t.write(new byte[8 << 20]);
            t.closeArchiveEntry();
        }
        RecordedScratch scratch = new RecordedScratch();

        UnsafeArchiveException e = assertThrows(UnsafeArchiveException.class,
                () -> InputArchive.open(Archives.withScratch(tgz, scratch), ArchiveLimits.DEFAULTS).close());

        assertEquals("bomb.tgz: expands to more than 200 times its size (LABELBRIDGE_MAX_COMPRESSION_RATIO; a gzip bomb?),"
                + " reached at entry 'ds/zeros.bin'", e.getMessage());
        // small.txt's header and its data block, then zeros.bin's header: not a byte of its data.
        assertEquals(3 * 512, scratch.written, "the bomb's entry was refused before a byte of it was inflated");
        assertTrue(scratch.closed, "the scratch copy is deleted");
    }

    /** A scratch copy that counts what is written to it and remembers being closed. */
    private static final class RecordedScratch implements ScratchCopy {
        long written;
        boolean closed;

        @Override
        public String name() {
            return "recorded";
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            written += length;
        }

        @Override
        public long room() {
            return Long.MAX_VALUE;
        }

        @Override
        public ArchiveBytes finish() {
            throw new AssertionError("a refused archive is never finished");
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void archivesInsideTheArchiveAreNeverOpened() throws IOException {
        Path inner = Archives.zip(tmp.resolve("inner.zip"), Map.of("../../escape.txt", "x", "ds/a.jpg", "y"));
        Path outerZip = tmp.resolve("outer.zip");
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(outerZip)) {
            out.putArchiveEntry(new ZipArchiveEntry("data/inner.zip"));
            out.write(Files.readAllBytes(inner));
            out.closeArchiveEntry();
        }
        Path outerTar = tmp.resolve("outer.tar");
        try (OutputStream raw = Files.newOutputStream(outerTar); TarArchiveOutputStream t = new TarArchiveOutputStream(raw)) {
            byte[] bytes = Files.readAllBytes(inner);
            t.putArchiveEntry(file("data/inner.zip", bytes.length));
            t.write(bytes);
            t.closeArchiveEntry();
        }
        assertEquals(List.of("data/inner.zip"), filesOf(outerZip, ArchiveLimits.DEFAULTS));
        assertEquals(List.of("data/inner.zip"), filesOf(outerTar, ArchiveLimits.DEFAULTS));
    }

    @Test
    void limitsComeFromTheEnvironmentAndBadValuesAreNamed() {
        assertEquals(ArchiveLimits.DEFAULTS, ArchiveLimits.fromEnvironment(Map.of()));
        assertEquals(new ArchiveLimits(5, 3L << 20, 10, 7), ArchiveLimits.fromEnvironment(Map.of(
                "LABELBRIDGE_MAX_ENTRIES", "5", "LABELBRIDGE_MAX_UNCOMPRESSED_MB", "3",
                "LABELBRIDGE_MAX_COMPRESSION_RATIO", "10", "LABELBRIDGE_MAX_PATH_DEPTH", "7")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ArchiveLimits.fromEnvironment(Map.of("LABELBRIDGE_MAX_ENTRIES", "-1")));
        assertEquals("LABELBRIDGE_MAX_ENTRIES must be a positive whole number, got '-1'", e.getMessage());
    }

    // --- helpers ----------------------------------------------------------------------------

    private void assertRefused(Path archive, String expected) {
        assertRefused(archive, ArchiveLimits.DEFAULTS, expected);
    }

    private void assertRefused(Path archive, ArchiveLimits limits, String expected) {
        UnsafeArchiveException e = assertThrows(UnsafeArchiveException.class, () -> InputArchive.open(archive, limits).close());
        assertTrue(e.getMessage().startsWith(expected) || e.getMessage().endsWith(expected), e.getMessage());
        assertFalse(Files.exists(tmp.getParent().resolve("escape.txt")));
    }

    private static List<String> filesOf(Path archive, ArchiveLimits limits) throws IOException {
        try (InputArchive opened = InputArchive.open(archive, limits)) {
            return opened.source().files();
        }
    }

    private Path tarOf(String name, List<String> entries) throws IOException {
        Path tar = tmp.resolve(name);
        try (OutputStream out = Files.newOutputStream(tar); TarArchiveOutputStream t = new TarArchiveOutputStream(out)) {
            for (String entry : entries) {
                t.putArchiveEntry(file(entry, 1));
                t.write('x');
                t.closeArchiveEntry();
            }
        }
        return tar;
    }

    private static TarArchiveEntry file(String name, long size) {
        TarArchiveEntry entry = new TarArchiveEntry(name, true);
        entry.setSize(size);
        return entry;
    }

    /** A tar whose only file claims {@code size} bytes (in a PAX header) and has none. */
    private static byte[] tarWithDeclaredSize(String name, long size) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String record = " size=" + size + "\n";
        int length = record.length() + String.valueOf(record.length()).length();
        length = record.length() + String.valueOf(length).length(); // the length counts its own digits
        String pax = length + record;
        byte[] paxBytes = pax.getBytes(StandardCharsets.US_ASCII);
        TarArchiveEntry paxEntry = new TarArchiveEntry("PaxHeaders/" + name, TarArchiveEntry.LF_PAX_EXTENDED_HEADER_LC);
        paxEntry.setSize(paxBytes.length);
        byte[] block = new byte[512];
        paxEntry.writeEntryHeader(block);
        out.write(block);
        byte[] data = new byte[512];
        System.arraycopy(paxBytes, 0, data, 0, paxBytes.length);
        out.write(data);
        TarArchiveEntry fileEntry = new TarArchiveEntry(name, true);
        fileEntry.setSize(0);
        block = new byte[512];
        fileEntry.writeEntryHeader(block);
        out.write(block);
        out.write(new byte[1024]);
        return out.toByteArray();
    }

    private static Path gzip(byte[] bytes, Path file) throws IOException {
        try (OutputStream raw = Files.newOutputStream(file); OutputStream gz = new GzipCompressorOutputStream(raw)) {
            gz.write(bytes);
        }
        return file;
    }

    /** Rewrites the uncompressed size of the zip's (one) entry in its local header and directory. */
    private static void declareUncompressedSize(Path zip, int size) throws IOException {
        patchEntries(zip, 22, 24, old -> size, false);
    }

    /**
     * Rewrites a field of every local header (at {@code localOffset}) and directory entry (at
     * {@code centralOffset}): a short (2 bytes) or an int.
     */
    private static void patchEntries(Path zip, int localOffset, int centralOffset, IntUnaryOperator value, boolean isShort)
            throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(zip)).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i + 4 <= bytes.capacity(); i++) {
            int at = bytes.getInt(i) == 0x04034b50 ? i + localOffset : bytes.getInt(i) == 0x02014b50 ? i + centralOffset : -1;
            if (at >= 0 && isShort) {
                bytes.putShort(at, (short) value.applyAsInt(bytes.getShort(at)));
            } else if (at >= 0) {
                bytes.putInt(at, value.applyAsInt(bytes.getInt(at)));
            }
        }
        Files.write(zip, bytes.array());
    }
}

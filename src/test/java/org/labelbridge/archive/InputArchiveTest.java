package org.labelbridge.archive;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.FormatException;

class InputArchiveTest {

    @TempDir
    Path tmp;

    private static final Map<String, String> DATASET = new LinkedHashMap<>(Map.of(
            "ds/annotations/instances_train.json", "{}",
            "ds/images/train/a.jpg", "JPEG",
            "ds/images/val/b.jpg", "JPEG2"));

    private static String read(DatasetSource source, String path) throws IOException {
        try (InputStream in = source.open(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private void assertDataset(InputArchive archive, InputArchive.Kind kind) throws IOException {
        assertEquals(kind, archive.kind());
        DatasetSource source = archive.source();
        assertEquals(List.of("ds/annotations/instances_train.json", "ds/images/train/a.jpg", "ds/images/val/b.jpg"),
                source.files());
        assertEquals(List.of("ds"), source.foldersIn(""));
        DatasetSource root = source.under("ds");
        assertEquals(List.of("annotations", "images"), root.foldersIn(""));
        assertEquals(List.of("annotations/instances_train.json"), root.filesIn("annotations"));
        assertEquals("JPEG2", read(root, "images/val/b.jpg"));
        assertEquals(5, root.size("images/val/b.jpg"));
        assertTrue(root.describe("images/val/b.jpg").endsWith("!/ds/images/val/b.jpg"), root.describe("images/val/b.jpg"));
    }

    @Test
    void readsAZipInPlace() throws IOException {
        try (InputArchive archive = InputArchive.open(Archives.zip(tmp.resolve("in.zip"), DATASET))) {
            assertDataset(archive, InputArchive.Kind.ZIP);
        }
    }

    @Test
    void readsATarInPlaceAndATarGzThroughAScratchCopyDeletedOnClose() throws IOException {
        for (String name : List.of("in.tar", "in.tar.gz", "in.tgz")) {
            boolean gzip = !name.equals("in.tar");
            Path file = Archives.tar(tmp.resolve(name), DATASET, gzip);
            Path work = Files.createDirectory(tmp.resolve("work-" + name));
            try (InputArchive archive = InputArchive.open(Archives.inWorkFolder(file, work), ArchiveLimits.DEFAULTS)) {
                assertDataset(archive, InputArchive.Kind.TAR);
                List<Path> held = files(work);
                if (gzip) {
                    assertEquals(1, held.size(), "one scratch copy of " + name + ": " + held);
                    // The plain tar the tar.gz holds: blocks of 512 bytes.
                    assertEquals(0, Files.size(held.get(0)) % 512, held.toString());
                } else {
                    assertEquals(List.of(), held, "a tar is read in place: nothing is extracted");
                }
            }
            assertEquals(List.of(), files(work), "the scratch copy of " + name + " is deleted on close");
        }
    }

    private static List<Path> files(Path folder) throws IOException {
        try (var walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void readsAFolderAndABareFile() throws IOException {
        Path dir = tmp.resolve("folder");
        Files.createDirectories(dir.resolve("a"));
        Files.writeString(dir.resolve("a/x.txt"), "x");
        try (InputArchive archive = InputArchive.open(dir)) {
            assertEquals(InputArchive.Kind.FOLDER, archive.kind());
            assertEquals(List.of("a/x.txt"), archive.source().files());
        }
        Path bare = Files.writeString(tmp.resolve("instances_val.json"), "{}");
        try (InputArchive archive = InputArchive.open(bare)) {
            assertEquals(InputArchive.Kind.BARE_FILE, archive.kind());
            assertEquals(List.of("instances_val.json"), archive.source().files());
            assertEquals("{}", read(archive.source(), "instances_val.json"));
        }
    }

    @Test
    void refusesEntriesThatEscapeTheArchive() throws IOException {
        for (String hostile : List.of("../evil.txt", "ds/../../evil.txt", "/etc/passwd", "C:/windows/evil.txt",
                "..\\evil.txt")) {
            Path zip = Archives.zip(tmp.resolve("z" + Math.abs(hostile.hashCode()) + ".zip"), Map.of(hostile, "x"));
            UnsafeArchiveException e = assertThrows(UnsafeArchiveException.class, () -> InputArchive.open(zip).close());
            assertTrue(e.getMessage().matches("z\\d+\\.zip: entry '.*(evil.txt|passwd)' (has an absolute path|points outside the archive \\(\\.\\.\\))"), e.getMessage());
            Path tar = Archives.tar(tmp.resolve("t" + Math.abs(hostile.hashCode()) + ".tar"), Map.of(hostile, "x"), false);
            assertThrows(UnsafeArchiveException.class, () -> InputArchive.open(tar).close(), hostile);
        }
        assertFalse(Files.exists(tmp.getParent().resolve("evil.txt")));
    }

    @Test
    void refusesLinksAndDuplicatesInTar() throws IOException {
        Path tar = tmp.resolve("links.tar");
        try (OutputStream out = Files.newOutputStream(tar); TarArchiveOutputStream t = new TarArchiveOutputStream(out)) {
            TarArchiveEntry link = new TarArchiveEntry("ds/link", TarArchiveEntry.LF_SYMLINK);
            link.setLinkName("/etc/passwd");
            t.putArchiveEntry(link);
            t.closeArchiveEntry();
        }
        UnsafeArchiveException e = assertThrows(UnsafeArchiveException.class, () -> InputArchive.open(tar).close());
        assertEquals("links.tar: entry 'ds/link' is a link", e.getMessage());
    }

    @Test
    void corruptArchivesAreAClearError() throws IOException {
        Path notZip = Files.writeString(tmp.resolve("broken.zip"), "this is not a zip");
        FormatException e = assertThrows(FormatException.class, () -> InputArchive.open(notZip));
        assertTrue(e.getMessage().startsWith("broken.zip: corrupt archive"), e.getMessage());

        Path zip = Archives.zip(tmp.resolve("whole.zip"), DATASET);
        byte[] bytes = Files.readAllBytes(zip);
        Path truncated = Files.write(tmp.resolve("truncated.zip"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        FormatException t = assertThrows(FormatException.class, () -> InputArchive.open(truncated).close());
        assertTrue(t.getMessage().startsWith("truncated.zip: not a readable zip archive"), t.getMessage());

        Path gz = Archives.tar(tmp.resolve("whole.tgz"), DATASET, true);
        byte[] gzBytes = Files.readAllBytes(gz);
        Path cut = Files.write(tmp.resolve("cut.tgz"), java.util.Arrays.copyOf(gzBytes, gzBytes.length - 20));
        FormatException c = assertThrows(FormatException.class, () -> InputArchive.open(cut).close());
        assertTrue(c.getMessage().startsWith("cut.tgz: corrupt tar archive"), c.getMessage());

        assertThrows(FormatException.class, () -> InputArchive.open(tmp.resolve("missing.zip")));
    }
}

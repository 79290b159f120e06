package org.labelbridge.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/** Zips (or tars) a corpus folder as a user would, and reads entries back out of an output zip. */
public final class Zips {

    private Zips() {
    }

    /** Zips every file under {@code dir}, paths relative to it, prefixed by {@code prefix}. */
    public static Path zipFolder(Path dir, Path zip, String prefix) throws IOException {
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(zip); Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                out.putArchiveEntry(new ZipArchiveEntry(prefix + dir.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, out);
                out.closeArchiveEntry();
            }
        }
        return zip;
    }

    /**
     * A zip of {@code count} entries in five folders, alternately stored and deflated, every
     * third of noise (up to {@code maxNoiseBytes}), the others of text: for reading every entry
     * back and comparing it with {@code java.util.zip}.
     */
    public static Path storedAndDeflated(Path zip, int count, int maxNoiseBytes) throws IOException {
        Random random = new Random(count);
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(zip)) {
            for (int i = 0; i < count; i++) {
                byte[] data;
                if (i % 3 == 0) {
                    data = new byte[random.nextInt(maxNoiseBytes)];
                    random.nextBytes(data);
                } else {
                    data = ("entry " + i + " ").repeat(random.nextInt(400)).getBytes(StandardCharsets.UTF_8);
                }
                ZipArchiveEntry entry = new ZipArchiveEntry("part" + i % 5 + "/entry" + i + (i % 3 == 0 ? ".bin" : ".txt"));
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

    /**
     * COCO in {@code dir} (annotations/instances_train.json, images/train/img{i}.jpg): {@code images}
     * JPEG-named images of noise (incompressible) of {@code imageBytes} each, 200x100, one "car"
     * box [10+i, 20, 30, 40] each; zipped beside the folder as {@code set.zip}.
     */
    public static Path cocoWithNoiseImages(Path dir, int images, int imageBytes) throws IOException {
        Files.createDirectories(dir.resolve("annotations"));
        Files.createDirectories(dir.resolve("images/train"));
        StringBuilder imageJson = new StringBuilder();
        StringBuilder annotationJson = new StringBuilder();
        Random random = new Random(7);
        for (int i = 0; i < images; i++) {
            byte[] noise = new byte[imageBytes];
            random.nextBytes(noise);
            Files.write(dir.resolve("images/train/img" + i + ".jpg"), noise);
            imageJson.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT,
                    "{\"id\": %d, \"file_name\": \"img%d.jpg\", \"width\": 200, \"height\": 100}", i + 1, i));
            annotationJson.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT,
                    "{\"id\": %d, \"image_id\": %d, \"category_id\": 1, \"bbox\": [%d, 20, 30, 40], \"area\": 1200,"
                            + " \"iscrowd\": 0, \"segmentation\": []}", i + 1, i + 1, 10 + i));
        }
        Files.writeString(dir.resolve("annotations/instances_train.json"), "{\"images\": [" + imageJson
                + "], \"categories\": [{\"id\": 1, \"name\": \"car\"}], \"annotations\": [" + annotationJson + "]}");
        return zipFolder(dir, dir.resolveSibling("set.zip"), "");
    }

    /** The zip's files, in its order, as a tar, gzipped when {@code gzip} (a tar.gz). */
    public static Path tarOf(Path zip, Path tar, boolean gzip) throws IOException {
        try (ZipFile z = ZipFile.builder().setPath(zip).get();
             OutputStream raw = Files.newOutputStream(tar);
             OutputStream data = gzip ? new GzipCompressorOutputStream(raw) : raw;
             TarArchiveOutputStream out = new TarArchiveOutputStream(data)) {
            out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (ZipArchiveEntry entry : Collections.list(z.getEntriesInPhysicalOrder())) {
                if (entry.isDirectory()) {
                    continue;
                }
                TarArchiveEntry file = new TarArchiveEntry(entry.getName(), true);
                file.setSize(entry.getSize());
                out.putArchiveEntry(file);
                try (InputStream in = z.getInputStream(entry)) {
                    in.transferTo(out);
                }
                out.closeArchiveEntry();
            }
        }
        return tar;
    }

    public static List<String> names(Path zip) throws IOException {
        try (ZipFile z = ZipFile.builder().setPath(zip).get()) {
            List<String> names = new ArrayList<>();
            for (ZipArchiveEntry e : Collections.list(z.getEntries())) {
                names.add(e.getName());
            }
            return names;
        }
    }

    public static String text(Path zip, String entry) throws IOException {
        try (ZipFile z = ZipFile.builder().setPath(zip).get()) {
            ZipArchiveEntry e = z.getEntry(entry);
            if (e == null) {
                throw new AssertionError("no entry " + entry + " in " + zip + ": " + names(zip));
            }
            try (InputStream in = z.getInputStream(e)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }
}

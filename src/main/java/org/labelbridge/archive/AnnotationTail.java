package org.labelbridge.archive;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The output zip's small files that are not images (a YOLO label file, a VOC or LabelMe file per
 * item, a names file), held back in one spool file, encoded as they will be stored, in the
 * order they came, and written after the images. Reading the output's annotations back (the
 * preview reads the zip where it lies, in S3) then touches one contiguous tail of the zip
 * instead of a few hundred bytes between every two images. The spool holds each file's bytes as
 * stored in the zip (small ones stored, the rest deflated): it costs local disk equal to their
 * compressed size, and is deleted once written. Used on the zip's thread only.
 */
final class AnnotationTail {

    private final Path file;
    private final DataOutputStream out;
    private long entries;

    AnnotationTail(Path file) throws IOException {
        this.file = file;
        this.out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
    }

    /** Holds back one entry, as {@link ZipWriter#add(String, int, long, long, byte[], int)} takes it. */
    void add(String name, int method, long crc, long size, byte[] data, int length) throws IOException {
        byte[] encoded = name.getBytes(StandardCharsets.UTF_8);
        out.writeInt(encoded.length);
        out.write(encoded);
        out.writeInt(method);
        out.writeLong(crc);
        out.writeLong(size);
        out.writeInt(length);
        out.write(data, 0, length);
        entries++;
    }

    /** Writes the held entries into the zip, in the order they came, and deletes the spool. */
    void writeTo(ZipWriter zip) throws IOException {
        out.close();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            byte[] data = new byte[1 << 12];
            for (long i = 0; i < entries; i++) {
                String name = new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
                int method = in.readInt();
                long crc = in.readLong();
                long size = in.readLong();
                int length = in.readInt();
                if (length > data.length) {
                    data = new byte[Math.max(length, data.length * 2)];
                }
                in.readFully(data, 0, length);
                zip.add(name, method, crc, size, data, length);
            }
            if (in.read() >= 0) {
                throw new IOException(file + ": more held-back entries than were added");
            }
        } catch (EOFException e) {
            throw new IOException(file + ": the held-back entries end early", e);
        }
        Files.delete(file);
    }

    /** Closes the spool file without writing it (the output is discarded). */
    void discard() throws IOException {
        out.close();
    }
}

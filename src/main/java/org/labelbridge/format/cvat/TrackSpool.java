package org.labelbridge.format.cvat;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The shapes of a video dump, kept in a temporary file while items stream: items bring shapes
 * frame by frame, but CVAT for video lists them track by track. Each shape is one
 * length-prefixed binary record; the writer keeps only its offset (and its frame), and reads the
 * records back track by track at the end.
 */
final class TrackSpool implements AutoCloseable {

    /** A spooled shape and its place in its track. */
    record Spooled(CvatShape shape, boolean keyframe, boolean outside) {
    }

    private final Path file;
    private final OutputStream out;
    private final ByteArrayOutputStream record = new ByteArrayOutputStream(256);
    private final DataOutputStream recordData = new DataOutputStream(record);
    private long position;
    private FileChannel channel;

    TrackSpool() throws IOException {
        file = Files.createTempFile("labelbridge-cvat-tracks-", ".bin");
        file.toFile().deleteOnExit();
        out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
    }

    /** Appends a shape; returns where it is, for {@link #read}. */
    long append(CvatShape shape, boolean keyframe, boolean outside) throws IOException {
        if (channel != null) {
            throw new IllegalStateException("the spool is being read; nothing more can be appended");
        }
        record.reset();
        encode(shape, keyframe, outside, recordData);
        long offset = position;
        int length = record.size();
        out.write(length >>> 24);
        out.write(length >>> 16);
        out.write(length >>> 8);
        out.write(length);
        record.writeTo(out);
        position += 4L + length;
        return offset;
    }

    /** The shape appended at {@code offset}; the first read ends appending. */
    Spooled read(long offset) throws IOException {
        if (channel == null) {
            out.close();
            channel = FileChannel.open(file, StandardOpenOption.READ);
        }
        ByteBuffer length = ByteBuffer.allocate(4);
        readFully(length, offset);
        ByteBuffer body = ByteBuffer.allocate(length.getInt(0));
        readFully(body, offset + 4);
        return decode(new DataInputStream(new ByteArrayInputStream(body.array())));
    }

    private void readFully(ByteBuffer buffer, long offset) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, offset + buffer.position()) < 0) {
                throw new EOFException("the track spool ends inside a record at " + offset);
            }
        }
    }

    /** Deletes the spool. */
    @Override
    public void close() throws IOException {
        try {
            if (channel != null) {
                channel.close();
            } else {
                out.close();
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void encode(CvatShape shape, boolean keyframe, boolean outside, DataOutputStream data)
            throws IOException {
        data.writeByte((keyframe ? 1 : 0) | (outside ? 2 : 0) | (shape.occluded() ? 4 : 0));
        writeText(data, shape.element());
        writeText(data, shape.label());
        writeText(data, shape.source());
        data.writeInt(shape.zOrder());
        data.writeInt(shape.group());
        writeFields(data, shape.geometry());
        data.writeInt(shape.nodes().size());
        for (CvatShape.Node node : shape.nodes()) {
            writeText(data, node.label());
            writeText(data, node.source());
            data.writeByte(node.visibility());
            writeText(data, node.points());
            writeFields(data, node.attributes());
        }
        writeFields(data, shape.attributes());
    }

    private static Spooled decode(DataInputStream data) throws IOException {
        int flags = data.readByte();
        String element = readText(data);
        String label = readText(data);
        String source = readText(data);
        int zOrder = data.readInt();
        int group = data.readInt();
        List<CvatShape.Field> geometry = readFields(data);
        int nodeCount = data.readInt();
        List<CvatShape.Node> nodes = new ArrayList<>(nodeCount);
        for (int i = 0; i < nodeCount; i++) {
            nodes.add(new CvatShape.Node(readText(data), readText(data), data.readByte(), readText(data),
                    readFields(data)));
        }
        CvatShape shape = new CvatShape(element, label, source, (flags & 4) != 0, zOrder, group, geometry, nodes,
                readFields(data));
        return new Spooled(shape, (flags & 1) != 0, (flags & 2) != 0);
    }

    private static void writeFields(DataOutputStream data, List<CvatShape.Field> fields) throws IOException {
        data.writeInt(fields.size());
        for (CvatShape.Field field : fields) {
            writeText(data, field.name());
            writeText(data, field.value());
        }
    }

    private static List<CvatShape.Field> readFields(DataInputStream data) throws IOException {
        int count = data.readInt();
        List<CvatShape.Field> fields = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            fields.add(new CvatShape.Field(readText(data), readText(data)));
        }
        return fields;
    }

    /** Text of any length (a mask's run lengths can pass the 64 KiB of {@code writeUTF}); null as -1. */
    private static void writeText(DataOutputStream data, String text) throws IOException {
        if (text == null) {
            data.writeInt(-1);
            return;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        data.writeInt(bytes.length);
        data.write(bytes);
    }

    private static String readText(DataInputStream data) throws IOException {
        int length = data.readInt();
        if (length < 0) {
            return null;
        }
        return new String(data.readNBytes(length), StandardCharsets.UTF_8);
    }
}

package org.labelbridge.format.cvat;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.labelbridge.format.common.SafeXml;

/**
 * The {@code <image>} elements of a CVAT file, kept in a temporary file until the meta that
 * must precede them is known. XML writers refuse several top-level elements, so the spool is
 * written inside an {@code <annotations>} element of its own; its bytes after that start tag
 * are the images and the document's end tag.
 */
final class ImageSpool implements AutoCloseable {

    private static final byte[] START_TAG = ("<" + CvatLayout.ROOT + ">").getBytes(StandardCharsets.UTF_8);

    private final Path file;
    private final OutputStream stream;
    private final XMLStreamWriter writer;
    private final IndentingXml xml;
    private boolean finished;

    ImageSpool() throws IOException {
        file = Files.createTempFile("labelbridge-cvat-", ".xml");
        file.toFile().deleteOnExit();
        stream = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        writer = SafeXml.writer(stream);
        try {
            writer.writeStartElement(CvatLayout.ROOT);
        } catch (XMLStreamException e) {
            throw new IOException("cannot write CVAT XML: " + e.getMessage(), e);
        }
        xml = new IndentingXml(writer, 1);
    }

    /** Where the images are written, one level inside the root. */
    IndentingXml xml() {
        return xml;
    }

    /** Closes the spool and appends the images and the end tag of the root to {@code out}. */
    void appendTo(OutputStream out) throws IOException {
        if (!finished) {
            finished = true;
            try {
                writer.writeCharacters("\n");
                writer.writeEndElement();
                writer.writeCharacters("\n");
                writer.flush();
                writer.close();
            } catch (XMLStreamException e) {
                throw new IOException("cannot write CVAT XML: " + e.getMessage(), e);
            }
            stream.close();
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] start = in.readNBytes(START_TAG.length);
            if (!Arrays.equals(start, START_TAG)) {
                throw new IllegalStateException("the image spool does not start with " + new String(START_TAG,
                        StandardCharsets.UTF_8));
            }
            in.transferTo(out);
        }
    }

    /** Deletes the spool. */
    @Override
    public void close() throws IOException {
        try {
            if (!finished) {
                stream.close();
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }
}

package org.labelbridge.format.cvat;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.FormatException;
import org.labelbridge.format.common.SafeXml;

/**
 * One annotation file read element by element through {@link SafeXml#stream}; every error it
 * raises names the file and the line.
 */
final class XmlCursor implements AutoCloseable {

    private final XMLStreamReader xml;
    private final InputStream in;
    private final String file;

    private XmlCursor(XMLStreamReader xml, InputStream in, String file) {
        this.xml = xml;
        this.in = in;
        this.file = file;
    }

    static XmlCursor open(DatasetSource source, String path) throws IOException {
        InputStream in = source.open(path);
        try {
            return of(in, source.describe(path));
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** A cursor over a stream it closes; {@code file} names it in errors. */
    static XmlCursor of(InputStream in, String file) throws FormatException {
        return new XmlCursor(SafeXml.stream(in, file), in, file);
    }

    /** The file as a user should see it. */
    String file() {
        return file;
    }

    int line() {
        return xml.getLocation().getLineNumber();
    }

    /**
     * Moves to the next start or end tag and returns {@link XMLStreamConstants#START_ELEMENT},
     * {@link XMLStreamConstants#END_ELEMENT} or, at the end, {@link XMLStreamConstants#END_DOCUMENT}.
     */
    int next() throws FormatException {
        try {
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT || event == XMLStreamConstants.END_ELEMENT) {
                    return event;
                }
            }
            return XMLStreamConstants.END_DOCUMENT;
        } catch (XMLStreamException e) {
            throw SafeXml.error(file, e);
        }
    }

    /** The name of the current element. */
    String name() {
        return xml.getLocalName();
    }

    /** An attribute of the current start tag, or {@code null}. */
    String attribute(String name) {
        return xml.getAttributeValue(null, name);
    }

    /** All attributes of the current start tag, in document order. */
    Map<String, String> attributes() {
        int count = xml.getAttributeCount();
        Map<String, String> attributes = new LinkedHashMap<>(Math.max(4, count * 2));
        for (int i = 0; i < count; i++) {
            attributes.put(xml.getAttributeLocalName(i), xml.getAttributeValue(i));
        }
        return attributes;
    }

    /** The text inside the current element (nested elements skipped); ends on its end tag. */
    String text() throws FormatException {
        StringBuilder text = new StringBuilder();
        int depth = 1;
        try {
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    if (--depth == 0) {
                        return text.toString();
                    }
                } else if (depth == 1 && (event == XMLStreamConstants.CHARACTERS
                        || event == XMLStreamConstants.CDATA || event == XMLStreamConstants.SPACE)) {
                    text.append(xml.getText());
                }
            }
        } catch (XMLStreamException e) {
            throw SafeXml.error(file, e);
        }
        throw error("the document ends inside an element");
    }

    /** Skips the current element and everything in it; ends on its end tag. */
    void skipElement() throws FormatException {
        int depth = 1;
        while (depth > 0) {
            int event = next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else {
                throw error("the document ends inside an element");
            }
        }
    }

    /** An error at the current line. */
    FormatException error(String message) {
        return FormatException.at(file, "line " + line(), message);
    }

    /** An error at a line seen earlier. */
    FormatException error(int line, String message) {
        return FormatException.at(file, "line " + line, message);
    }

    @Override
    public void close() throws IOException {
        try {
            xml.close();
        } catch (XMLStreamException e) {
            // the stream below is closed next; nothing else to release
        } finally {
            in.close();
        }
    }
}

package org.labelbridge.format.cvat;

import java.io.IOException;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.labelbridge.format.common.SafeXml;

/** Writes elements two spaces deeper per level, as CVAT lays out its XML, so people can read it. */
final class IndentingXml {

    private final XMLStreamWriter xml;
    private int depth;
    /** Whether the innermost open element has no child element yet. */
    private boolean childless;

    IndentingXml(XMLStreamWriter xml, int depth) {
        this.xml = xml;
        this.depth = depth;
    }

    void start(String name) throws IOException {
        try {
            newLine();
            xml.writeStartElement(name);
            depth++;
            childless = true;
        } catch (XMLStreamException e) {
            throw failed(e);
        }
    }

    void attribute(String name, String value) throws IOException {
        try {
            xml.writeAttribute(name, SafeXml.requireXmlText(value, "CVAT XML attribute " + name));
        } catch (XMLStreamException e) {
            throw failed(e);
        }
    }

    void text(String text) throws IOException {
        try {
            xml.writeCharacters(SafeXml.requireXmlText(text, "CVAT XML text"));
        } catch (XMLStreamException e) {
            throw failed(e);
        }
    }

    void end() throws IOException {
        try {
            depth--;
            if (!childless) {
                newLine();
            }
            xml.writeEndElement();
            childless = false;
        } catch (XMLStreamException e) {
            throw failed(e);
        }
    }

    /** An element holding only text. */
    void leaf(String name, String text) throws IOException {
        start(name);
        text(text);
        end();
    }

    void flush() throws IOException {
        try {
            xml.flush();
        } catch (XMLStreamException e) {
            throw failed(e);
        }
    }

    private void newLine() throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(depth));
    }

    private static IOException failed(XMLStreamException e) {
        return new IOException("cannot write CVAT XML: " + e.getMessage(), e);
    }
}

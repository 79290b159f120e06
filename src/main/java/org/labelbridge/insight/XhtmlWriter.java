package org.labelbridge.insight;

import java.io.IOException;
import java.io.OutputStream;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.labelbridge.format.common.SafeXml;
import org.labelbridge.format.common.XmlOut;

/**
 * Writes well-formed XHTML (with inline SVG) through the JDK's XML writer, so that text is
 * always escaped and the page parses as XML as well as HTML. Characters XML cannot hold are
 * left out of text and attributes.
 */
final class XhtmlWriter {

    static final String XHTML = "http://www.w3.org/1999/xhtml";
    static final String SVG = "http://www.w3.org/2000/svg";

    private final XMLStreamWriter xml;

    XhtmlWriter(OutputStream out) throws IOException {
        this.xml = SafeXml.writer(out);
        try {
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeDTD("<!DOCTYPE html>");
            xml.writeCharacters("\n");
        } catch (XMLStreamException e) {
            throw failed(e);
        }
    }

    /** Opens an element; {@code attributes} are name, value pairs (a null value leaves the attribute out). */
    XhtmlWriter open(String name, String... attributes) throws IOException {
        try {
            xml.writeStartElement(name);
            if (name.equals("html")) {
                xml.writeDefaultNamespace(XHTML);
            } else if (name.equals("svg")) {
                xml.writeDefaultNamespace(SVG);
            }
            for (int i = 0; i + 1 < attributes.length; i += 2) {
                if (attributes[i + 1] != null) {
                    xml.writeAttribute(attributes[i], XmlOut.legal(attributes[i + 1]));
                }
            }
            return this;
        } catch (XMLStreamException e) {
            throw failed(e);
        }
    }

    XhtmlWriter end() throws IOException {
        try {
            xml.writeEndElement();
            return this;
        } catch (XMLStreamException e) {
            throw failed(e);
        }
    }

    /** Text, '>' escaped too and characters XML cannot hold left out ({@link XmlOut}'s rules). */
    XhtmlWriter text(String text) throws IOException {
        try {
            XmlOut.writeText(xml, XmlOut.legal(text));
            return this;
        } catch (XMLStreamException e) {
            throw failed(e);
        }
    }

    /** {@code <name attributes>text</name>}. */
    XhtmlWriter leaf(String name, String text, String... attributes) throws IOException {
        return open(name, attributes).text(text).end();
    }

    /** Text written as it is: for the style sheet, which holds no markup characters. */
    XhtmlWriter raw(String css) throws IOException {
        if (css.contains("<") || css.contains("&")) {
            throw new IllegalArgumentException("raw text must hold no markup");
        }
        return text(css);
    }

    private static IOException failed(XMLStreamException e) {
        return new IOException("cannot write the report page: " + e.getMessage(), e);
    }

    void finish() throws IOException {
        try {
            xml.writeEndDocument();
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            throw failed(e);
        }
    }
}

package org.labelbridge.insight;

import java.io.IOException;
import java.io.OutputStream;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.labelbridge.format.common.SafeXml;

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
                    xml.writeAttribute(attributes[i], clean(attributes[i + 1]));
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

    /** Text; '>' is always escaped (the JDK writer leaves it, and "]]>" must not appear in XML text). */
    XhtmlWriter text(String text) throws IOException {
        try {
            String cleaned = clean(text);
            int start = 0;
            for (int gt = cleaned.indexOf('>'); gt >= 0; gt = cleaned.indexOf('>', start)) {
                xml.writeCharacters(cleaned.substring(start, gt));
                xml.writeEntityRef("gt");
                start = gt + 1;
            }
            xml.writeCharacters(cleaned.substring(start));
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

    private static String clean(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x20 ? c != 0xFFFE && c != 0xFFFF : c == '\t' || c == '\n' || c == '\r') {
                out.append(c);
            }
        }
        return out.toString();
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

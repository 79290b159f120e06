package org.labelbridge.format.labelme;

import java.io.IOException;
import java.io.OutputStream;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.labelbridge.format.common.SafeXml;

/** A streaming XML writer for one annotation file, indented by two spaces per level. */
final class LabelMeXmlOut implements AutoCloseable {

    private final XMLStreamWriter xml;
    private int depth;
    private boolean cleaned;

    LabelMeXmlOut(OutputStream out) throws IOException {
        this.xml = SafeXml.writer(out);
        try {
            xml.writeStartDocument("UTF-8", "1.0");
        } catch (XMLStreamException e) {
            throw new IOException("cannot write XML", e);
        }
    }

    void open(String name) throws IOException {
        try {
            indent();
            xml.writeStartElement(name);
            depth++;
        } catch (XMLStreamException e) {
            throw new IOException("cannot write XML element <" + name + ">", e);
        }
    }

    void end() throws IOException {
        try {
            depth--;
            indent();
            xml.writeEndElement();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write XML", e);
        }
    }

    /** {@code <name>text</name>} on one line; characters XML 1.0 cannot hold are left out. */
    void leaf(String name, String text) throws IOException {
        try {
            indent();
            xml.writeStartElement(name);
            String clean = clean(text);
            // The JDK writer leaves '>' as is, so "]]>" would end up in the text: always escape it.
            int start = 0;
            for (int gt = clean.indexOf('>'); gt >= 0; gt = clean.indexOf('>', start)) {
                xml.writeCharacters(clean.substring(start, gt));
                xml.writeEntityRef("gt");
                start = gt + 1;
            }
            xml.writeCharacters(clean.substring(start));
            xml.writeEndElement();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write XML element <" + name + ">", e);
        }
    }

    /** Whether some text lost characters XML cannot hold. */
    boolean cleaned() {
        return cleaned;
    }

    private String clean(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed = c >= 0x20 ? c != 0xFFFE && c != 0xFFFF : c == '\t' || c == '\n' || c == '\r';
            if (!allowed && out == null) {
                out = new StringBuilder(text.substring(0, i));
            } else if (allowed && out != null) {
                out.append(c);
            }
        }
        if (out == null) {
            return text;
        }
        cleaned = true;
        return out.toString();
    }

    private void indent() throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(depth));
    }

    @Override
    public void close() throws IOException {
        try {
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot finish XML", e);
        }
    }
}

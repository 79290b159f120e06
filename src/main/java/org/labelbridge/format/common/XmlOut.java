package org.labelbridge.format.common;

import java.io.IOException;
import java.io.OutputStream;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A streaming XML writer that indents by two spaces per level, for one annotation file (VOC's
 * and LabelMe's): characters XML 1.0 cannot hold are left out (see {@link #cleaned()}), and
 * {@code >} is always escaped.
 */
public final class XmlOut implements AutoCloseable {

    /** The line break and indent of each depth, made once. */
    private static final String[] INDENTS = new String[16];

    static {
        for (int depth = 0; depth < INDENTS.length; depth++) {
            INDENTS[depth] = "\n" + "  ".repeat(depth);
        }
    }

    private final XMLStreamWriter xml;
    private int depth;
    private boolean cleaned;

    public XmlOut(OutputStream out) throws IOException {
        this.xml = SafeXml.writer(out);
        try {
            xml.writeStartDocument("UTF-8", "1.0");
        } catch (XMLStreamException e) {
            throw new IOException("cannot write XML", e);
        }
    }

    public void open(String name) throws IOException {
        try {
            indent();
            xml.writeStartElement(name);
            depth++;
        } catch (XMLStreamException e) {
            throw new IOException("cannot write XML", e);
        }
    }

    public void end() throws IOException {
        try {
            depth--;
            indent();
            xml.writeEndElement();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write XML", e);
        }
    }

    /** {@code <name>text</name>} on one line; characters XML 1.0 cannot hold are left out. */
    public void leaf(String name, String text) throws IOException {
        try {
            indent();
            xml.writeStartElement(name);
            writeText(xml, clean(text));
            xml.writeEndElement();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write XML element <" + name + ">", e);
        }
    }

    /**
     * Writes text escaping '>' too: the JDK writer leaves it as is, so "]]>" would end the
     * document's text.
     */
    public static void writeText(XMLStreamWriter xml, String text) throws XMLStreamException {
        int start = 0;
        for (int gt = text.indexOf('>'); gt >= 0; gt = text.indexOf('>', start)) {
            xml.writeCharacters(text.substring(start, gt));
            xml.writeEntityRef("gt");
            start = gt + 1;
        }
        xml.writeCharacters(text.substring(start));
    }

    /** Whether some text lost characters XML cannot hold. */
    public boolean cleaned() {
        return cleaned;
    }

    private String clean(String text) {
        String legal = legal(text);
        cleaned |= legal != text;
        return legal;
    }

    /** The text without the characters XML 1.0 cannot hold; the same instance when it has none. */
    public static String legal(String text) {
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
        return out == null ? text : out.toString();
    }

    private void indent() throws XMLStreamException {
        xml.writeCharacters(depth < INDENTS.length ? INDENTS[depth] : "\n" + "  ".repeat(depth));
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

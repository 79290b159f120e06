package org.labelbridge.format.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import javax.xml.stream.util.StreamReaderDelegate;
import org.labelbridge.format.FormatException;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The one place XML is parsed: no DTDs, no external entities, no entity expansion. Every
 * format reads XML through here, so hostile documents are refused the same way everywhere:
 * a document with a {@code <!DOCTYPE>} or an entity reference other than the five predefined
 * ones is an error naming its line, never fetched, expanded or quietly dropped.
 */
public final class SafeXml {

    private static final XMLInputFactory INPUT = createInputFactory();
    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();
    private static final DocumentBuilderFactory DOM = createDomFactory();

    private SafeXml() {
    }

    private static XMLInputFactory createInputFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }

    private static DocumentBuilderFactory createDomFactory() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            return factory;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("XML parser lacks secure processing", e);
        }
    }

    /** A streaming reader; {@code file} names the document in errors. */
    public static XMLStreamReader stream(InputStream in, String file) throws FormatException {
        try {
            return new NoDtdReader(INPUT.createXMLStreamReader(in));
        } catch (XMLStreamException e) {
            throw error(file, e);
        }
    }

    /**
     * Refuses the events that DTD support being off still lets through: the DTD itself, and
     * references to entities it would have declared (which the reader would otherwise skip).
     */
    private static final class NoDtdReader extends StreamReaderDelegate {

        NoDtdReader(XMLStreamReader reader) throws XMLStreamException {
            super(reader);
            check(reader.getEventType());
        }

        @Override
        public int next() throws XMLStreamException {
            return check(super.next());
        }

        @Override
        public int nextTag() throws XMLStreamException {
            return check(super.nextTag());
        }

        private int check(int event) throws XMLStreamException {
            if (event == XMLStreamConstants.DTD) {
                throw new XMLStreamException("DOCTYPE is not allowed (no DTDs, no entities)", getLocation());
            }
            if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw new XMLStreamException("entity '&" + getLocalName() + ";' is not allowed (no DTDs, no entities)",
                        getLocation());
            }
            return event;
        }
    }

    /** A whole small document (one VOC or LabelMe file); {@code file} names it in errors. */
    public static Document document(InputStream in, String file) throws IOException {
        try {
            DocumentBuilder builder = DOM.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(in);
        } catch (SAXParseException e) {
            throw FormatException.at(file, "line " + e.getLineNumber(), "malformed XML: " + e.getMessage());
        } catch (SAXException | ParserConfigurationException e) {
            throw FormatException.at(file, null, "malformed XML: " + e.getMessage());
        }
    }

    /**
     * Refuses text that XML 1.0 cannot hold (control characters other than tab and line breaks,
     * U+FFFE, U+FFFF), naming {@code what} it is: a writer must not fail halfway with the
     * XML library's message, nor drop the characters silently.
     */
    public static String requireXmlText(String text, String what) throws FormatException {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed = c >= 0x20 ? c != 0xFFFE && c != 0xFFFF : c == '\t' || c == '\n' || c == '\r';
            if (!allowed) {
                throw new FormatException(what + " holds a character XML cannot hold (U+"
                        + String.format("%04X", (int) c) + "): " + text.replaceAll("\\p{Cntrl}", "?"));
            }
        }
        return text;
    }

    /** A streaming writer, UTF-8. */
    public static XMLStreamWriter writer(OutputStream out) throws IOException {
        try {
            return OUTPUT.createXMLStreamWriter(out, "UTF-8");
        } catch (XMLStreamException e) {
            throw new IOException("cannot create XML writer", e);
        }
    }

    /** A parse error as a {@link FormatException} naming file and line. */
    public static FormatException error(String file, XMLStreamException e) {
        String where = e.getLocation() == null ? null
                : "line " + e.getLocation().getLineNumber() + ", column " + e.getLocation().getColumnNumber();
        String message = e.getMessage();
        int detail = message == null ? -1 : message.indexOf("Message: ");
        return FormatException.at(file, where, "malformed XML: "
                + (detail >= 0 ? message.substring(detail + 9) : message));
    }
}

package org.labelbridge.testing;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Walking a parsed XML output the way a consumer does: child elements by name, their text. */
public final class XmlElements {

    private XmlElements() {
    }

    /** The element children of {@code parent}, in order. */
    public static List<Element> children(Element parent) {
        List<Element> elements = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                elements.add(element);
            }
        }
        return elements;
    }

    /** The element children of {@code parent} named {@code name}, in order. */
    public static List<Element> children(Element parent, String name) {
        return children(parent).stream().filter(e -> e.getTagName().equals(name)).toList();
    }

    /** The first child element named {@code name}, or null. */
    public static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    /** The text of the first child element named {@code name}, or null. */
    public static String text(Element parent, String name) {
        Element element = child(parent, name);
        return element == null ? null : element.getTextContent();
    }
}

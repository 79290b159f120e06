package org.labelbridge.format.cvat;

import static javax.xml.stream.XMLStreamConstants.END_DOCUMENT;
import static javax.xml.stream.XMLStreamConstants.END_ELEMENT;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.labelbridge.format.FormatException;

/**
 * One annotation element as written: a shape or tag with its XML attributes, its
 * {@code <attribute>} children and, for a skeleton, its node elements. Reading the markup is
 * kept apart from giving it meaning ({@link CvatAnnotations}).
 *
 * @param attributes {@code <attribute name="...">text</attribute>} children as name, text pairs
 */
record RawElement(String name, int line, Map<String, String> xml, List<String[]> attributes,
                  List<RawElement> children, List<String> skipped) {

    /** Reads the element the cursor is on, through its end tag. */
    static RawElement read(XmlCursor cursor) throws FormatException {
        String name = cursor.name();
        int line = cursor.line();
        Map<String, String> xml = cursor.attributes();
        List<String[]> attributes = new ArrayList<>(0);
        List<RawElement> children = new ArrayList<>(0);
        List<String> skipped = new ArrayList<>(0);
        for (int event = cursor.next(); event != END_ELEMENT; event = cursor.next()) {
            if (event == END_DOCUMENT) {
                throw cursor.error("the file ends inside <" + name + ">");
            }
            String child = cursor.name();
            if (CvatLayout.ATTRIBUTE.equals(child)) {
                String attribute = cursor.attribute("name");
                if (attribute == null) {
                    throw cursor.error("an <attribute> of <" + name + "> needs a name=\"...\"");
                }
                attributes.add(new String[] {attribute, cursor.text()});
            } else if (CvatLayout.SKELETON.equals(name) && CvatLayout.SHAPES.contains(child)) {
                children.add(read(cursor));
            } else {
                skipped.add(child);
                cursor.skipElement();
            }
        }
        return new RawElement(name, line, xml, attributes, children, skipped);
    }
}

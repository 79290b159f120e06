package org.labelbridge.format.labelstudio;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.function.Consumer;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.common.SafeXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The labels a project's labeling config declares, when the archive holds it (Label Studio's
 * JSON export does not; our writer puts {@code label_config.xml} beside its tasks, and a user may
 * add the project's): every {@code <Label value>} of a {@code *Labels} tag and every
 * {@code <Choice value>} of a whole-image {@code <Choices>} tag, in order. With it, labels no
 * result uses are kept, in the project's order.
 */
final class ConfigLabels {

    private ConfigLabels() {
    }

    /** Whether the file is a labeling config: XML whose root is {@code <View>}. */
    static boolean isConfig(DatasetSource source, String file) throws IOException {
        if (!file.toLowerCase(Locale.ROOT).endsWith(".xml")) {
            return false;
        }
        String head = new String(source.head(file, 512), java.nio.charset.StandardCharsets.UTF_8);
        return head.replaceFirst("^\uFEFF?\\s*(<\\?xml[^>]*\\?>)?\\s*", "").startsWith("<View");
    }

    static void read(DatasetSource source, String file, Consumer<String> names) throws IOException {
        Document document;
        try (InputStream in = source.open(file)) {
            document = SafeXml.document(in, source.describe(file));
        }
        visit(document.getDocumentElement(), names);
    }

    private static void visit(Element element, Consumer<String> names) {
        NodeList children = element.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node node = children.item(i);
            if (!(node instanceof Element child)) {
                continue;
            }
            String tag = child.getTagName();
            if (tag.endsWith("Labels")) {
                values(child, "Label", names);
            } else if (tag.equals("Choices") && !"true".equalsIgnoreCase(child.getAttribute("perRegion"))) {
                values(child, "Choice", names);
            } else {
                visit(child, names); // layout tags (View, Header...) may nest the controls
            }
        }
    }

    private static void values(Element control, String tag, Consumer<String> names) {
        NodeList values = control.getElementsByTagName(tag);
        for (int i = 0; i < values.getLength(); i++) {
            String value = ((Element) values.item(i)).getAttribute("value");
            if (!value.isEmpty()) {
                names.accept(value);
            }
        }
    }
}

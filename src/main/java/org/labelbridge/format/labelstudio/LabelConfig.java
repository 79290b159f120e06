package org.labelbridge.format.labelstudio;

import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.labelbridge.format.DatasetOutput;
import org.labelbridge.format.common.SafeXml;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Label;

/**
 * The labeling config the written results need: Label Studio refuses a result whose
 * {@code from_name} is no tag of the project's config, and a label that is not one of the tag's
 * {@code <Label>}s. One {@code Image} tag fed by {@code $image}; per region type used, its
 * labels tag with every label; choices and a caption text area for the whole image; a
 * per-region tag for each attribute.
 */
final class LabelConfig {

    /** Control tag element and name, by result type. */
    private static final Map<String, String[]> REGION_TAGS = Map.of(
            LabelStudioLayout.RECTANGLE_LABELS, new String[] {"RectangleLabels", LabelStudioLayout.BBOX_TAG},
            LabelStudioLayout.POLYGON_LABELS, new String[] {"PolygonLabels", LabelStudioLayout.POLYGON_TAG},
            LabelStudioLayout.KEYPOINT_LABELS, new String[] {"KeyPointLabels", LabelStudioLayout.KEYPOINT_TAG},
            LabelStudioLayout.BRUSH_LABELS, new String[] {"BrushLabels", LabelStudioLayout.BRUSH_TAG},
            LabelStudioLayout.RECTANGLE, new String[] {"Rectangle", LabelStudioLayout.BBOX_TAG + "_unlabelled"},
            LabelStudioLayout.POLYGON, new String[] {"Polygon", LabelStudioLayout.POLYGON_TAG + "_unlabelled"},
            LabelStudioLayout.KEYPOINT, new String[] {"KeyPoint", LabelStudioLayout.KEYPOINT_TAG + "_unlabelled"},
            LabelStudioLayout.BRUSH, new String[] {"Brush", LabelStudioLayout.BRUSH_TAG + "_unlabelled"});
    private static final Map<String, String> ATTRIBUTE_TAGS = Map.of(LabelStudioLayout.NUMBER, "Number",
            LabelStudioLayout.TEXTAREA, "TextArea", LabelStudioLayout.CHOICES, "Choices");

    private final Set<String> regionTypes = new LinkedHashSet<>();
    private final Set<String> choices = new LinkedHashSet<>();
    private boolean caption;
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private final Map<String, Set<String>> attributeChoices = new LinkedHashMap<>();

    /** The from_name of a region of this type (the label, when any, is declared with every label). */
    String region(String type) {
        regionTypes.add(type);
        return REGION_TAGS.get(type)[1];
    }

    void choices(Iterable<String> names) {
        names.forEach(choices::add);
    }

    void caption() {
        caption = true;
    }

    /** A per-region attribute tag; an attribute given values of two types is declared by its first. */
    void regionAttribute(String name, String type) {
        attributes.putIfAbsent(name, type);
    }

    void regionChoices(String name, Iterable<String> values) {
        Set<String> set = attributeChoices.computeIfAbsent(name, k -> new LinkedHashSet<>());
        values.forEach(set::add);
    }

    void write(DatasetOutput output, Categories categories) throws IOException {
        try (OutputStream out = output.entry(LabelStudioLayout.CONFIG_FILE)) {
            XMLStreamWriter xml = SafeXml.writer(out);
            xml.writeStartElement("View");
            element(xml, "Image", "name", LabelStudioLayout.IMAGE_TAG, "value", "$" + LabelStudioLayout.IMAGE_KEY);
            xml.writeEndElement();
            Set<String> labels = new LinkedHashSet<>();
            for (Label label : categories.labels()) {
                labels.add(label.name());
            }
            Set<String> types = new LinkedHashSet<>();
            types.add(LabelStudioLayout.RECTANGLE_LABELS); // declares every label, even where no region uses it
            types.addAll(regionTypes);
            for (String type : types) {
                String[] tag = REGION_TAGS.get(type);
                element(xml, tag[0], "name", tag[1], "toName", LabelStudioLayout.IMAGE_TAG);
                if (type.endsWith("labels")) {
                    for (String label : labels) {
                        element(xml, "Label", "value", label);
                        xml.writeEndElement();
                    }
                }
                end(xml);
            }
            if (!choices.isEmpty()) {
                element(xml, "Choices", "name", LabelStudioLayout.CHOICES_TAG, "toName", LabelStudioLayout.IMAGE_TAG,
                        "choice", "multiple");
                for (String choice : choices) {
                    element(xml, "Choice", "value", choice);
                    xml.writeEndElement();
                }
                end(xml);
            }
            if (caption) {
                element(xml, "TextArea", "name", LabelStudioLayout.CAPTION_TAG, "toName", LabelStudioLayout.IMAGE_TAG);
                end(xml);
            }
            for (Map.Entry<String, String> attribute : attributes.entrySet()) {
                String type = attribute.getValue();
                element(xml, ATTRIBUTE_TAGS.get(type), "name", attribute.getKey(), "toName",
                        LabelStudioLayout.IMAGE_TAG, "perRegion", "true");
                if (type.equals(LabelStudioLayout.CHOICES)) {
                    xml.writeAttribute("choice", "multiple");
                    for (String value : attributeChoices.getOrDefault(attribute.getKey(), Set.of())) {
                        element(xml, "Choice", "value", value);
                        xml.writeEndElement();
                    }
                }
                end(xml);
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.flush();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write " + LabelStudioLayout.CONFIG_FILE, e);
        }
    }

    private static void element(XMLStreamWriter xml, String name, String... attributes) throws XMLStreamException {
        xml.writeCharacters("\n  ");
        xml.writeStartElement(name);
        for (int i = 0; i < attributes.length; i += 2) {
            xml.writeAttribute(attributes[i], attributes[i + 1]);
        }
    }

    private static void end(XMLStreamWriter xml) throws XMLStreamException {
        xml.writeEndElement();
    }
}

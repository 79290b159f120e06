package org.labelbridge.format.datumaro;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import org.labelbridge.format.Problems;
import org.labelbridge.model.AttributeDef;
import org.labelbridge.model.AttributeType;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Label;
import org.labelbridge.model.Rgb;
import org.labelbridge.model.SkeletonDef;

/** Writes the {@code categories} object: labels, then colours and skeleton layouts if any. */
final class CategoriesWriter {

    private CategoriesWriter() {
    }

    /** Reports, once, what of the categories Datumaro cannot hold. */
    static void reportLosses(Categories categories, Problems problems) {
        int typed = 0;
        for (Label label : categories.labels()) {
            for (AttributeDef def : label.attributes()) {
                if (def.type() != AttributeType.TEXT || def.mutable() || !def.values().isEmpty()
                        || !def.defaultValue().isEmpty()) {
                    typed++;
                }
            }
        }
        if (typed > 0) {
            problems.dataset("Datumaro keeps only the names of label attributes: the input type, values,"
                    + " default and mutability of " + typed + " attribute definition(s) are not written");
        }
        categories.skeletons().forEach((index, layout) -> {
            String skeleton = categories.label(index).name();
            for (int node : layout.nodeLabels()) {
                Label label = categories.label(node);
                if (label.hasParent() && !label.parent().equals(skeleton)) {
                    problems.dataset("skeleton '" + skeleton + "': node label '" + label.name() + "' belongs to '"
                            + label.parent() + "'; Datumaro names nodes only, so it may be read back as another label");
                }
            }
        });
    }

    static void write(JsonGenerator json, Categories categories) throws IOException {
        json.writeObjectFieldStart("categories");
        json.writeObjectFieldStart("label");
        json.writeArrayFieldStart("labels");
        for (Label label : categories.labels()) {
            json.writeStartObject();
            json.writeStringField("name", label.name());
            json.writeStringField("parent", label.parent());
            json.writeArrayFieldStart("attributes");
            for (AttributeDef def : label.attributes()) {
                json.writeString(def.name());
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("attributes");
        for (String name : categories.commonAttributes()) {
            json.writeString(name);
        }
        json.writeEndArray();
        json.writeEndObject();
        if (!categories.colors().isEmpty()) {
            writeColors(json, new TreeMap<>(categories.colors()));
        }
        if (!categories.skeletons().isEmpty()) {
            writeSkeletons(json, categories, new TreeMap<>(categories.skeletons()));
        }
        json.writeEndObject();
    }

    private static void writeColors(JsonGenerator json, Map<Integer, Rgb> colors) throws IOException {
        json.writeObjectFieldStart("mask");
        json.writeArrayFieldStart("colormap");
        for (Map.Entry<Integer, Rgb> entry : colors.entrySet()) {
            json.writeStartObject();
            json.writeNumberField("label_id", entry.getKey());
            json.writeNumberField("r", entry.getValue().r());
            json.writeNumberField("g", entry.getValue().g());
            json.writeNumberField("b", entry.getValue().b());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void writeSkeletons(JsonGenerator json, Categories categories, Map<Integer, SkeletonDef> skeletons)
            throws IOException {
        json.writeObjectFieldStart("points");
        json.writeArrayFieldStart("items");
        for (Map.Entry<Integer, SkeletonDef> entry : skeletons.entrySet()) {
            json.writeStartObject();
            json.writeNumberField("label_id", entry.getKey());
            json.writeArrayFieldStart("labels");
            for (int node : entry.getValue().nodeLabels()) {
                json.writeString(categories.label(node).name());
            }
            json.writeEndArray();
            json.writeArrayFieldStart("joints");
            for (SkeletonDef.Edge edge : entry.getValue().edges()) {
                // 1-based, as CVAT writes them.
                json.writeStartArray();
                json.writeNumber(edge.from() + 1);
                json.writeNumber(edge.to() + 1);
                json.writeEndArray();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }
}

package org.labelbridge.format.slypointcloud;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.FormatException;
import org.labelbridge.model.AttributeDef;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Label;

/**
 * {@code meta.json}: the classes (labels, in order) and the tag definitions. A tag
 * {@code imagesOnly} is an item attribute; any other is an attribute of the classes it lists,
 * or of every label when it lists none, as Datumaro's reader declares them.
 */
record SlyMeta(Categories categories, Map<String, TagDef> tags) {

    static final String IMAGES_ONLY = "imagesOnly";
    static final String OBJECTS_ONLY = "objectsOnly";
    static final String ALL = "all";

    /** One tag definition: its value type and, for {@code oneof_string}, its values. */
    record TagDef(String name, String valueType, List<String> values, String applicableType) {

        /** The value Datumaro gives an object that lacks this tag. */
        Object absentValue() {
            return switch (valueType) {
                case "any_number" -> 0L;
                case "oneof_string" -> values.isEmpty() ? "" : values.get(0);
                default -> "";
            };
        }
    }

    static final SlyMeta EMPTY = new SlyMeta(Categories.EMPTY, Map.of());

    static SlyMeta read(DatasetSource source) throws IOException {
        if (!source.exists(SlyLayout.META)) {
            return EMPTY;
        }
        JsonNode meta = SlyJson.read(source, SlyLayout.META);
        String file = source.describe(SlyLayout.META);
        Map<String, Set<String>> labels = new LinkedHashMap<>();
        int index = 0;
        for (JsonNode c : SlyJson.array(meta, "classes", file, "classes")) {
            String title = SlyJson.text(c, "title", file, "classes[" + index++ + "]");
            if (labels.putIfAbsent(title, new LinkedHashSet<>()) != null) {
                throw FormatException.at(file, "classes", "class '" + title + "' is declared twice");
            }
        }
        List<String> common = new ArrayList<>();
        Map<String, TagDef> tags = new LinkedHashMap<>();
        index = 0;
        for (JsonNode t : SlyJson.array(meta, "tags", file, "tags")) {
            String where = "tags[" + index++ + "]";
            String name = SlyJson.text(t, "name", file, where);
            String applicable = t.path("applicable_type").asText(ALL);
            if (!Set.of(ALL, OBJECTS_ONLY, IMAGES_ONLY).contains(applicable)) {
                throw FormatException.at(file, where, "'applicable_type' must be all, objectsOnly or imagesOnly, got '"
                        + applicable + "'");
            }
            List<String> values = new ArrayList<>();
            t.path("values").forEach(v -> values.add(v.asText()));
            tags.put(name, new TagDef(name, t.path("value_type").asText("any_string"), values, applicable));
            if (applicable.equals(IMAGES_ONLY)) {
                continue;
            }
            List<String> classes = new ArrayList<>();
            t.path("classes").forEach(c -> classes.add(c.asText()));
            if (classes.isEmpty()) {
                common.add(name);
            }
            for (String label : classes) {
                Set<String> attributes = labels.get(label);
                if (attributes == null) {
                    throw FormatException.at(file, where, "tag '" + name + "' names class '" + label
                            + "', which 'classes' does not declare");
                }
                attributes.add(name);
            }
        }
        List<Label> list = new ArrayList<>();
        labels.forEach((name, attributes) -> list.add(new Label(name, "",
                attributes.stream().map(AttributeDef::named).toList())));
        return new SlyMeta(new Categories(list, common, Map.of(), Map.of()), tags);
    }

    /** The attributes an object of this label has besides its own tags: common ones, then the label's. */
    List<String> attributesOf(int label) {
        List<String> names = new ArrayList<>(categories.commonAttributes());
        categories.label(label).attributes().forEach(a -> names.add(a.name()));
        return names;
    }
}

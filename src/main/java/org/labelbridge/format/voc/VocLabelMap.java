package org.labelbridge.format.voc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.FormatException;
import org.labelbridge.model.AttributeDef;
import org.labelbridge.model.AttributeType;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Label;
import org.labelbridge.model.Rgb;

/**
 * {@code labelmap.txt}: one {@code label:r,g,b:part,part:action,action} line per label. Parts
 * are labels of their own in the model (after the others, sorted, as Datumaro orders them);
 * actions become the label's checkbox attributes.
 */
record VocLabelMap(List<Entry> entries) {

    static final String HEADER = "# label:color_rgb:parts:actions";

    /** One line; {@code color} is {@code null} when the line gives none. */
    record Entry(String name, Rgb color, List<String> parts, List<String> actions) {
        Entry {
            parts = List.copyOf(parts);
            actions = List.copyOf(actions);
        }
    }

    VocLabelMap {
        entries = List.copyOf(entries);
    }

    /** The VOC classes, {@code ignored}, and person's parts and actions, in the VOC palette. */
    static VocLabelMap defaults() {
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < VocLayout.DEFAULT_LABELS.size(); i++) {
            String name = VocLayout.DEFAULT_LABELS.get(i);
            boolean person = name.equals(VocLayout.PERSON);
            entries.add(new Entry(name, VocLayout.paletteColor(i),
                    person ? VocLayout.DEFAULT_PARTS : List.of(), person ? VocLayout.DEFAULT_ACTIONS : List.of()));
        }
        entries.add(new Entry(VocLayout.IGNORED, VocLayout.paletteColor(VocLayout.IGNORED_MASK_INDEX),
                List.of(), List.of()));
        return new VocLabelMap(entries);
    }

    static VocLabelMap read(DatasetSource source, String path) throws IOException {
        String file = source.describe(path);
        List<Entry> entries = new ArrayList<>();
        Set<String> names = new HashSet<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(source.open(path), StandardCharsets.UTF_8))) {
            int lineNumber = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNumber++;
                String text = line.strip();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                String where = "line " + lineNumber;
                String[] fields = text.split(":", -1);
                if (fields.length != 4) {
                    throw FormatException.at(file, where, "expected 4 ':'-separated fields (label:color:parts:actions), got "
                            + fields.length);
                }
                String name = fields[0];
                if (!names.add(name)) {
                    throw FormatException.at(file, where, "label '" + name + "' is declared twice");
                }
                entries.add(new Entry(name, color(fields[1], file, where), list(fields[2]), list(fields[3])));
            }
        }
        return new VocLabelMap(entries);
    }

    private static Rgb color(String field, String file, String where) throws FormatException {
        if (field.isBlank()) {
            return null;
        }
        String[] channels = field.split(",", -1);
        try {
            if (channels.length == 3) {
                return new Rgb(Integer.parseInt(channels[0].strip()), Integer.parseInt(channels[1].strip()),
                        Integer.parseInt(channels[2].strip()));
            }
        } catch (IllegalArgumentException e) {
            // reported below, with the field
        }
        throw FormatException.at(file, where, "expected a colour 'r,g,b' with channels 0..255, got '" + field + "'");
    }

    private static List<String> list(String field) {
        List<String> values = new ArrayList<>();
        for (String value : field.split(",")) {
            if (!value.isBlank()) {
                values.add(value.strip());
            }
        }
        return values;
    }

    /**
     * The labels: the lines in order, then the parts not declared as lines, sorted. Colours are
     * the file's; when it gives none, the VOC palette by line (as Datumaro does).
     */
    Categories categories() {
        List<Label> labels = new ArrayList<>();
        Set<String> names = new HashSet<>();
        TreeSet<String> parts = new TreeSet<>();
        for (Entry entry : entries) {
            List<AttributeDef> actions = entry.actions().stream()
                    .map(a -> new AttributeDef(a, AttributeType.CHECKBOX, false, List.of(), "false")).toList();
            labels.add(new Label(entry.name(), "", actions));
            names.add(entry.name());
            parts.addAll(entry.parts());
        }
        for (String part : parts) {
            if (names.add(part)) {
                labels.add(Label.named(part));
            }
        }
        boolean anyColor = entries.stream().anyMatch(e -> e.color() != null);
        Map<Integer, Rgb> colors = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            Rgb color = anyColor ? entries.get(i).color() : VocLayout.paletteColor(i);
            if (color != null) {
                colors.put(i, color);
            }
        }
        return new Categories(labels, VocLayout.FLAGS, Map.of(), colors);
    }

    /** Writes the file, colours as {@code r,g,b} (empty when unknown). */
    void write(OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write(HEADER + "\n");
        for (Entry entry : entries) {
            Rgb c = entry.color();
            writer.write(entry.name() + ":" + (c == null ? "" : c.r() + "," + c.g() + "," + c.b()) + ":"
                    + String.join(",", entry.parts()) + ":" + String.join(",", entry.actions()) + "\n");
        }
        writer.flush();
    }
}

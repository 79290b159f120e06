package org.labelbridge.format.common.pixels;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.labelbridge.format.FormatException;
import org.labelbridge.format.common.TextFiles;
import org.labelbridge.model.AttributeDef;
import org.labelbridge.model.AttributeType;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Label;
import org.labelbridge.model.Rgb;

/**
 * Pascal VOC's {@code labelmap.txt} (as CVAT and Datumaro write it): one label a line,
 * {@code name:r,g,b:part1,part2:action1,action2}, any field but the name may be empty;
 * {@code #} starts a comment line. The line order is the label order, and for grey masks the
 * line index is the pixel value.
 */
public final class VocLabelMap {

    public static final String FILE_NAME = "labelmap.txt";

    /** VOC's segmentation classes in palette order; {@code ignored} is palette index 255. */
    private static final List<String> VOC_LABELS = List.of("background", "aeroplane", "bicycle", "bird", "boat",
            "bottle", "bus", "car", "cat", "chair", "cow", "diningtable", "dog", "horse", "motorbike", "person",
            "pottedplant", "sheep", "sofa", "train", "tvmonitor");
    public static final String VOC_IGNORED = "ignored";

    /** One line: a label, its colour ({@code null} when not given), its parts and actions. */
    public record Entry(String name, Rgb colour, List<String> parts, List<String> actions) {
        public Entry {
            parts = parts == null ? List.of() : List.copyOf(parts);
            actions = actions == null ? List.of() : List.copyOf(actions);
        }

        public static Entry of(String name, Rgb colour) {
            return new Entry(name, colour, List.of(), List.of());
        }
    }

    private VocLabelMap() {
    }

    /** Person's parts and actions in Pascal VOC's layout and action tasks. */
    public static final List<String> VOC_PERSON_PARTS = List.of("head", "hand", "foot");
    public static final List<String> VOC_PERSON_ACTIONS = List.of("other", "jumping", "phoning",
            "playinginstrument", "reading", "ridingbike", "ridinghorse", "running", "takingphoto", "usingcomputer",
            "walking");

    /**
     * The label map a VOC segmentation dataset has without a labelmap.txt: background and
     * the 20 classes with palette colours 0..20, then {@code ignored} with colour 255.
     */
    public static List<Entry> vocDefaults() {
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < VOC_LABELS.size(); i++) {
            entries.add(Entry.of(VOC_LABELS.get(i), VocPalette.colour(i)));
        }
        entries.add(Entry.of(VOC_IGNORED, VocPalette.colour(255)));
        return entries;
    }

    /**
     * The label map a full Pascal VOC dataset has without a labelmap.txt (Datumaro's
     * {@code VocLabelMap.make_default}): {@link #vocDefaults()} with person's parts (head,
     * hand, foot) and its eleven actions.
     */
    public static List<Entry> vocDefaultsWithPersonLayout() {
        List<Entry> entries = new ArrayList<>(vocDefaults());
        int person = VOC_LABELS.indexOf("person");
        Entry plain = entries.get(person);
        entries.set(person, new Entry(plain.name(), plain.colour(), VOC_PERSON_PARTS, VOC_PERSON_ACTIONS));
        return entries;
    }

    /** Parses a labelmap.txt; errors name the file and line. */
    public static List<Entry> parse(InputStream in, String file) throws IOException {
        List<Entry> entries = new ArrayList<>();
        Set<String> names = new HashSet<>();
        BufferedReader reader = TextFiles.reader(in);
        int lineNumber = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNumber++;
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            String where = "line " + lineNumber;
            String[] fields = text.split(":", -1);
            if (fields.length != 4) {
                throw FormatException.at(file, where, "expected 4 ':'-separated fields"
                        + " (name:r,g,b:parts:actions), got " + fields.length);
            }
            String name = fields[0].strip();
            if (name.isEmpty()) {
                throw FormatException.at(file, where, "the label name is empty");
            }
            if (!names.add(name)) {
                throw FormatException.at(file, where, "label '" + name + "' is already defined");
            }
            String actions = fields[3].strip();
            if (actions.startsWith("#")) { // a trailing comment, as in CVAT's grey-mask example
                actions = "";
            }
            entries.add(new Entry(name, colour(fields[1].strip(), file, where), list(fields[2]), list(actions)));
        }
        return entries;
    }

    private static Rgb colour(String text, String file, String where) throws FormatException {
        if (text.isEmpty()) {
            return null;
        }
        String[] parts = text.split(",", -1);
        if (parts.length != 3) {
            throw FormatException.at(file, where, "colour '" + text + "' is not an r,g,b triple");
        }
        int[] rgb = new int[3];
        for (int i = 0; i < 3; i++) {
            try {
                rgb[i] = Integer.parseInt(parts[i].strip());
            } catch (NumberFormatException e) {
                rgb[i] = -1;
            }
            if (rgb[i] < 0 || rgb[i] > 255) {
                throw FormatException.at(file, where, "colour '" + text + "' needs three numbers 0..255");
            }
        }
        return new Rgb(rgb[0], rgb[1], rgb[2]);
    }

    private static List<String> list(String field) {
        return Arrays.stream(field.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** Writes the entries with a header comment, {@code \n} line ends, UTF-8. */
    public static void write(List<Entry> entries, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write("# label:color_rgb:parts:actions\n");
        for (Entry e : entries) {
            String colour = e.colour() == null ? "" : e.colour().r() + "," + e.colour().g() + "," + e.colour().b();
            writer.write(e.name() + ":" + colour + ":" + String.join(",", e.parts()) + ":"
                    + String.join(",", e.actions()) + "\n");
        }
        writer.flush();
    }

    /**
     * The categories a label map declares, as Datumaro's {@code make_voc_categories} builds
     * them: one label per entry (its actions as checkbox attributes), then the parts that are
     * not entries themselves, sorted by name. Colours: the entries' own; when no entry has
     * one, VOC palette colours by entry index. No common attributes: a format adds its own.
     */
    public static Categories categories(List<Entry> entries) {
        Set<String> names = new HashSet<>();
        List<Label> labels = new ArrayList<>();
        for (Entry e : entries) {
            names.add(e.name());
            List<AttributeDef> actions = e.actions().stream()
                    .map(a -> new AttributeDef(a, AttributeType.CHECKBOX, false, List.of(), "false")).toList();
            labels.add(new Label(e.name(), "", actions));
        }
        TreeSet<String> parts = new TreeSet<>();
        entries.forEach(e -> parts.addAll(e.parts()));
        for (String part : parts) {
            if (names.add(part)) {
                labels.add(Label.named(part));
            }
        }
        boolean anyColour = entries.stream().anyMatch(e -> e.colour() != null);
        Map<Integer, Rgb> colours = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            Rgb colour = anyColour ? entries.get(i).colour() : VocPalette.colour(i);
            if (colour != null) {
                colours.put(i, colour);
            }
        }
        return new Categories(labels, List.of(), Map.of(), colours);
    }
}

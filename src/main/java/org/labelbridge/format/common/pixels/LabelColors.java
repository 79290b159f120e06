package org.labelbridge.format.common.pixels;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
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
import org.labelbridge.format.FormatException;
import org.labelbridge.format.common.TextFiles;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Label;
import org.labelbridge.model.Rgb;

/**
 * {@code label_colors.txt} as CamVid, Cityscapes and KITTI keep it (Datumaro's and CVAT's
 * {@code r g b name} table): one label a line, either {@code r g b name} or the name alone;
 * {@code #} starts a comment line. The line order is the label order; a label's index is
 * the value class maps store for it. Also the Cityscapes label table, which KITTI's
 * segmentation uses as its default too.
 */
public final class LabelColors {

    public static final String FILE_NAME = "label_colors.txt";

    /** One line: a label and its colour ({@code null} when the line gives only the name). */
    public record Entry(String name, Rgb colour) {
        public Entry {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("label name is empty");
            }
        }
    }

    /** Cityscapes' labels with their ids 0..33 (licenseplate, -1 in Cityscapes, is 34), as Datumaro and CVAT use them. */
    private static final List<Entry> CITYSCAPES = List.of(
            entry("unlabeled", 0, 0, 0), entry("egovehicle", 0, 0, 0), entry("rectificationborder", 0, 0, 0),
            entry("outofroi", 0, 0, 0), entry("static", 0, 0, 0), entry("dynamic", 111, 74, 0),
            entry("ground", 81, 0, 81), entry("road", 128, 64, 128), entry("sidewalk", 244, 35, 232),
            entry("parking", 250, 170, 160), entry("railtrack", 230, 150, 140), entry("building", 70, 70, 70),
            entry("wall", 102, 102, 156), entry("fence", 190, 153, 153), entry("guardrail", 180, 165, 180),
            entry("bridge", 150, 100, 100), entry("tunnel", 150, 120, 90), entry("pole", 153, 153, 153),
            entry("polegroup", 153, 153, 153), entry("trafficlight", 250, 170, 30), entry("trafficsign", 220, 220, 0),
            entry("vegetation", 107, 142, 35), entry("terrain", 152, 251, 152), entry("sky", 70, 130, 180),
            entry("person", 220, 20, 60), entry("rider", 255, 0, 0), entry("car", 0, 0, 142),
            entry("truck", 0, 0, 70), entry("bus", 0, 60, 100), entry("caravan", 0, 0, 90),
            entry("trailer", 0, 0, 110), entry("train", 0, 80, 100), entry("motorcycle", 0, 0, 230),
            entry("bicycle", 119, 11, 32), entry("licenseplate", 0, 0, 142));

    private LabelColors() {
    }

    /** An entry with a colour, for tables written in code. */
    public static Entry entry(String name, int r, int g, int b) {
        return new Entry(name, new Rgb(r, g, b));
    }

    /** The 35 Cityscapes labels (several share a colour: the five black ones, pole and polegroup, car and licenseplate). */
    public static List<Entry> cityscapes() {
        return CITYSCAPES;
    }

    /** Parses a label_colors.txt; errors name the file and line. */
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
            Entry entry = parseLine(text, file, "line " + lineNumber);
            if (!names.add(entry.name())) {
                throw FormatException.at(file, "line " + lineNumber, "label '" + entry.name() + "' is already defined");
            }
            entries.add(entry);
        }
        return entries;
    }

    private static Entry parseLine(String text, String file, String where) throws FormatException {
        String[] tokens = text.split("\\s+");
        int numbers = 0;
        while (numbers < Math.min(3, tokens.length) && tokens[numbers].matches("[-+]?\\d{1,9}")) {
            numbers++;
        }
        if (tokens.length == 1 || numbers == 0) {
            return new Entry(text, null); // the name alone (it may hold spaces)
        }
        if (numbers < 3 || tokens.length < 4) {
            throw FormatException.at(file, where, "expected 'r g b name' or a label name alone, got '" + text + "'");
        }
        int[] rgb = new int[3];
        for (int i = 0; i < 3; i++) {
            rgb[i] = Integer.parseInt(tokens[i]);
            if (rgb[i] < 0 || rgb[i] > 255) {
                throw FormatException.at(file, where, "colour '" + tokens[0] + " " + tokens[1] + " " + tokens[2]
                        + "' needs three numbers 0..255");
            }
        }
        String name = text;
        for (int i = 0; i < 3; i++) { // the name is the rest of the line after the three numbers
            name = name.substring(name.indexOf(tokens[i]) + tokens[i].length()).strip();
        }
        return new Entry(name, new Rgb(rgb[0], rgb[1], rgb[2]));
    }

    /** Writes {@code r g b name} (or the name alone) a line, {@code \n} line ends, UTF-8. */
    public static void write(List<Entry> entries, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        for (Entry e : entries) {
            Rgb c = e.colour();
            writer.write((c == null ? "" : c.r() + " " + c.g() + " " + c.b() + " ") + e.name() + "\n");
        }
        writer.flush();
    }

    /**
     * A name label_colors.txt (and a whitespace-separated annotation line) can hold: no
     * whitespace (each run becomes {@code _}), no leading {@code #}, not empty.
     */
    public static String writableName(String name) {
        String clean = name.strip().replaceAll("\\s+", "_");
        return clean.isEmpty() || clean.startsWith("#") ? "_" + clean : clean;
    }

    /**
     * The categories the entries declare: one label per entry, in order. Colours: the
     * entries' own; when no entry has one, VOC palette colours by index (as Datumaro
     * generates them).
     */
    public static Categories categories(List<Entry> entries) {
        List<Label> labels = entries.stream().map(e -> Label.named(e.name())).toList();
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

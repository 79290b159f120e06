package org.labelbridge.format.voc;

import static org.labelbridge.testing.XmlElements.child;
import static org.labelbridge.testing.XmlElements.children;
import static org.labelbridge.testing.XmlElements.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * What CVAT's VOC importers read (Datumaro's {@code voc_format/format.py} {@code parse_label_map},
 * {@code make_voc_categories}, and {@code voc_format/extractor.py}), checked on the files, not with
 * our reader. Shared by the VOC and Segmentation mask contract tests: CVAT's "Segmentation mask
 * 1.1" is Datumaro's VOC importer on the segmentation part.
 */
public final class VocLayoutContract {

    /** A labelmap.txt line: colour (or null), parts, actions. */
    private record Entry(Integer colour, List<String> parts, List<String> actions) {
    }

    private final String where;
    private final Path root;
    private final Map<String, Entry> labels = new LinkedHashMap<>();
    /** Every id listed in an ImageSets list, by list folder. */
    private final Map<String, Set<String>> listed = new LinkedHashMap<>();

    private VocLayoutContract(String where, Path root) {
        this.where = where;
        this.root = root;
    }

    /** Checks a VOC (or Segmentation mask) output folder. */
    public static void check(String where, Path root) throws Exception {
        VocLayoutContract contract = new VocLayoutContract(where, root);
        contract.readLabelMap();
        contract.readLists();
        contract.checkAnnotations();
        contract.checkMasks();
    }

    /**
     * parse_label_map: {@code name:r,g,b:parts:actions}, a name once ("Label '...' is already
     * defined"); make_voc_categories then adds every part as a label of its own, which
     * LabelCategories refuses for a name already a label. Colours unique, so that a class PNG's
     * pixel gives back one label (inverse colormap).
     */
    private void readLabelMap() throws IOException {
        Path file = root.resolve("labelmap.txt");
        assertTrue(Files.isRegularFile(file), where + ": labelmap.txt (CVAT writes one and reads labels by it)");
        Set<Integer> colours = new HashSet<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split(":", -1);
            assertEquals(4, fields.length, where + ": labelmap.txt line '" + line + "' is label:color:parts:actions");
            String name = fields[0];
            assertFalse(name.isEmpty(), where + ": labelmap.txt line '" + line + "' has no name");
            Integer colour = null;
            if (!fields[1].isEmpty()) {
                String[] rgb = fields[1].split(",");
                assertEquals(3, rgb.length, where + ": colour of '" + name + "'");
                int value = 0;
                for (String c : rgb) {
                    int channel = Integer.parseInt(c.strip());
                    assertTrue(channel >= 0 && channel <= 255, where + ": colour of '" + name + "'");
                    value = (value << 8) | channel;
                }
                colour = value;
                assertTrue(colours.add(value), where + ": label '" + name + "' repeats the colour " + fields[1]);
            }
            Entry entry = new Entry(colour, split(fields[2]), split(fields[3]));
            assertTrue(labels.put(name, entry) == null, where + ": Label '" + name + "' is already defined");
        }
        for (Entry entry : labels.values()) {
            for (String part : entry.parts()) {
                assertFalse(labels.containsKey(part), where + ": part '" + part
                        + "' is also a label: make_voc_categories adds parts as labels, a name once");
            }
        }
    }

    private static List<String> split(String field) {
        List<String> names = new ArrayList<>();
        for (String name : field.split(",")) {
            if (!name.isBlank()) {
                names.add(name.strip());
            }
        }
        return names;
    }

    /** ImageSets/&lt;task&gt;/&lt;subset&gt;.txt: one id a line, quoted when it holds a space. */
    private void readLists() throws IOException {
        for (String task : List.of("Main", "Segmentation", "Layout", "Action")) {
            Path folder = root.resolve("ImageSets").resolve(task);
            Set<String> ids = new HashSet<>();
            listed.put(task, ids);
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> files = Files.list(folder)) {
                for (Path list : files.sorted().toList()) {
                    String name = list.getFileName().toString();
                    // <label>_<subset>.txt (Main) and <action>_<subset>.txt (Action) are per-class lists
                    boolean perClass = Files.readAllLines(list).stream().anyMatch(l -> l.strip().matches(".* -?[01]$"));
                    if (perClass) {
                        continue;
                    }
                    for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
                        if (line.isBlank()) {
                            continue;
                        }
                        boolean indexed = task.equals("Layout") || task.equals("Action"); // <id> <object index>
                        String id = line.startsWith("\"") ? line.substring(1, line.lastIndexOf('"'))
                                : indexed ? line.strip().split("\\s+")[0] : line.strip();
                        assertTrue(line.startsWith("\"") || indexed || !id.contains(" "),
                                where + ": " + task + "/" + name + ": id '" + line + "' with a space is quoted");
                        ids.add(id);
                    }
                }
            }
        }
    }

    /**
     * Annotations/&lt;id&gt;.xml of a listed id (the importer reads no other); each object's name
     * and part names declared (UndeclaredLabelError), bndbox numbers, the flags 0 or 1, actions
     * declared for the object's label.
     */
    private void checkAnnotations() throws Exception {
        Path folder = root.resolve("Annotations");
        if (!Files.isDirectory(folder)) {
            return;
        }
        Set<String> anyList = new HashSet<>();
        listed.values().forEach(anyList::addAll);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        }
        for (Path file : files) {
            String id = folder.relativize(file).toString().replace('\\', '/');
            id = id.substring(0, id.length() - 4);
            String at = where + " Annotations/" + id + ".xml";
            assertTrue(anyList.contains(id), at + ": no ImageSets list names it, so no importer reads it");
            Element xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile())
                    .getDocumentElement();
            assertEquals("annotation", xml.getTagName(), at + ": root element");
            Element size = child(xml, "size");
            if (size != null) {
                Integer.parseInt(text(size, "width").strip());
                Integer.parseInt(text(size, "height").strip());
            }
            for (Element object : children(xml, "object")) {
                String name = text(object, "name");
                Entry entry = labels.get(name);
                assertNotNull(entry, at + ": object label '" + name + "' is not in labelmap.txt");
                checkBox(at + " object " + name, object);
                for (String flag : List.of("difficult", "truncated", "occluded")) {
                    String value = text(object, flag);
                    assertTrue(value == null || value.strip().equals("0") || value.strip().equals("1"),
                            at + ": " + flag + " is 0 or 1");
                }
                for (Element part : children(object, "part")) {
                    String partName = text(part, "name");
                    assertTrue(labels.containsKey(partName) || labels.values().stream()
                            .anyMatch(e -> e.parts().contains(partName)), at + ": part '" + partName + "' is not declared");
                    checkBox(at + " part " + partName, part);
                }
                Element actions = child(object, "actions");
                if (actions != null) {
                    for (Node node = actions.getFirstChild(); node != null; node = node.getNextSibling()) {
                        if (node instanceof Element action) {
                            assertTrue(entry.actions().contains(action.getTagName()), at + ": action '"
                                    + action.getTagName() + "' of '" + name + "' is not in labelmap.txt");
                            String value = action.getTextContent().strip();
                            assertTrue(value.equals("0") || value.equals("1"), at + ": action flag " + value);
                        }
                    }
                }
            }
        }
    }

    private static void checkBox(String at, Element object) {
        Element box = child(object, "bndbox");
        assertNotNull(box, at + ": bndbox");
        double xmin = Double.parseDouble(text(box, "xmin").strip());
        double ymin = Double.parseDouble(text(box, "ymin").strip());
        double xmax = Double.parseDouble(text(box, "xmax").strip());
        double ymax = Double.parseDouble(text(box, "ymax").strip());
        assertTrue(xmin <= xmax && ymin <= ymax, at + ": bndbox min <= max");
    }

    /**
     * SegmentationClass PNGs: every pixel a labelmap colour (unpaint_mask's lookup fails on
     * another); SegmentationObject PNGs: VOC palette colours, the class PNG beside each, both at
     * one size; both of a listed Segmentation id.
     */
    private void checkMasks() throws IOException {
        Set<Integer> colours = new HashSet<>();
        labels.values().forEach(e -> {
            if (e.colour() != null) {
                colours.add(e.colour());
            }
        });
        Set<Integer> palette = new HashSet<>();
        for (int i = 0; i < 256; i++) {
            palette.add(vocColour(i));
        }
        Path classes = root.resolve("SegmentationClass");
        Path objects = root.resolve("SegmentationObject");
        for (Path folder : List.of(classes, objects)) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            List<Path> pngs;
            try (Stream<Path> walk = Files.walk(folder)) {
                pngs = walk.filter(p -> p.toString().endsWith(".png")).sorted().toList();
            }
            for (Path png : pngs) {
                String id = folder.relativize(png).toString().replace('\\', '/');
                id = id.substring(0, id.length() - 4);
                String at = where + " " + root.relativize(png);
                assertTrue(listed.get("Segmentation").contains(id), at + ": not in an ImageSets/Segmentation list");
                BufferedImage image = ImageIO.read(png.toFile());
                assertNotNull(image, at + ": a PNG");
                Set<Integer> allowed = folder == classes ? colours : palette;
                for (int y = 0; y < image.getHeight(); y++) {
                    for (int x = 0; x < image.getWidth(); x++) {
                        int rgb = image.getRGB(x, y) & 0xFFFFFF;
                        if (!allowed.contains(rgb)) {
                            throw new AssertionError(at + ": pixel " + x + "," + y + " has colour "
                                    + Integer.toHexString(rgb) + ", not declared (" + (folder == classes
                                    ? "labelmap.txt" : "VOC palette") + ")");
                        }
                    }
                }
                if (folder == objects) {
                    Path classPng = classes.resolve(id + ".png");
                    assertTrue(Files.isRegularFile(classPng), at + ": no class PNG beside it");
                    BufferedImage classImage = ImageIO.read(classPng.toFile());
                    assertEquals(classImage.getWidth() + "x" + classImage.getHeight(),
                            image.getWidth() + "x" + image.getHeight(), at + ": class and instance PNGs of one size");
                }
                checkImageSize(at, id, image);
            }
        }
    }

    /** A mask's size is its image's: the JPEGImages picture, else the Annotations size. */
    private void checkImageSize(String at, String id, BufferedImage mask) throws IOException {
        Path annotation = root.resolve("Annotations").resolve(id + ".xml");
        if (Files.isRegularFile(annotation)) {
            try {
                Element size = child(DocumentBuilderFactory.newInstance().newDocumentBuilder()
                        .parse(annotation.toFile()).getDocumentElement(), "size");
                if (size != null && !"0".equals(text(size, "width").strip())) {
                    assertEquals(text(size, "width").strip() + "x" + text(size, "height").strip(),
                            mask.getWidth() + "x" + mask.getHeight(), at + ": the mask is its image's size");
                }
            } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
                throw new AssertionError(at + ": " + e.getMessage(), e);
            }
        }
    }

    /** Colour i of the VOC palette (bit-interleaved). */
    private static int vocColour(int index) {
        int r = 0;
        int g = 0;
        int b = 0;
        int c = index;
        for (int shift = 7; shift >= 0; shift--) {
            r |= ((c >> 0) & 1) << shift;
            g |= ((c >> 1) & 1) << shift;
            b |= ((c >> 2) & 1) << shift;
            c >>= 3;
        }
        return (r << 16) | (g << 8) | b;
    }
}

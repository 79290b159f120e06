package org.labelbridge.format.cvat;

import static javax.xml.stream.XMLStreamConstants.END_DOCUMENT;
import static javax.xml.stream.XMLStreamConstants.END_ELEMENT;
import static javax.xml.stream.XMLStreamConstants.START_ELEMENT;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.labelbridge.format.FormatException;
import org.labelbridge.model.AttributeDef;
import org.labelbridge.model.AttributeType;
import org.labelbridge.model.Rgb;

/**
 * Reads the head of a CVAT document, {@code <annotations>} through {@code </meta>}, leaving the
 * cursor on the meta's end tag so that the items can stream on. The meta is a {@code <task>}
 * (task dump), a {@code <project>} with {@code <tasks>} (project dump) or a {@code <job>} (job
 * dump, as app.cvat.ai writes a job's export: labels, mode and subset in {@code <job>}, a video's
 * {@code <original_size>} beside it in {@code <meta>}).
 */
final class CvatMetaReader {

    private final XmlCursor xml;
    private final Deque<String> path = new ArrayDeque<>();
    private final List<CvatMeta.LabelDecl> labels = new ArrayList<>();
    private final Map<Long, CvatMeta.Size> frameSizes = new HashMap<>();
    private CvatMeta.Size firstFrameSize;
    private String taskSubset;
    private boolean interpolation;

    private LabelBuilder label;
    private AttributeBuilder attribute;
    private Long taskId;
    private CvatMeta.Size taskFrameSize;
    private Integer frameWidth;
    private Integer frameHeight;

    private CvatMetaReader(XmlCursor xml) {
        this.xml = xml;
    }

    /** Reads from the root start tag {@code <annotations>}, where the cursor is, to the end of {@code <meta>}. */
    static CvatMeta read(XmlCursor xml) throws FormatException {
        return new CvatMetaReader(xml).read();
    }

    private CvatMeta read() throws FormatException {
        while (true) {
            int event = xml.next();
            if (event != START_ELEMENT) {
                throw xml.error("expected <meta> in <annotations>, the file ends first");
            }
            String name = xml.name();
            if ("meta".equals(name)) {
                readMeta();
                return new CvatMeta(labels, frameSizes, firstFrameSize, taskSubset, interpolation);
            }
            if (CvatLayout.IMAGE.equals(name) || CvatLayout.TRACK.equals(name) || CvatLayout.TAG.equals(name)) {
                throw xml.error("expected <meta> (the labels) before the first <" + name + ">");
            }
            xml.skipElement(); // <version> and anything else before the meta
        }
    }

    private void readMeta() throws FormatException {
        path.push("meta");
        while (!path.isEmpty()) {
            int event = xml.next();
            if (event == END_DOCUMENT) {
                throw xml.error("the file ends inside <meta>");
            }
            if (event == END_ELEMENT) {
                closed(path.pop());
                continue;
            }
            String name = xml.name();
            String parent = path.peek();
            if (!leaf(parent, name)) {
                opened(parent, name);
                path.push(name);
            }
        }
    }

    private void opened(String parent, String name) {
        if ("label".equals(name) && "labels".equals(parent)) {
            label = new LabelBuilder(xml.line());
        } else if ("attribute".equals(name) && "attributes".equals(parent) && label != null) {
            attribute = new AttributeBuilder();
        } else if ("task".equals(name)) {
            taskId = null;
            taskFrameSize = null;
        } else if ("original_size".equals(name)) {
            frameWidth = null;
            frameHeight = null;
        }
    }

    private void closed(String name) throws FormatException {
        if ("label".equals(name) && label != null) {
            labels.add(label.build(xml));
            label = null;
        } else if ("attribute".equals(name) && attribute != null) {
            label.attributes.add(attribute.build(xml));
            attribute = null;
        } else if ("original_size".equals(name) && frameWidth != null && frameHeight != null) {
            // In <task> (task and project dumps), or beside <job> in <meta> (job dumps).
            CvatMeta.Size size = new CvatMeta.Size(frameWidth, frameHeight);
            if (firstFrameSize == null) {
                firstFrameSize = size;
            }
            if ("task".equals(path.peek())) {
                taskFrameSize = size;
            }
        } else if ("task".equals(name) && taskId != null && taskFrameSize != null) {
            frameSizes.put(taskId, taskFrameSize);
        }
    }

    /** Reads a text-only element this reader needs; returns false for any other element. */
    private boolean leaf(String parent, String name) throws FormatException {
        if (attribute != null && "attribute".equals(parent)) {
            return attributeField(name);
        }
        if (label != null && "label".equals(parent)) {
            return labelField(name);
        }
        String key = parent + "/" + name;
        switch (key) {
            case "task/id":
                taskId = parseLong(xml.text(), "task id");
                return true;
            case "task/mode", "job/mode":
                interpolation |= "interpolation".equals(xml.text().trim());
                return true;
            case "original_size/width":
                frameWidth = parseSize(xml.text(), "width");
                return true;
            case "original_size/height":
                frameHeight = parseSize(xml.text(), "height");
                return true;
            case "task/subset", "job/subset":
                String subset = xml.text().trim();
                if (path.size() == 2 && !subset.isEmpty()) { // meta/task or meta/job, not meta/project/tasks/task
                    taskSubset = subset;
                }
                return true;
            default:
                return false;
        }
    }

    private boolean labelField(String name) throws FormatException {
        switch (name) {
            case "name":
                label.name = xml.text();
                return true;
            case "parent":
                label.parent = xml.text().trim();
                return true;
            case "type":
                label.type = xml.text().trim();
                return true;
            case "svg":
                label.svg = xml.text();
                return true;
            case "color":
                label.color = parseColor(xml.text().trim());
                return true;
            default:
                return false;
        }
    }

    private boolean attributeField(String name) throws FormatException {
        switch (name) {
            case "name":
                attribute.name = xml.text();
                return true;
            case "mutable":
                attribute.mutable = "true".equalsIgnoreCase(xml.text().trim());
                return true;
            case "input_type":
                attribute.inputType = xml.text().trim();
                return true;
            case "default_value":
                attribute.defaultValue = xml.text();
                return true;
            case "values":
                attribute.values = splitValues(xml.text());
                return true;
            default:
                return false;
        }
    }

    /** CVAT separates values by new lines; old dumps by spaces. */
    static List<String> splitValues(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            return List.of();
        }
        String[] parts = trimmed.indexOf('\n') >= 0 ? trimmed.split("\r?\n") : trimmed.split("\\s+");
        List<String> values = new ArrayList<>(parts.length);
        for (String part : parts) {
            values.add(part.strip());
        }
        return values;
    }

    private Rgb parseColor(String text) {
        if (text.matches("#[0-9a-fA-F]{6}")) {
            int rgb = Integer.parseInt(text.substring(1), 16);
            return new Rgb(rgb >> 16 & 0xff, rgb >> 8 & 0xff, rgb & 0xff);
        }
        return null; // CVAT always writes #rrggbb; anything else is not a colour worth keeping
    }

    private long parseLong(String text, String what) throws FormatException {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw xml.error("expected a whole number as the " + what + ", got '" + text.trim() + "'");
        }
    }

    private int parseSize(String text, String what) throws FormatException {
        long value = parseLong(text, "frame " + what);
        if (value <= 0 || value > Integer.MAX_VALUE) {
            throw xml.error("expected a positive frame " + what + ", got " + value);
        }
        return (int) value;
    }

    private static final class LabelBuilder {
        final int line;
        String name;
        String parent = "";
        String type;
        String svg;
        Rgb color;
        final List<AttributeDef> attributes = new ArrayList<>();

        LabelBuilder(int line) {
            this.line = line;
        }

        CvatMeta.LabelDecl build(XmlCursor xml) throws FormatException {
            if (name == null || name.isEmpty()) {
                throw xml.error(line, "a <label> needs a <name>");
            }
            return new CvatMeta.LabelDecl(name, parent, type, color, attributes, svg,
                    xml.file() + ", line " + line);
        }
    }

    private static final class AttributeBuilder {
        String name;
        boolean mutable;
        String inputType;
        String defaultValue;
        List<String> values = List.of();

        AttributeDef build(XmlCursor xml) throws FormatException {
            if (name == null || name.isEmpty()) {
                throw xml.error("an <attribute> of a label needs a <name>");
            }
            return new AttributeDef(name, AttributeType.fromId(inputType), mutable, values, defaultValue);
        }
    }
}

package org.labelbridge.format.market1501;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.labelbridge.format.DatasetOutput;
import org.labelbridge.format.DatasetWriter;
import org.labelbridge.format.Problems;
import org.labelbridge.format.common.FileNames;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;

/**
 * Writes each image as {@code query/<name>} or {@code bounding_box_<subset>/<name>}, the name
 * built from the item's attributes, and lists it in {@code images_<subset>.txt}.
 */
final class Market1501Writer implements DatasetWriter {

    private static final Pattern PERSON = Pattern.compile("-?\\d+");

    private final DatasetOutput output;
    private final Problems problems;
    private final Map<String, Writer> lists = new HashMap<>();
    /** The highest frame used per person, camera and track, to number images that give none. */
    private final Map<String, Long> lastFrames = new HashMap<>();

    Market1501Writer(DatasetOutput output, Problems problems) {
        this.output = output;
        this.problems = problems;
    }

    @Override
    public void begin(Categories categories) {
        if (!categories.labels().isEmpty()) {
            problems.dataset("labels not kept: Market-1501 has none (" + categories.labels().size() + " declared)");
        }
    }

    @Override
    public void write(Item given) throws IOException {
        Item item = FileNames.withPathId(given, problems, "Market-1501");
        String folder = isQuery(item) ? Market1501Files.QUERY_DIR : Market1501Files.GALLERY_PREFIX + item.subset();
        String dir = item.id().substring(0, item.id().lastIndexOf('/') + 1);
        String base = item.id().substring(dir.length());
        String extension = item.media().extension().isEmpty() ? Market1501Files.DEFAULT_IMAGE_EXT : item.media().extension();
        String path = folder + "/" + dir + fileName(item, base) + extension;
        if (path.indexOf('\n') >= 0 || path.indexOf('\r') >= 0) {
            problems.item(item.id(), "not written: a Market-1501 list line cannot hold a line break");
            return;
        }
        List<String> lost = new ArrayList<>();
        for (String name : item.attributes().keySet()) {
            if (!Market1501Files.ATTRIBUTES.contains(name)) {
                lost.add(name);
            }
        }
        if (!lost.isEmpty()) {
            problems.item(item.id(), "item attributes " + lost + " not kept: a Market-1501 file name holds only "
                    + String.join(", ", Market1501Files.ATTRIBUTES));
        }
        list(item.subset()).write(path + "\n");
        output.copyMedia(item.media(), path);
    }

    /** The file name without extension: the id when it is a Market-1501 name, else built from the attributes. */
    private String fileName(Item item, String base) {
        Market1501Name named = Market1501Name.parse(base);
        if (named != null) {
            checkAgrees(item, named);
            remember(named);
            return base;
        }
        Map<String, Object> attributes = item.attributes();
        String person = person(attributes.get(Market1501Files.PERSON_ID));
        if (person == null) {
            if (attributes.keySet().stream().anyMatch(k -> !k.equals(Market1501Files.QUERY)
                    && Market1501Files.ATTRIBUTES.contains(k))) {
                problems.item(item.id(), "camera, track, frame and box ids not kept: without a person_id the file"
                        + " name is the item id");
            }
            return base;
        }
        long camera = number(item, Market1501Files.CAMERA_ID, 0);
        long track = number(item, Market1501Files.TRACK_ID, 1);
        long bbox = number(item, Market1501Files.BBOX_ID, 0);
        String key = person + "_" + camera + "_" + track;
        long frame = attributes.containsKey(Market1501Files.FRAME_ID)
                ? number(item, Market1501Files.FRAME_ID, 0) : lastFrames.getOrDefault(key, -1L) + 1;
        String custom = base;
        if (!base.isEmpty() && Character.isDigit(base.charAt(0))) {
            problems.item(item.id(), "item id not kept: the file name is built from the attributes, and an id"
                    + " starting with a digit cannot follow them");
            custom = "";
        }
        Market1501Name name = new Market1501Name(person, camera, track, frame, bbox, custom);
        remember(name);
        return name.format();
    }

    private void remember(Market1501Name name) {
        lastFrames.merge(name.personId() + "_" + name.cameraId() + "_" + name.trackId(), name.frameId(), Math::max);
    }

    /** Attributes that the item's own Market-1501 name contradicts are lost: the name wins. */
    private void checkAgrees(Item item, Market1501Name named) {
        Map<String, Object> fromName = named.attributes(isQuery(item));
        List<String> differ = new ArrayList<>();
        for (String key : List.of(Market1501Files.CAMERA_ID, Market1501Files.TRACK_ID, Market1501Files.FRAME_ID,
                Market1501Files.BBOX_ID)) {
            Object value = item.attributes().get(key);
            if (value != null && !String.valueOf(fromName.get(key)).equals(text(value))) {
                differ.add(key + "=" + value);
            }
        }
        Object person = item.attributes().get(Market1501Files.PERSON_ID);
        if (person != null && !named.personId().equals(person(person))) {
            differ.add(Market1501Files.PERSON_ID + "=" + person);
        }
        if (!differ.isEmpty()) {
            problems.item(item.id(), "attributes " + differ + " not kept: the item's file name " + named.format()
                    + " says otherwise, and the name is what Market-1501 keeps");
        }
    }

    private static String text(Object value) {
        return value instanceof Double d && d == Math.rint(d) ? Long.toString(d.longValue()) : value.toString().strip();
    }

    /** A person id as the name writes it: a string of digits as given, a number as 4 digits. */
    private static String person(Object value) {
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return String.format("%04d", n.longValue());
        }
        if (value instanceof String s && PERSON.matcher(s.strip()).matches()) {
            return s.strip();
        }
        return null;
    }

    private long number(Item item, String key, long fallback) {
        Object value = item.attributes().get(key);
        if (value == null) {
            return fallback;
        }
        try {
            long n = Long.parseLong(text(value));
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.item(item.id(), key + "='" + value + "' not kept: a Market-1501 name needs a whole number >= 0;"
                + " written as " + fallback);
        return fallback;
    }

    private boolean isQuery(Item item) {
        Object value = item.attributes().get(Market1501Files.QUERY);
        if (value instanceof Boolean b) {
            return b;
        }
        if (value == null) {
            return false;
        }
        String text = value.toString().strip().toLowerCase(Locale.ROOT);
        return text.equals("true") || text.equals("1") || text.equals("yes");
    }

    private Writer list(String subset) throws IOException {
        Writer out = lists.get(subset);
        if (out == null) {
            out = new OutputStreamWriter(output.deferred(Market1501Files.listFile(subset)), StandardCharsets.UTF_8);
            lists.put(subset, out);
        }
        return out;
    }

    @Override
    public void finish() throws IOException {
        for (Writer out : lists.values()) {
            out.close();
        }
    }
}

package org.labelbridge.format.kittiraw;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.labelbridge.format.FormatException;
import org.labelbridge.format.Problems;
import org.labelbridge.format.common.SafeXml;

/**
 * Reads {@code tracklet_labels.xml}, boost's XML serialisation of the KITTI devkit's tracklets:
 * {@code <tracklets>} holds a {@code <count>} and one {@code <item>} per tracklet, each with
 * {@code objectType}, {@code h}, {@code w}, {@code l}, {@code first_frame} and {@code <poses>}
 * (a count and one {@code <item>} per frame). Elements it does not know are skipped, as
 * Datumaro's reader does; a tracklet whose poses disagree with their count is an error.
 */
final class TrackletParser {

    private final XMLStreamReader xml;
    private final String file;
    private final Problems problems;

    private TrackletParser(XMLStreamReader xml, String file, Problems problems) {
        this.xml = xml;
        this.file = file;
        this.problems = problems;
    }

    /** The DOCTYPE boost writes, which declares nothing; {@link SafeXml} refuses every DOCTYPE. */
    private static final byte[] BOOST_DOCTYPE = "<!DOCTYPE boost_serialization>".getBytes(StandardCharsets.US_ASCII);
    /** Where the DOCTYPE is looked for: after the XML declaration, before the root. */
    private static final int PROLOGUE = 512;

    /** The tracklets of the document; {@code file} names it in errors. */
    static List<Tracklet> parse(InputStream in, String file, Problems problems) throws IOException {
        XMLStreamReader xml = SafeXml.stream(withoutBoostDoctype(in), file);
        try {
            TrackletParser parser = new TrackletParser(xml, file, problems);
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("tracklets")) {
                    return parser.tracklets();
                }
            }
            throw FormatException.at(file, null, "no <tracklets> element: not a KITTI tracklet file");
        } catch (XMLStreamException e) {
            throw SafeXml.error(file, e);
        } finally {
            try {
                xml.close();
            } catch (XMLStreamException e) {
                // nothing more to read
            }
        }
    }

    /**
     * The document with boost's own {@code <!DOCTYPE boost_serialization>} blanked out (same
     * length, so lines and columns stay), where it stands in the prologue; any other DOCTYPE is
     * left for {@link SafeXml} to refuse.
     */
    private static InputStream withoutBoostDoctype(InputStream in) throws IOException {
        byte[] head = in.readNBytes(PROLOGUE);
        int at = indexOf(head, BOOST_DOCTYPE);
        int root = indexOfRoot(head);
        if (at >= 0 && (root < 0 || at < root)) {
            java.util.Arrays.fill(head, at, at + BOOST_DOCTYPE.length, (byte) ' ');
        }
        return new SequenceInputStream(new ByteArrayInputStream(head), in);
    }

    private static int indexOf(byte[] bytes, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= bytes.length; i++) {
            for (int k = 0; k < part.length; k++) {
                if (bytes[i + k] != part[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Where the first element starts: a {@code <} not followed by {@code ?} or {@code !}. */
    private static int indexOfRoot(byte[] bytes) {
        for (int i = 0; i + 1 < bytes.length; i++) {
            if (bytes[i] == '<' && bytes[i + 1] != '?' && bytes[i + 1] != '!') {
                return i;
            }
        }
        return -1;
    }

    private List<Tracklet> tracklets() throws XMLStreamException, FormatException {
        List<Tracklet> tracklets = new ArrayList<>();
        Long declared = null;
        while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
            switch (xml.getLocalName()) {
                case "count" -> declared = longValue("tracklets count");
                case "item" -> tracklets.add(tracklet(tracklets.size()));
                default -> skip();
            }
        }
        if (declared != null && declared != tracklets.size()) {
            // CVAT's own sample says 4 and holds 3; Datumaro reads the items that are there.
            problems.dataset(file + ": <count> says " + declared + " tracklets but " + tracklets.size()
                    + " are there; all of them are read");
        }
        return tracklets;
    }

    private Tracklet tracklet(int index) throws XMLStreamException, FormatException {
        String where = "tracklet " + index;
        String type = null;
        double w = Double.NaN;
        double h = Double.NaN;
        double l = Double.NaN;
        Long first = null;
        List<Tracklet.Pose> poses = List.of();
        Map<String, String> attributes = Map.of();
        while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
            switch (xml.getLocalName()) {
                case "objectType" -> type = xml.getElementText().strip();
                case "w" -> w = number(where + " <w>");
                case "h" -> h = number(where + " <h>");
                case "l" -> l = number(where + " <l>");
                case "first_frame" -> first = longValue(where + " <first_frame>");
                case "poses" -> poses = poses(where);
                case "attributes" -> attributes = attributes(where);
                default -> skip();
            }
        }
        if (type == null || type.isEmpty()) {
            throw fail(where + " has no <objectType>");
        }
        if (first == null || first < 0) {
            throw fail(where + " needs a <first_frame> of 0 or more, got " + first);
        }
        if (Double.isNaN(w) || Double.isNaN(h) || Double.isNaN(l)) {
            throw fail(where + " needs its size <w>, <h> and <l>");
        }
        return new Tracklet(type, w, h, l, first, poses, attributes);
    }

    private List<Tracklet.Pose> poses(String tracklet) throws XMLStreamException, FormatException {
        List<Tracklet.Pose> poses = new ArrayList<>();
        Long declared = null;
        while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
            switch (xml.getLocalName()) {
                case "count" -> declared = longValue(tracklet + " poses <count>");
                case "item" -> poses.add(pose(tracklet + " pose " + poses.size()));
                default -> skip();
            }
        }
        if (declared == null || declared != poses.size()) {
            throw fail(tracklet + ": <poses> <count> says " + declared + " but " + poses.size() + " poses are there");
        }
        return poses;
    }

    private Tracklet.Pose pose(String where) throws XMLStreamException, FormatException {
        double[] t = {Double.NaN, Double.NaN, Double.NaN};
        double[] r = {Double.NaN, Double.NaN, Double.NaN};
        int state = KittiRawLayout.STATE_LABELLED;
        int occlusion = KittiRawLayout.OCCLUSION_UNSET;
        boolean occlusionKeyframe = false;
        int truncation = -1;
        Map<String, String> attributes = Map.of();
        while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
            String name = xml.getLocalName();
            switch (name) {
                case "tx", "ty", "tz" -> t[name.charAt(1) - 'x'] = number(where + " <" + name + ">");
                case "rx", "ry", "rz" -> r[name.charAt(1) - 'x'] = number(where + " <" + name + ">");
                case "state" -> state = (int) longValue(where + " <state>");
                case "occlusion" -> occlusion = (int) longValue(where + " <occlusion>");
                case "occlusion_kf" -> occlusionKeyframe = longValue(where + " <occlusion_kf>") == 1;
                case "truncation" -> truncation = (int) longValue(where + " <truncation>");
                case "attributes" -> attributes = attributes(where);
                default -> skip();
            }
        }
        for (double v : new double[] {t[0], t[1], t[2], r[0], r[1], r[2]}) {
            if (Double.isNaN(v)) {
                throw fail(where + " needs <tx>, <ty>, <tz>, <rx>, <ry> and <rz>");
            }
        }
        return new Tracklet.Pose(t[0], t[1], t[2], r[0], r[1], r[2], state, occlusion, occlusionKeyframe, truncation,
                attributes);
    }

    /** {@code <attributes>}: {@code <attribute><name/><value/></attribute>} pairs, as CVAT writes them. */
    private Map<String, String> attributes(String where) throws XMLStreamException, FormatException {
        Map<String, String> attributes = new LinkedHashMap<>();
        while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
            if (!xml.getLocalName().equals("attribute")) {
                skip();
                continue;
            }
            String name = null;
            String value = "";
            while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
                switch (xml.getLocalName()) {
                    case "name" -> name = xml.getElementText();
                    case "value" -> value = xml.getElementText();
                    default -> skip();
                }
            }
            if (name == null || name.isEmpty()) {
                throw fail(where + ": an <attribute> without a <name>");
            }
            attributes.put(name, value);
        }
        return attributes;
    }

    private double number(String what) throws XMLStreamException, FormatException {
        String text = xml.getElementText().strip();
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw fail(what + " is not a number: '" + text + "'");
        }
    }

    private long longValue(String what) throws XMLStreamException, FormatException {
        String text = xml.getElementText().strip();
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw fail(what + " is not an integer: '" + text + "'");
        }
    }

    /** Skips the element the reader stands on, with everything in it. */
    private void skip() throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    private FormatException fail(String message) {
        return FormatException.at(file, "line " + xml.getLocation().getLineNumber(), message);
    }
}

package org.labelbridge.format.labelme;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.labelbridge.format.DatasetOutput;
import org.labelbridge.format.DatasetReader;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.DatasetWriter;
import org.labelbridge.format.Detection;
import org.labelbridge.format.Feature;
import org.labelbridge.format.Format;
import org.labelbridge.format.FormatDescriptor;
import org.labelbridge.format.FormatException;
import org.labelbridge.format.Problems;
import org.labelbridge.format.common.SafeXml;
import org.labelbridge.model.AnnotationKind;

/** LabelMe 3.0: one XML per image with polygons, boxes and masks (see package-info). */
public final class LabelMeFormat implements Format {

    private static final FormatDescriptor DESCRIPTOR = new FormatDescriptor("labelme", "LabelMe 3.0", true, true,
            EnumSet.of(AnnotationKind.POLYGON, AnnotationKind.BBOX, AnnotationKind.MASK),
            EnumSet.of(Feature.ANNOTATION_ATTRIBUTES, Feature.GROUPS, Feature.SUBSETS, Feature.UNLABELLED), "");

    /** How many XML files the detector looks into, and how far. */
    private static final int PROBED_FILES = 20;
    private static final int PROBED_BYTES = 1 << 16;

    /** What the start of one XML file says. */
    private enum Probe { SHAPES, NO_OBJECTS, NOT_LABELME }

    @Override
    public FormatDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /**
     * As Datumaro's detector: strong when an {@code <annotation>} file has an object with a
     * {@code <polygon>} or {@code <segm>}; none as soon as a file is no {@code <annotation>} or
     * has an object without them (VOC's objects have {@code <bndbox>}); weak when the files
     * looked at have no objects at all, which VOC files can look like too.
     */
    @Override
    public Detection detect(DatasetSource source) throws IOException {
        List<String> xmls = source.files().stream().filter(f -> f.endsWith(LabelMeLayout.XML))
                .limit(PROBED_FILES).toList();
        for (String xml : xmls) {
            Probe probe = probe(source.head(xml, PROBED_BYTES));
            if (probe == Probe.SHAPES) {
                return Detection.strong(xml + " is an <annotation> with <object><polygon> or <segm>");
            }
            if (probe == Probe.NOT_LABELME) {
                return Detection.NONE;
            }
        }
        return xmls.isEmpty() ? Detection.NONE
                : Detection.weak(xmls.get(0) + " is an <annotation> without objects; LabelMe or VOC");
    }

    private static Probe probe(byte[] head) {
        XMLStreamReader xml = null;
        Deque<String> open = new ArrayDeque<>();
        boolean shape = false;
        try {
            xml = SafeXml.stream(new ByteArrayInputStream(head), "");
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = xml.getLocalName();
                    if (open.isEmpty() && !name.equals("annotation")) {
                        return Probe.NOT_LABELME;
                    }
                    if (open.size() == 2 && open.peekLast().equals("annotation") && open.peekFirst().equals("object")
                            && (name.equals("polygon") || name.equals("segm"))) {
                        shape = true;
                    }
                    open.push(name);
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    String name = open.pop();
                    if (open.size() == 1 && name.equals("object")) {
                        return shape ? Probe.SHAPES : Probe.NOT_LABELME;
                    }
                }
            }
            return Probe.NO_OBJECTS;
        } catch (FormatException | XMLStreamException | RuntimeException e) {
            // Cut off by the probe limit: undecided; otherwise not well-formed, so not ours.
            return head.length >= PROBED_BYTES ? (shape ? Probe.SHAPES : Probe.NO_OBJECTS) : Probe.NOT_LABELME;
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException e) {
                    // nothing more is read
                }
            }
        }
    }

    @Override
    public DatasetReader reader(DatasetSource source, Problems problems) throws IOException {
        return new LabelMeReader(source, problems);
    }

    @Override
    public DatasetWriter writer(DatasetOutput output, Problems problems) {
        return new LabelMeWriter(output, problems);
    }
}

package org.labelbridge.format.kittiraw;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.labelbridge.format.common.NumberText;
import org.labelbridge.format.common.SafeXml;

/**
 * Writes {@code tracklet_labels.xml} as boost's XML archive of the KITTI devkit writes it (and
 * Datumaro's exporter after it): the DOCTYPE, {@code class_id}, {@code tracking_level} and
 * {@code version} on the first element of each class only, two spaces of indent.
 */
final class TrackletXml {

    private final XMLStreamWriter xml;
    private int depth;
    private boolean trackletHeader = true;
    private boolean posesHeader = true;
    private boolean poseHeader = true;

    private TrackletXml(XMLStreamWriter xml) {
        this.xml = xml;
    }

    static void write(OutputStream out, List<Tracklet> tracklets) throws IOException {
        XMLStreamWriter xml = SafeXml.writer(out);
        try {
            new TrackletXml(xml).document(tracklets);
            xml.flush();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write " + KittiRawLayout.TRACKLETS, e);
        }
    }

    private void document(List<Tracklet> tracklets) throws XMLStreamException, IOException {
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeCharacters("\n");
        xml.writeDTD("<!DOCTYPE boost_serialization>");
        open("boost_serialization", "signature", "serialization::archive", "version", "9");
        open("tracklets", "class_id", "0", "tracking_level", "0", "version", "0");
        leaf("count", Integer.toString(tracklets.size()));
        leaf("item_version", "1");
        for (Tracklet tracklet : tracklets) {
            tracklet(tracklet);
        }
        end();
        end();
        xml.writeCharacters("\n");
        xml.writeEndDocument();
    }

    private void tracklet(Tracklet tracklet) throws XMLStreamException, IOException {
        if (trackletHeader) {
            open("item", "class_id", "1", "tracking_level", "0", "version", "1");
            trackletHeader = false;
        } else {
            open("item");
        }
        leaf("objectType", SafeXml.requireXmlText(tracklet.objectType(), "label name"));
        leaf("h", NumberText.of(tracklet.h()));
        leaf("w", NumberText.of(tracklet.w()));
        leaf("l", NumberText.of(tracklet.l()));
        leaf("first_frame", Long.toString(tracklet.firstFrame()));
        if (posesHeader) {
            open("poses", "class_id", "2", "tracking_level", "0", "version", "0");
            posesHeader = false;
        } else {
            open("poses");
        }
        leaf("count", Integer.toString(tracklet.poses().size()));
        leaf("item_version", "2");
        for (Tracklet.Pose pose : tracklet.poses()) {
            pose(pose);
        }
        end();
        leaf("finished", "1");
        end();
    }

    private void pose(Tracklet.Pose pose) throws XMLStreamException, IOException {
        if (poseHeader) {
            open("item", "class_id", "3", "tracking_level", "0", "version", "2");
            poseHeader = false;
        } else {
            open("item");
        }
        leaf("tx", NumberText.of(pose.tx()));
        leaf("ty", NumberText.of(pose.ty()));
        leaf("tz", NumberText.of(pose.tz()));
        leaf("rx", NumberText.of(pose.rx()));
        leaf("ry", NumberText.of(pose.ry()));
        leaf("rz", NumberText.of(pose.rz()));
        leaf("state", Integer.toString(pose.state()));
        leaf("occlusion", Integer.toString(pose.occlusion()));
        leaf("occlusion_kf", pose.occlusionKeyframe() ? "1" : "0");
        leaf("truncation", Integer.toString(pose.truncation()));
        for (String unset : List.of("amt_occlusion", "amt_border_l", "amt_border_r", "amt_occlusion_kf",
                "amt_border_kf")) {
            leaf(unset, "-1");
        }
        if (!pose.attributes().isEmpty()) {
            open("attributes");
            for (Map.Entry<String, String> attribute : pose.attributes().entrySet()) {
                open("attribute");
                leaf("name", SafeXml.requireXmlText(attribute.getKey(), "attribute name"));
                leaf("value", SafeXml.requireXmlText(attribute.getValue(), "attribute '" + attribute.getKey() + "'"));
                end();
            }
            end();
        }
        end();
    }

    private void open(String name, String... attributes) throws XMLStreamException {
        indent();
        xml.writeStartElement(name);
        for (int i = 0; i < attributes.length; i += 2) {
            xml.writeAttribute(attributes[i], attributes[i + 1]);
        }
        depth++;
    }

    private void end() throws XMLStreamException {
        depth--;
        indent();
        xml.writeEndElement();
    }

    private void leaf(String name, String text) throws XMLStreamException {
        indent();
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private void indent() throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(depth));
    }
}

package org.labelbridge.format.kittiraw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.labelbridge.testing.CorpusMatrix;
import org.labelbridge.testing.CorpusMatrix.Outcome;
import org.labelbridge.testing.OutputFiles;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * What CVAT's Kitti Raw import (its Datumaro fork's {@code KittiRawExtractor}) reads, checked on
 * the output of every point cloud sample: one {@code tracklet_labels.xml} whose tracklets each
 * have an object type, {@code h w l} and {@code first_frame} numbers and a {@code <poses>}
 * {@code <count>} equal to its poses (asserted there), each pose's six geometry numbers and
 * integer codes Datumaro's enums know; {@code frame_list.txt} lines {@code <int> <name>}; and a
 * {@code velodyne_points/data/<name>.pcd} for every frame a tracklet reaches.
 */
class KittiRawConsumerContractTest {

    private static final Set<Integer> OCCLUSION = Set.of(-1, 0, 1, 2);
    private static final Set<Integer> TRUNCATION = Set.of(-1, 0, 1, 2, 99);
    private static final Set<Integer> STATE = Set.of(0, 1, 2);

    @TempDir
    Path work;

    @ParameterizedTest
    @MethodSource("org.labelbridge.testing.CorpusMatrix#pointCloudSamples")
    void everyOutputReadsAsDatumaroReadsIt(String sample) throws Exception {
        Outcome outcome = CorpusMatrix.forContract(sample, "kitti_raw", work);
        Path root = outcome.output();
        Map<Long, String> names = frameList(outcome, root.resolve("frame_list.txt"));
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(root.resolve("tracklet_labels.xml").toFile());
        Element tracklets = child(xml.getDocumentElement(), "tracklets");
        List<Element> items = children(tracklets, "item");
        assertEquals(items.size(), Integer.parseInt(text(tracklets, "count")), outcome + ": tracklets <count>");
        for (int t = 0; t < items.size(); t++) {
            String at = outcome + " tracklet " + t;
            Element tracklet = items.get(t);
            assertFalse(text(tracklet, "objectType").isBlank(), at + ": objectType");
            for (String size : List.of("h", "w", "l")) {
                assertTrue(OutputFiles.isFloat(text(tracklet, size)), at + ": <" + size + "> float()-read");
            }
            long first = Long.parseLong(text(tracklet, "first_frame"));
            Element poses = child(tracklet, "poses");
            List<Element> list = children(poses, "item");
            assertEquals(list.size(), Integer.parseInt(text(poses, "count")), at + ": poses <count> (asserted by Datumaro)");
            for (int p = 0; p < list.size(); p++) {
                Element pose = list.get(p);
                for (String field : List.of("tx", "ty", "tz", "rx", "ry", "rz")) {
                    assertTrue(OutputFiles.isFloat(text(pose, field)), at + " pose " + p + ": <" + field + ">");
                }
                assertTrue(STATE.contains(Integer.parseInt(text(pose, "state"))), at + " pose " + p + ": state");
                assertTrue(OCCLUSION.contains(Integer.parseInt(text(pose, "occlusion"))), at + " pose " + p + ": occlusion");
                assertTrue(Set.of("0", "1").contains(text(pose, "occlusion_kf")), at + " pose " + p + ": occlusion_kf");
                int truncation = Integer.parseInt(text(pose, "truncation"));
                assertTrue(TRUNCATION.contains(truncation), at + " pose " + p + ": truncation");
                String name = names.get(first + p);
                assertTrue(name != null, at + " pose " + p + ": frame " + (first + p) + " is in frame_list.txt");
                if (truncation != 2 && truncation != 99) {
                    assertTrue(Files.exists(root.resolve("velodyne_points/data/" + name + ".pcd")),
                            at + ": the point cloud of frame " + (first + p));
                }
            }
        }
    }

    @Test
    void theTrackletFileIsBoostsArchiveWithItsClassHeaders() throws Exception {
        Outcome outcome = CorpusMatrix.forContract("kitti_raw_1.0/kitti_raw", "kitti_raw", work);
        List<String> lines = OutputFiles.lines(outcome.output().resolve("tracklet_labels.xml"));
        assertEquals("<!DOCTYPE boost_serialization>", lines.get(1));
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(outcome.output().resolve("tracklet_labels.xml").toFile());
        assertEquals("serialization::archive", xml.getDocumentElement().getAttribute("signature"));
        Element first = children(child(xml.getDocumentElement(), "tracklets"), "item").get(0);
        assertEquals("1", first.getAttribute("class_id"));
        assertEquals("3", children(child(first, "poses"), "item").get(0).getAttribute("class_id"));
    }

    private static Map<Long, String> frameList(Outcome outcome, Path file) {
        Map<Long, String> names = new HashMap<>();
        for (String line : OutputFiles.lines(file)) {
            String[] parts = line.split(" ", 2);
            assertTrue(parts.length == 2 && OutputFiles.isInt(parts[0]), outcome + ": frame_list.txt line " + line);
            names.put(Long.parseLong(parts[0]), parts[1]);
        }
        return names;
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> list = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                list.add(e);
            }
        }
        return list;
    }

    private static Element child(Element parent, String name) {
        List<Element> list = children(parent, name);
        assertEquals(1, list.size(), "one <" + name + "> in <" + parent.getTagName() + ">");
        return list.get(0);
    }

    private static String text(Element parent, String name) {
        return child(parent, name).getTextContent().strip();
    }
}

package org.labelbridge.format.cvat;

import static javax.xml.stream.XMLStreamConstants.END_DOCUMENT;
import static javax.xml.stream.XMLStreamConstants.START_ELEMENT;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.labelbridge.format.FormatException;
import org.labelbridge.model.SkeletonDef;

/**
 * The {@code <svg>} of a skeleton label: CVAT draws each node as a {@code <circle>} naming its
 * label ({@code data-node-id}, {@code data-label-name}) and each edge as a {@code <line>}
 * between node ids ({@code data-node-from}, {@code data-node-to}).
 */
final class SkeletonSvg {

    private SkeletonSvg() {
    }

    /**
     * The edges of the skeleton whose nodes are {@code nodeNames} (in node order).
     *
     * @throws FormatException when the svg is not well-formed markup
     */
    static List<SkeletonDef.Edge> edges(String svg, List<String> nodeNames, String file) throws FormatException {
        Map<String, String> labelOfNode = new HashMap<>();
        List<String[]> lines = new ArrayList<>();
        String wrapped = "<svg>" + svg + "</svg>";
        try (XmlCursor xml = XmlCursor.of(new ByteArrayInputStream(wrapped.getBytes(StandardCharsets.UTF_8)), file)) {
            xml.next();
            for (int event = xml.next(); event != END_DOCUMENT; event = xml.next()) {
                if (event != START_ELEMENT) {
                    continue;
                }
                if ("circle".equals(xml.name()) && xml.attribute("data-node-id") != null) {
                    labelOfNode.put(xml.attribute("data-node-id"), xml.attribute("data-label-name"));
                } else if ("line".equals(xml.name()) && xml.attribute("data-node-from") != null) {
                    lines.add(new String[] {xml.attribute("data-node-from"), xml.attribute("data-node-to")});
                }
            }
        } catch (IOException e) {
            throw e instanceof FormatException fe ? fe : new FormatException(file + ": " + e.getMessage(), e);
        }
        List<SkeletonDef.Edge> edges = new ArrayList<>();
        for (String[] line : lines) {
            int from = nodeNames.indexOf(labelOfNode.get(line[0]));
            int to = nodeNames.indexOf(labelOfNode.get(line[1]));
            if (from >= 0 && to >= 0) {
                edges.add(new SkeletonDef.Edge(from, to));
            }
        }
        return edges;
    }

    /** An svg CVAT can draw: the nodes on a circle, numbered from 1, and the edges between them. */
    static String render(List<String> nodeNames, List<SkeletonDef.Edge> edges) {
        int n = nodeNames.size();
        double[][] at = new double[n][];
        for (int i = 0; i < n; i++) {
            double angle = 2 * Math.PI * i / Math.max(1, n) - Math.PI / 2;
            at[i] = new double[] {50 + 40 * Math.cos(angle), 50 + 40 * Math.sin(angle)};
        }
        StringBuilder svg = new StringBuilder();
        for (SkeletonDef.Edge edge : edges) {
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" y2=\"%.2f\" "
                            + "stroke=\"black\" data-type=\"edge\" data-node-from=\"%d\" stroke-width=\"0.5\" "
                            + "data-node-to=\"%d\"></line>",
                    at[edge.from()][0], at[edge.from()][1], at[edge.to()][0], at[edge.to()][1],
                    edge.from() + 1, edge.to() + 1));
        }
        for (int i = 0; i < n; i++) {
            svg.append(String.format(Locale.ROOT, "<circle r=\"1.5\" stroke=\"black\" fill=\"#b3b3b3\" "
                            + "cx=\"%.2f\" cy=\"%.2f\" stroke-width=\"0.1\" data-type=\"element node\" "
                            + "data-element-id=\"%d\" data-node-id=\"%d\" data-label-name=\"%s\"></circle>",
                    at[i][0], at[i][1], i + 1, i + 1, escapeAttribute(nodeNames.get(i))));
        }
        return svg.toString();
    }

    private static String escapeAttribute(String value) {
        return value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }
}

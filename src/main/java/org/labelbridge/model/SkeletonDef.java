package org.labelbridge.model;

import java.util.List;

/**
 * The layout of a skeleton label.
 *
 * @param nodeLabels indices into {@link Categories#labels()} of the node labels, in node order
 * @param edges      connections between nodes, as 0-based positions in {@code nodeLabels}
 */
public record SkeletonDef(List<Integer> nodeLabels, List<Edge> edges) {

    public SkeletonDef {
        nodeLabels = List.copyOf(nodeLabels);
        edges = List.copyOf(edges);
        for (Edge e : edges) {
            if (e.from() < 0 || e.to() < 0 || e.from() >= nodeLabels.size() || e.to() >= nodeLabels.size()) {
                throw new IllegalArgumentException("skeleton edge " + e + " is outside its "
                        + nodeLabels.size() + " nodes");
            }
        }
    }

    /** A connection between two nodes (0-based). */
    public record Edge(int from, int to) {
    }
}

package org.labelbridge.format.cvat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.labelbridge.format.Problems;
import org.labelbridge.model.AttributeDef;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Label;
import org.labelbridge.model.Rgb;
import org.labelbridge.model.SkeletonDef;

/**
 * Writes {@code <meta>} as CVAT does for a project: one task per subset, the subsets, and the
 * labels with their colours, attributes and skeletons.
 */
final class CvatMetaWriter {

    /**
     * A subset as written: its task id (its position), how many frames it has, whether it is a
     * video task (mode {@code interpolation}) and, for a video, its frame size or {@code null}.
     */
    record SubsetTask(String name, int taskId, long size, boolean interpolation, CvatMeta.Size frameSize) {
    }

    private final IndentingXml xml;
    private final Categories categories;
    private final AttributeDeclarations attributes;
    private final Problems problems;

    CvatMetaWriter(IndentingXml xml, Categories categories, AttributeDeclarations attributes, Problems problems) {
        this.xml = xml;
        this.categories = categories;
        this.attributes = attributes;
        this.problems = problems;
    }

    void write(List<SubsetTask> subsets) throws IOException {
        xml.start("meta");
        xml.start("project");
        xml.start("tasks");
        for (SubsetTask subset : subsets) {
            xml.start("task");
            xml.leaf("id", Integer.toString(subset.taskId()));
            xml.leaf("name", subset.name());
            xml.leaf("size", Long.toString(subset.size()));
            xml.leaf("mode", subset.interpolation() ? "interpolation" : "annotation");
            xml.leaf("subset", subset.name());
            if (subset.frameSize() != null) {
                xml.start("original_size");
                xml.leaf("width", Integer.toString(subset.frameSize().width()));
                xml.leaf("height", Integer.toString(subset.frameSize().height()));
                xml.end();
            }
            xml.end();
        }
        xml.end();
        List<String> names = new ArrayList<>();
        for (SubsetTask subset : subsets) {
            names.add(subset.name());
        }
        xml.leaf("subsets", String.join("\n", names));
        xml.start("labels");
        for (int i = 0; i < categories.labels().size(); i++) {
            label(i);
        }
        xml.end();
        xml.end();
        xml.end();
    }

    private void label(int index) throws IOException {
        Label label = categories.label(index);
        boolean point = isSkeletonPoint(categories, label);
        SkeletonDef skeleton = categories.skeletons().get(index);
        xml.start("label");
        xml.leaf("name", label.name());
        Rgb color = categories.colors().get(index);
        if (color != null) {
            xml.leaf("color", color.hex());
        }
        xml.leaf("type", skeleton != null ? "skeleton" : point ? "points" : "any");
        xml.start("attributes");
        for (AttributeDef def : attributes.of(index, problems)) {
            xml.start("attribute");
            xml.leaf("name", def.name());
            xml.leaf("mutable", def.mutable() ? "True" : "False");
            xml.leaf("input_type", def.type().id());
            xml.leaf("default_value", def.defaultValue());
            xml.leaf("values", String.join("\n", def.values()));
            xml.end();
        }
        xml.end();
        if (skeleton != null) {
            List<String> nodes = new ArrayList<>();
            for (int node : skeleton.nodeLabels()) {
                nodes.add(categories.label(node).name());
            }
            xml.leaf("svg", SkeletonSvg.render(nodes, skeleton.edges()));
        }
        if (point) {
            xml.leaf("parent", label.parent());
        }
        xml.end();
    }

    /** Whether the label is a node of a skeleton: the only parent CVAT keeps. */
    static boolean isSkeletonPoint(Categories categories, Label label) {
        if (!label.hasParent()) {
            return false;
        }
        int parent = categories.indexOf(label.parent());
        return parent >= 0 && categories.skeletons().containsKey(parent);
    }

    /** Reports the parents CVAT cannot keep (a label hierarchy that is not a skeleton). */
    static void reportLostParents(Categories categories, Problems problems) {
        for (Label label : categories.labels()) {
            if (label.hasParent() && !isSkeletonPoint(categories, label)) {
                problems.dataset("label '" + label.name() + "' loses its parent '" + label.parent()
                        + "': CVAT gives parents only to the points of a skeleton");
            }
        }
    }
}

package org.labelbridge.format.datumaro;

import org.labelbridge.testing.RecordedProblems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.labelbridge.model.AnnotationInfo;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Cuboid3d;
import org.labelbridge.model.Item;
import org.labelbridge.model.Label;
import org.labelbridge.model.Media;
import org.labelbridge.model.Points;
import org.labelbridge.model.Skeleton;
import org.labelbridge.model.SkeletonDef;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.Datasets;

/** The Datumaro samples of the corpus, imported, against their MANIFEST.md rows. */
class DatumaroCorpusTest {

    private final DatumaroFormat format = new DatumaroFormat();

    @Test
    void skeletonSampleGivesItsSkeletonWithNodeLabelsAttributesAndJoints() throws Exception {
        RecordedProblems problems = new RecordedProblems();
        Datasets.Loaded dataset = Datasets.read(format, Corpus.source("datumaro_1.0/cvd_with_skeleton"), problems);

        // Categories: the skeleton label, its three point labels in the file's order, the
        // attribute names any label may carry, and the layout with its 1-based joints (2,3), (1,2).
        Categories expectedCategories = new Categories(
                List.of(Label.named("skeleton-label"),
                        new Label("point1-label", "skeleton-label", List.of()),
                        new Label("point3-label", "skeleton-label", List.of()),
                        new Label("point2-label", "skeleton-label", List.of())),
                List.of("occluded", "point2-attribute-text", "point3-attribute-checkbox"),
                Map.of(0, new SkeletonDef(List.of(1, 2, 3),
                        List.of(new SkeletonDef.Edge(1, 2), new SkeletonDef.Edge(0, 1)))),
                Map.of());
        assertEquals(expectedCategories, dataset.categories());

        // Item 100 (h10 w6): one skeleton; keyframe without a track_id is a plain attribute.
        Skeleton skeleton = new Skeleton(
                new AnnotationInfo(0, 0, 0, 0, Map.of("occluded", false, "keyframe", false), null),
                List.of(node(1, Map.of(), 0.9, 3.53),
                        node(2, Map.of("point3-attribute-checkbox", true), 2.45, 7.6),
                        node(3, Map.of("point2-attribute-text", "some text"), 5.2, 2.5)));
        Item expected = new Item("100", "default", new Media("images/default/100.jpg", 6, 10),
                List.of(skeleton), Map.of());
        assertEquals(List.of(expected), dataset.items());
        assertEquals(List.of(), problems.lines);
    }

    private static Points node(int label, Map<String, Object> attributes, double x, double y) {
        return new Points(new AnnotationInfo(label, 0, 0, 0, attributes, null), new double[] {x, y},
                new byte[] {Points.VISIBLE});
    }

    @Test
    void pointCloudSampleKeepsItsCuboidAndFramesAndReportsThePointClouds() throws Exception {
        RecordedProblems problems = new RecordedProblems();
        Datasets.Loaded dataset = Datasets.read(format, Corpus.source("datumaro_3d_1.0/cvd_with_pcd"), problems);

        assertEquals(new Categories(List.of(Label.named("cat")), List.of("occluded"), Map.of(), Map.of()),
                dataset.categories());
        Cuboid3d cuboid = new Cuboid3d(new AnnotationInfo(0, 0, 0, 0, Map.of("occluded", false), null),
                List.of(0.84, -0.22, 0.64), List.of(0.0, 0.0, 0.0), List.of(1.0, 1.0, 1.0));
        assertEquals(List.of(
                new Item("0000000000", "default", Media.NONE, List.of(cuboid), Map.of("frame", 0L)),
                new Item("0000000001", "default", Media.NONE, List.of(), Map.of("frame", 1L)),
                new Item("0000000002", "default", Media.NONE, List.of(), Map.of("frame", 2L))),
                dataset.items());
        assertTrue(problems.any("3 item(s) refer to point clouds"), problems.lines.toString());
    }
}

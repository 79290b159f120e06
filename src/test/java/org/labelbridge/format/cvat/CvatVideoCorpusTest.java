package org.labelbridge.format.cvat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.AnnotationInfo;
import org.labelbridge.model.AttributeDef;
import org.labelbridge.model.AttributeType;
import org.labelbridge.model.Bbox;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;
import org.labelbridge.model.Label;
import org.labelbridge.model.Media;
import org.labelbridge.model.Points;
import org.labelbridge.model.Polygon;
import org.labelbridge.model.Polyline;
import org.labelbridge.model.Skeleton;
import org.labelbridge.model.Track;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.Datasets;

/**
 * The CVAT for video samples: tracks become per-frame shapes that keep their track (id,
 * keyframe, outside); the annotation id is the track id; frames are items {@code frame_%06d}.
 */
class CvatVideoCorpusTest {

    private static final CvatVideoFormat FORMAT = new CvatVideoFormat();

    @Test
    void ovdVideoGivesThreeFramesOfThreeTracks() throws IOException {
        Datasets.Loaded dataset = Datasets.read(FORMAT, Corpus.source("cvat_video_1.1/ovd_for_video"));

        assertEquals(new Categories(List.of(
                new Label("klhg", "", List.of(new AttributeDef("hgl", AttributeType.SELECT, true,
                        List.of("jk", "hgkf"), "jk"))),
                Label.named("z U k"), Label.named("II")), List.of("occluded"), Map.of(), Map.of()),
                dataset.categories());
        assertEquals(List.of("annotations/frame_000010", "annotations/frame_000013", "annotations/frame_000016"),
                dataset.ids());

        int klhg = 0;
        int ii = 2;
        assertEquals(frame(10, List.of(
                new Bbox(info(ii, 0, true, false, true, Map.of()), 3, 4, 7, 1),
                new Points(info(klhg, 1, true, false, false, Map.of("hgl", "hgkf")),
                        new double[] {21.95, 8, 2.55, 15.09, 2.23, 3.16}))),
                dataset.item("frame_000010"));
        assertEquals(frame(13, List.of(
                new Bbox(info(ii, 0, true, true, false, Map.of()), 7, 6, 7, 2),
                new Points(info(klhg, 1, true, true, false, Map.of("hgl", "jk")),
                        new double[] {21.95, 8, 9.55, 15.09, 5.23, 1.16}),
                new Polyline(info(ii, 2, true, false, false, Map.of()),
                        new double[] {7.85, 13.88, 3.50, 6.67, 15.90, 2.00, 13.31, 7.21}))),
                dataset.item("frame_000013"));
        assertEquals(frame(16, List.of(
                new Bbox(info(ii, 0, true, true, false, Map.of()), 8, 7, 6, 10),
                new Polyline(info(ii, 2, true, true, false, Map.of()),
                        new double[] {7.85, 13.88, 3.50, 6.67, 15.90, 2.00, 13.31, 7.21}))),
                dataset.item("frame_000016"));
    }

    /** A frame of ovd_for_video: 25x20 from {@code <original_size>}, its image under {@code images/}. */
    private static Item frame(long number, List<Annotation> annotations) {
        String id = String.format("frame_%06d", number);
        return new Item(id, "annotations", new Media("images/" + id + ".png", 25, 20), annotations,
                Map.of("frame", number));
    }

    private static AnnotationInfo info(int label, long track, boolean keyframe, boolean outside, boolean occluded,
                                       Map<String, Object> attributes) {
        Map<String, Object> all = new java.util.LinkedHashMap<>(attributes);
        all.put("occluded", occluded);
        return new AnnotationInfo(label, track, 0, 0, all, new Track(track, keyframe, outside));
    }

    @Test
    void docsInterpolationExampleKeepsOutsideFramesOfAPolygonAndASkeleton() throws IOException {
        Datasets.Loaded dataset = Datasets.read(FORMAT,
                Corpus.source("cvat_video_1.1/cvat_docs_interpolation_example"));

        assertEquals(List.of("person", "car", "s1", "1", "2", "3"),
                dataset.categories().labels().stream().map(Label::name).toList());
        assertEquals(List.of("annotations/frame_000000", "annotations/frame_000001", "annotations/frame_000006",
                "annotations/frame_000007", "annotations/frame_000013", "annotations/frame_000014"), dataset.ids());
        for (Item item : dataset.items()) {
            assertEquals(new Media(null, 640, 480), item.media(), item.id());
            assertEquals(2, item.annotations().size(), item.id());
        }

        int car = 1;
        double[] first = {324.79, 213.16, 323.74, 227.90, 347.42, 237.37, 371.11, 217.37, 350.05, 190.00, 318.47,
            191.58};
        assertEquals(new Polygon(polygonInfo(car, true, false), first),
                dataset.item("frame_000000").annotations().get(0));
        assertEquals(new Polygon(polygonInfo(car, true, true), first),
                dataset.item("frame_000001").annotations().get(0));
        List<Boolean> outside = new ArrayList<>();
        for (Item item : dataset.items()) {
            outside.add(item.annotations().get(0).info().track().outside());
        }
        assertEquals(List.of(false, true, false, true, false, true), outside, "polygon visible on 0, 6, 13");

        Skeleton atZero = (Skeleton) dataset.item("frame_000000").annotations().get(1);
        assertEquals(new Skeleton(new AnnotationInfo(2, 1, 0, 0, Map.of("occluded", false, "source", "manual"),
                new Track(1, true, false)), List.of(
                        new Points(AnnotationInfo.of(3), new double[] {112.07, 258.59}),
                        new Points(AnnotationInfo.of(4), new double[] {127.87, 333.23}),
                        new Points(AnnotationInfo.of(5), new double[] {195.37, 223.27}))), atZero);

        Skeleton atOne = (Skeleton) dataset.item("frame_000001").annotations().get(1);
        assertEquals(new Track(1, true, true), atOne.info().track(), "every node outside: the skeleton is");
        for (Points node : atOne.nodes()) {
            assertEquals(Points.ABSENT, node.visibility(0));
        }
        assertEquals(new Track(1, true, false),
                dataset.item("frame_000006").annotations().get(1).info().track(), "keyframe though nodes are not");
        assertEquals(new Track(1, false, false), dataset.item("frame_000013").annotations().get(1).info().track());
        assertEquals(new Track(1, true, true), dataset.item("frame_000014").annotations().get(1).info().track());
    }

    private static AnnotationInfo polygonInfo(int label, boolean keyframe, boolean outside) {
        return new AnnotationInfo(label, 0, 0, 0, Map.of("occluded", false), new Track(0, keyframe, outside));
    }
}

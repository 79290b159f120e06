package org.labelbridge.format.kittiraw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.labelbridge.model.AnnotationInfo;
import org.labelbridge.model.AttributeDef;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Cuboid3d;
import org.labelbridge.model.Item;
import org.labelbridge.model.Label;
import org.labelbridge.model.Media;
import org.labelbridge.model.Track;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.Datasets;
import org.labelbridge.testing.RecordedProblems;

/** MANIFEST kitti_raw_1.0/kitti_raw (cvat-ai/datumaro tests/test_kitti_raw_format.py::test_can_load). */
class KittiRawCorpusTest {

    private static final String SAMPLE = "kitti_raw_1.0/kitti_raw";

    @Test
    void theSampleGivesThreeFramesOfTrackedCuboidsWithTheirPointCloudsAndImages() throws IOException {
        RecordedProblems problems = new RecordedProblems();
        Datasets.Loaded dataset = Datasets.read(new KittiRawFormat(), Corpus.source(SAMPLE), problems);

        assertEquals(new Categories(List.of(new Label("bus", "", List.<AttributeDef>of()),
                new Label("car", "", List.<AttributeDef>of())), List.of("occluded"), Map.of(), Map.of()),
                dataset.categories());
        int bus = 0;
        int car = 1;
        assertEquals(List.of(
                item(0, cuboid(car, 1, false, List.of(1.0, 2.0, 3.0), List.of(0.0, 0.0, 0.0), List.of(7.95, -3.62, -1.03)),
                        cuboid(bus, 2, false, List.of(1.0, 1.0, 0.0), List.of(0.0, 0.0, 0.0), List.of(8.34, 23.01, -0.76))),
                item(1, cuboid(bus, 2, true, List.of(0.0, 1.0, 0.0), List.of(1.0, 1.0, 3.0), List.of(8.34, 23.01, -0.76))),
                item(2, cuboid(car, 3, false, List.of(1.0, 2.0, 3.0), List.of(0.0, 0.0, 0.0), List.of(-9.41, 13.54, 0.24)))),
                dataset.items());
        // The sample's <count> says 4 tracklets and holds 3: Datumaro reads the three, and so do we, saying so.
        assertTrue(problems.any("<count> says 4 tracklets but 3 are there"), problems.lines.toString());
    }

    private static Item item(int frame, Cuboid3d... cuboids) {
        String id = "000000000" + frame;
        Media media = Media.pointCloud("velodyne_points/data/" + id + ".pcd",
                List.of(new Media("IMAGE_00/data/" + id + ".png", null, null)));
        return new Item(id, Item.DEFAULT_SUBSET, media, List.of(cuboids), Map.of("frame", (long) frame));
    }

    private static Cuboid3d cuboid(int label, long track, boolean occluded, List<Double> position, List<Double> rotation,
                                   List<Double> scale) {
        return new Cuboid3d(new AnnotationInfo(label, 0, 0, 0, Map.of("occluded", occluded), new Track(track, true, false)),
                position, rotation, scale);
    }
}

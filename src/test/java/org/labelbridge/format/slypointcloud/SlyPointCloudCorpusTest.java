package org.labelbridge.format.slypointcloud;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.labelbridge.model.AnnotationInfo;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Cuboid3d;
import org.labelbridge.model.Item;
import org.labelbridge.model.Label;
import org.labelbridge.model.Media;
import org.labelbridge.model.Track;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.Datasets;
import org.labelbridge.testing.RecordedProblems;

/**
 * MANIFEST sly_pointcloud_1.0/sly_pointcloud_dataset (cvat-ai/datumaro
 * tests/test_sly_pointcloud_format.py::test_can_load) and cvat_3d_media/test_pointcloud_pcd.
 */
class SlyPointCloudCorpusTest {

    @Test
    void theSampleGivesTwoFramesWithTheObjectsAsTracksAndTheTagsAsAttributes() throws IOException {
        RecordedProblems problems = new RecordedProblems();
        Datasets.Loaded dataset = Datasets.read(new SlyPointCloudFormat(),
                Corpus.source("sly_pointcloud_1.0/sly_pointcloud_dataset"), problems);

        assertEquals(new Categories(List.of(Label.named("car"), Label.named("bus")), List.of("tag1", "tag3"), Map.of(),
                Map.of()), dataset.categories());
        Map<String, Object> frame1 = new LinkedHashMap<>();
        frame1.put("frame", 0L);
        frame1.put("description", "");
        frame1.put("tag2", 65L);
        frame1.put("tag1", "25dsd");
        assertEquals(List.of(
                new Item("frame1", Item.DEFAULT_SUBSET, media("frame1", "img2.png"), List.of(
                        cuboid(0, 755220128, 231825, Map.of("tag1", "fd", "tag3", "4s"),
                                List.of(0.47322101780194115, 0.23004135338593013, 0.7857368231792693), 0.01),
                        cuboid(0, 755337225, 231831, Map.of("tag1", "v12", "tag3", ""),
                                List.of(0.36073632206016004, 0.6367435566638207, 0.9294467506049543), 0.01)),
                        frame1),
                new Item("frame2", Item.DEFAULT_SUBSET, media("frame2", "img1.png"), List.of(
                        cuboid(1, 216, 36, Map.of("tag1", "", "tag3", ""), List.of(0.59, 14.41, -0.61), 1.0)),
                        Map.of("frame", 1L, "description", ""))),
                dataset.items());
        assertEquals(List.of(), problems.lines);
    }

    @Test
    void cvatPointCloudTaskDataIsADatasetWithoutAnnotations() throws IOException {
        Datasets.Loaded dataset = Datasets.read(new SlyPointCloudFormat(),
                Corpus.source("cvat_3d_media/test_pointcloud_pcd").under("test_pointcloud_pcd"));

        assertEquals(Categories.EMPTY, dataset.categories());
        assertEquals(List.of(new Item("000001", Item.DEFAULT_SUBSET, Media.pointCloud("pointcloud/000001.pcd",
                List.of(new Media("related_images/000001_pcd/000001.png", null, null))), List.of(),
                Map.of("frame", 0L))), dataset.items());
    }

    private static Media media(String id, String image) {
        return Media.pointCloud("ds0/pointcloud/" + id + ".pcd",
                List.of(new Media("ds0/related_images/" + id + "_pcd/" + image, null, null)));
    }

    private static Cuboid3d cuboid(int label, long id, long track, Map<String, Object> attributes, List<Double> position,
                                   double scale) {
        return new Cuboid3d(new AnnotationInfo(label, id, 0, 0, attributes, new Track(track, true, false)), position,
                List.of(0.0, 0.0, 0.0), List.of(scale, scale, scale));
    }
}

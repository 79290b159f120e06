package org.labelbridge.format.datumaro;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.labelbridge.model.AnnotationInfo;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Cuboid3d;
import org.labelbridge.model.Item;
import org.labelbridge.model.Label;
import org.labelbridge.model.Media;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.Datasets;
import org.labelbridge.testing.RecordedProblems;

/** MANIFEST datumaro_3d_1.0/cvd_with_pcd (cvat-ai/datumaro tests/test_datumaro_format.py::test_can_import_pcd_dataset). */
class Datumaro3dCorpusTest {

    @Test
    void theSampleGivesThreePointCloudFramesAndItsCuboid() throws IOException {
        RecordedProblems problems = new RecordedProblems();
        Datasets.Loaded dataset = Datasets.read(new Datumaro3dFormat(), Corpus.source("datumaro_3d_1.0/cvd_with_pcd"),
                problems);

        assertEquals(new Categories(List.of(Label.named("cat")), List.of("occluded"), Map.of(), Map.of()),
                dataset.categories());
        Cuboid3d cuboid = new Cuboid3d(new AnnotationInfo(0, 0, 0, 0, Map.of("occluded", false), null),
                List.of(0.84, -0.22, 0.64), List.of(0.0, 0.0, 0.0), List.of(1.0, 1.0, 1.0));
        assertEquals(List.of(item("0000000000", 0, List.of(cuboid)), item("0000000001", 1, List.of()),
                item("0000000002", 2, List.of())), dataset.items());
        assertEquals(List.of(), problems.lines);
    }

    private static Item item(String id, long frame, List<Cuboid3d> cuboids) {
        return new Item(id, Item.DEFAULT_SUBSET, Media.pointCloud("point_clouds/default/" + id + ".pcd", List.of()),
                List.copyOf(cuboids), Map.of("frame", frame));
    }
}

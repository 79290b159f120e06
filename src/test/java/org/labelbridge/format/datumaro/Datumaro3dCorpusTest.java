package org.labelbridge.format.datumaro;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.archive.DirectorySource;
import org.labelbridge.convert.ConversionOptions;
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

    /**
     * The newer upstream asset (MANIFEST "Newer cvat-ai/datumaro test assets", with_pcd @c9430472):
     * item 0000000001 has a related image {path image_0.jpg, size [10, 6]}. Built here from the
     * corpus copy (the image is not in the index: a placeholder file stands in for it).
     */
    @Test
    void aRelatedImageIsReadWithItsSizeAndCarriedToKittiRaw(@TempDir Path tmp) throws IOException {
        Path dataset = Corpus.copy("datumaro_3d_1.0/cvd_with_pcd", tmp.resolve("in"));
        Path json = dataset.resolve("annotations/default.json");
        Files.writeString(json, Files.readString(json).replace("\"point_cloud\": { \"path\": \"0000000001.pcd\" }",
                "\"point_cloud\": { \"path\": \"0000000001.pcd\" },\n"
                        + "      \"related_images\": [{ \"path\": \"image_0.jpg\", \"size\": [10, 6] }]"));
        Path image = Files.createDirectories(dataset.resolve("related_images/default/0000000001")).resolve("image_0.jpg");
        Files.write(image, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9});

        Item item = Datasets.read(new Datumaro3dFormat(), DirectorySource.of(dataset)).item("0000000001");
        assertEquals(List.of(new Media("related_images/default/0000000001/image_0.jpg", 6, 10)),
                item.media().relatedImages());

        Datasets.Converted kitti = Datasets.convert(dataset, "auto", "kitti_raw", tmp.resolve("kitti"),
                ConversionOptions.DEFAULTS);
        assertEquals(List.of(new Media("image_00/data/0000000001.jpg", null, null)),
                kitti.output().item("0000000001").media().relatedImages());
        assertArrayEquals(Files.readAllBytes(image), Files.readAllBytes(tmp.resolve("kitti/image_00/data/0000000001.jpg")));
    }

    private static Item item(String id, long frame, List<Cuboid3d> cuboids) {
        return new Item(id, Item.DEFAULT_SUBSET, Media.pointCloud("point_clouds/default/" + id + ".pcd", List.of()),
                List.copyOf(cuboids), Map.of("frame", frame));
    }
}

package org.labelbridge.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.labelbridge.archive.DirectorySource;
import org.labelbridge.format.Formats;
import org.labelbridge.model.Item;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.CorpusMatrix;
import org.labelbridge.testing.Datasets;
import org.labelbridge.testing.Zips;

/**
 * A format named with {@code --from} finds its root as detection does: a corpus sample zipped
 * inside one top folder ({@code VOC2007/Annotations/...}) converts to the same items named as
 * detected, with ids that do not start with the folder. (Not here: LabelMe, whose flat layout
 * is recognised as well at the top, and ImageNet, whose class folders a single top folder turns
 * into an Ultralytics classification subset; detection keeps the top for both.)
 */
class NamedFormatRootTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @CsvSource({
        "voc, pascal_voc_1.1/voc_dataset1",
        "voc, pascal_voc_1.1/voc_dataset2",
        "coco, coco_1.0/coco_instances",
        "yolo, yolo_1.1/yolo",
        "cvat_images, cvat_images_1.1/cvat_docs_annotation_example",
        "cvat_video, cvat_video_1.1/cvat_docs_interpolation_example",
        "datumaro, datumaro_1.0/cvd_with_skeleton",
        "ultralytics_detection, ultralytics_yolo/yolov8_detection_with_subset_txt",
        "ultralytics_classification, ultralytics_yolo/yolov8_classification",
        "segmentation_mask, segmentation_mask_1.1/voc_dataset1_segmentation",
        "mot, mot_1.1/mot_seq",
        "kitti, kitti_1.0/kitti_detection",
        "camvid, camvid_1.0/camvid_dataset",
        "cityscapes, cityscapes_1.0/train_dataset",
        "market1501, market1501_1.0/market1501_dataset",
        "lfw, lfw_1.0/lfw_dataset",
        "vggface2, vggface2_1.0/vgg_face2_dataset",
        "wider_face, wider_face_1.0/widerface_dataset",
        "open_images, open_images_v6/v6",
        "mots, mots_png_1.0/mots_dataset",
    })
    void aNamedFormatInsideOneTopFolderGivesTheItemsDetectionGives(String format, String sample) throws IOException {
        Path zip = Zips.zipFolder(Corpus.path(sample), tmp.resolve("in.zip"), "VOC2007/");

        ConversionResult auto = Converter.convert(new ConversionRequest(zip, ConversionRequest.AUTO, "datumaro", CorpusMatrix.SKIP_PROBLEMS,
                tmp.resolve("auto")));
        ConversionResult named = Converter.convert(new ConversionRequest(zip, format, "datumaro", CorpusMatrix.SKIP_PROBLEMS,
                tmp.resolve("named")));

        assertEquals(format, auto.source().format().id(), "detected format");
        assertEquals("VOC2007/", named.source().rootPath());
        Datasets.Loaded fromAuto = Datasets.read(Formats.require("datumaro"), DirectorySource.of(tmp.resolve("auto")));
        Datasets.Loaded fromNamed = Datasets.read(Formats.require("datumaro"), DirectorySource.of(tmp.resolve("named")));
        assertFalse(fromNamed.items().isEmpty(), "no items read");
        for (Item item : fromNamed.items()) {
            assertFalse(item.id().startsWith("VOC2007"), item.id());
        }
        assertEquals(fromAuto.categories(), fromNamed.categories());
        assertEquals(fromAuto.items(), fromNamed.items());
    }
}

package org.labelbridge.format.ultralytics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.archive.DirectorySource;
import org.labelbridge.convert.ConversionOptions;
import org.labelbridge.convert.ConversionReport;
import org.labelbridge.convert.ConversionRequest;
import org.labelbridge.convert.ConversionResult;
import org.labelbridge.convert.Converter;
import org.labelbridge.format.Formats;
import org.labelbridge.model.Item;
import org.labelbridge.model.Points;
import org.labelbridge.model.Skeleton;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.Datasets;
import org.labelbridge.testing.Datasets.Loaded;

/** Conversions into and out of the Ultralytics formats through the whole pipeline, checked on content. */
class UltralyticsCrossFormatTest {

    @TempDir
    Path tmp;

    private ConversionResult convert(String sample, String to, ConversionOptions options) throws IOException {
        return Converter.convert(new ConversionRequest(Corpus.path(sample), ConversionRequest.AUTO, to, options,
                tmp.resolve("out")));
    }

    @Test
    void datumaroSkeletonBecomesAPoseLine() throws IOException {
        ConversionResult result = convert("datumaro_1.0/cvd_with_skeleton", "ultralytics_pose",
                ConversionOptions.DEFAULTS);

        assertEquals("path: .\ntrain: train.txt\nkpt_shape: [3, 3]\nnames:\n  0: skeleton-label\n",
                Files.readString(tmp.resolve("out/data.yaml")));
        Loaded d = Datasets.read(new UltralyticsPoseFormat(), DirectorySource.of(tmp.resolve("out")));
        Item item = d.item("train", "100");
        Skeleton skeleton = assertInstanceOf(Skeleton.class, item.annotations().get(0));
        double[][] expected = {{0.9, 3.53}, {2.45, 7.6}, {5.2, 2.5}}; // point1, point3, point2: the skeleton's order
        for (int i = 0; i < 3; i++) {
            Points node = skeleton.nodes().get(i);
            assertArrayEquals(expected[i], node.points(), 1e-9);
            assertEquals("skeleton-label_point_" + i, d.categories().nameOf(node.label()));
        }
        assertTrue(Files.exists(tmp.resolve("out/images/train/100.jpg")));
        assertReported(result.report(), "skeleton 'skeleton-label': point names [point1-label, point3-label,"
                + " point2-label] (they read back as skeleton-label_point_0...) and 2 edge(s) are not kept");
        assertReported(result.report(), "items without a subset are written to split 'train'");
        assertReported(result.report(), "attributes of skeleton points are not kept");
    }

    @Test
    void darknetYoloBecomesUltralyticsDetectionWithTheSameBoxes() throws IOException {
        ConversionResult result = convert("yolo_1.1/yolo", "ultralytics_detection", ConversionOptions.DEFAULTS);

        Loaded d = Datasets.read(new UltralyticsDetectionFormat(), DirectorySource.of(tmp.resolve("out")));
        assertEquals(Shapes.TEN_LABELS, Shapes.names(d.categories()));
        Item item = d.item("train", "1");
        Shapes.box(d.categories(), item.annotations().get(0), "label_2", 0, 2, 4, 2, 0);
        Shapes.box(d.categories(), item.annotations().get(1), "label_4", 3, 3, 2, 3, 0);
        assertEquals(List.of(), result.report().entries().stream().map(ConversionReport.Entry::reason).toList());
    }

    @Test
    void rotatedBoxesNeedShapesToBoxesToBecomeDetectionBoxes() throws IOException {
        ConversionResult dropped = convert("ultralytics_yolo/yolov8_oriented_boxes", "ultralytics_detection",
                ConversionOptions.DEFAULTS);
        assertEquals("ultralytics_obb", dropped.source().format().id());
        assertReported(dropped.report(), "cannot hold rotated boxes");

        Files.walk(tmp.resolve("out")).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        convert("ultralytics_yolo/yolov8_segmentation", "ultralytics_detection", ConversionOptions.DEFAULTS.with("shapes_to_boxes", true));
        Loaded d = Datasets.read(new UltralyticsDetectionFormat(), DirectorySource.of(tmp.resolve("out")));
        Shapes.box(d.categories(), d.item("1").annotations().get(0), "label_2", 1.5, 1, 4.5, 4, 0);
    }

    /** Regression: images without objects had no label file, and CVAT's importer failed on the first of them. */
    @Test
    void imagesWithoutObjectsGetEmptyLabelFiles() throws IOException {
        for (String target : List.of("ultralytics_detection", "ultralytics_segmentation", "ultralytics_obb",
                "ultralytics_pose")) {
            Path out = tmp.resolve(target);
            Converter.convert(new ConversionRequest(Corpus.path("coco_1.0/coco_image_info"), ConversionRequest.AUTO,
                    target, ConversionOptions.DEFAULTS, out));

            assertEquals("images/train/a.jpg\n", Files.readString(out.resolve("train.txt")), target);
            assertEquals("", Files.readString(out.resolve("labels/train/a.txt")), target);
            assertEquals("", Files.readString(out.resolve("labels/val/b.txt")), target);
            Loaded again = Datasets.read(Formats.require(target), DirectorySource.of(out));
            assertEquals(List.of("a", "b"), again.items().stream().map(Item::id).toList(), target);
            assertTrue(again.items().stream().allMatch(i -> i.annotations().isEmpty()), target);
        }
    }

    private static void assertReported(ConversionReport report, String part) {
        assertTrue(report.entries().stream().anyMatch(e -> e.reason().contains(part)),
                "no report entry with '" + part + "' in " + report.toMap());
    }
}

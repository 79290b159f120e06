package org.labelbridge.format.ultralytics;

import org.labelbridge.testing.RecordedProblems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.labelbridge.archive.DirectorySource;
import org.labelbridge.format.Format;
import org.labelbridge.format.Formats;
import org.labelbridge.model.AnnotationInfo;
import org.labelbridge.model.Bbox;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;
import org.labelbridge.model.Label;
import org.labelbridge.model.Media;
import org.labelbridge.model.Points;
import org.labelbridge.model.Polygon;
import org.labelbridge.model.Skeleton;
import org.labelbridge.model.SkeletonDef;
import org.labelbridge.model.Tag;
import org.labelbridge.testing.Canonical;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.Datasets;
import org.labelbridge.testing.Datasets.Loaded;

/** Import, export, import again: the same dataset, for every sample and for richer content. */
class UltralyticsRoundTripTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @CsvSource({
        "ultralytics_detection, yolov8_detection",
        "ultralytics_detection, yolov8_detection_with_list_of_names",
        "ultralytics_detection, yolov8_detection_with_subset_txt",
        "ultralytics_segmentation, yolov8_segmentation",
        "ultralytics_obb, yolov8_oriented_boxes",
        "ultralytics_pose, yolov8_pose_two_values_per_point",
        "ultralytics_classification, yolov8_classification"})
    void corpusSampleSurvivesARoundTrip(String id, String sample) throws IOException {
        Format format = Formats.require(id);
        DirectorySource source = Corpus.source("ultralytics_yolo/" + sample);
        Loaded original = Datasets.read(format, source);
        RecordedProblems problems = new RecordedProblems();
        Datasets.write(format, original, tmp, source, problems);
        Loaded again = Datasets.read(format, DirectorySource.of(tmp));

        assertEquals(Canonical.of(original), Canonical.of(again));
        assertTrue(problems.none(), problems.toString());
        assertEquals(original.items().get(0).media().extension(), again.items().get(0).media().extension());
    }

    @Test
    void boxesOfSeveralSubsetsWithoutImages() throws IOException {
        Categories categories = Categories.ofNames(List.of("car", "person", "traffic light"));
        Loaded dataset = new Loaded(categories, List.of(
                new Item("frame_000001", "train", new Media("a.png", 640, 480), List.of(
                        new Bbox(AnnotationInfo.of(0), 10.5, 20.25, 100, 50),
                        new Bbox(AnnotationInfo.of(2), 0, 0, 640, 480))),
                new Item("city/frame 2", "val", new Media(null, 1920, 1080), List.of(
                        new Bbox(AnnotationInfo.of(1), 1919, 1079, 1, 1))),
                new Item("empty", "test", new Media("e.jpg", 8, 8), List.of())));

        assertSameAfterRoundTrip(new UltralyticsDetectionFormat(), dataset);
    }

    @Test
    void polygonsAndRotatedBoxes() throws IOException {
        Categories categories = Categories.ofNames(List.of("road", "sign"));
        Loaded polygons = new Loaded(categories, List.of(new Item("1", "train", new Media("1.jpg", 100, 50), List.of(
                new Polygon(AnnotationInfo.of(0), new double[] {0, 0, 100, 0, 100, 50, 0, 50, 1.5, 25.25}),
                new Polygon(AnnotationInfo.of(1), new double[] {3, 3, 9, 3, 6, 8})))));
        assertSameAfterRoundTrip(new UltralyticsSegmentationFormat(), polygons);

        Loaded boxes = new Loaded(categories, List.of(new Item("1", "val", new Media("1.jpg", 1280, 720), List.of(
                new Bbox(AnnotationInfo.of(0), 100, 200, 300, 40, 0),
                new Bbox(AnnotationInfo.of(1), 600, 300, 50, 120, 17.5),
                new Bbox(AnnotationInfo.of(1), 10, 10, 80, 30, 300)))));
        assertSameAfterRoundTrip(new UltralyticsObbFormat(), boxes);
    }

    @Test
    void skeletonsWithHiddenAndAbsentPoints() throws IOException {
        Categories categories = new Categories(List.of(Label.named("hand"),
                new Label("hand_point_0", "hand", List.of()), new Label("hand_point_1", "hand", List.of()),
                new Label("hand_point_2", "hand", List.of())), List.of(),
                Map.of(0, new SkeletonDef(List.of(1, 2, 3), List.of())), Map.of());
        Skeleton skeleton = new Skeleton(AnnotationInfo.of(0), List.of(
                new Points(AnnotationInfo.of(1), new double[] {10, 20}, new byte[] {Points.VISIBLE}),
                new Points(AnnotationInfo.of(2), new double[] {30, 5}, new byte[] {Points.HIDDEN}),
                new Points(AnnotationInfo.of(3), new double[] {0, 0}, new byte[] {Points.ABSENT})));
        Loaded dataset = new Loaded(categories, List.of(new Item("1", "train", new Media("1.jpg", 40, 40),
                List.of(skeleton))));

        assertSameAfterRoundTrip(new UltralyticsPoseFormat(), dataset);
    }

    @Test
    void tagsWithOtherIdsSeveralLabelsAndNone() throws IOException {
        Categories categories = Categories.ofNames(List.of("cat", "dog"));
        Loaded dataset = new Loaded(categories, List.of(
                new Item("a", "train", Media.NONE, List.of(new Tag(AnnotationInfo.of(1)))),
                new Item("dir/b", "train", Media.NONE, List.of(new Tag(AnnotationInfo.of(0)),
                        new Tag(AnnotationInfo.of(1)))),
                new Item("c", "val", Media.NONE, List.of())));

        assertSameAfterRoundTrip(new UltralyticsClassificationFormat(), dataset);
    }

    private void assertSameAfterRoundTrip(Format format, Loaded dataset) throws IOException {
        Path dir = Files.createTempDirectory(tmp, format.id());
        Datasets.write(format, dataset, dir, null, new RecordedProblems());
        Loaded again = Datasets.read(format, DirectorySource.of(dir));
        assertEquals(Canonical.of(dataset), Canonical.of(again));
        // Written without images, the output is still recognised as this format, and only this one.
        for (Format other : Formats.all()) {
            assertEquals(other == format || other.id().equals(format.id()),
                    other.detect(DirectorySource.of(dir)).matched(), other.id() + " on " + format.id() + " output");
        }
    }
}

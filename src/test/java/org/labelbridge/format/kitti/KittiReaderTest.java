package org.labelbridge.format.kitti;

import org.labelbridge.testing.RecordedProblems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.format.FormatException;

import org.labelbridge.format.scenes.SampleFolder;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.AnnotationInfo;
import org.labelbridge.model.Bbox;
import org.labelbridge.model.Item;
import org.labelbridge.model.Label;
import org.labelbridge.model.Mask;
import org.labelbridge.model.Media;
import org.labelbridge.model.Rgb;
import org.labelbridge.model.Rle;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.Datasets;

/** KITTI in: the corpus samples (MANIFEST.md, kitti_1.0; kitti_3d read on request) and the label files. */
class KittiReaderTest {

    static final KittiFormat FORMAT = new KittiFormat();
    static final String DETECTION = "kitti_1.0/kitti_detection";
    static final String SEGMENTATION = "kitti_1.0/kitti_segmentation";
    static final String THREE_D = "kitti_3d/ovd_kitti_3d";

    @TempDir
    Path dir;

    static Bbox box(int label, int id, double x, double y, double w, double h, boolean truncated, boolean occluded) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("truncated", truncated);
        attributes.put("occluded", occluded);
        return new Bbox(new AnnotationInfo(label, id, 0, 0, attributes, null), x, y, w, h);
    }

    static Mask mask(int label, int id, int... bits) {
        byte[] bitmap = new byte[bits.length];
        for (int i = 0; i < bits.length; i++) {
            bitmap[i] = (byte) bits[i];
        }
        return new Mask(new AnnotationInfo(label, id, 0, 0, Map.of("is_crowd", id == 0), null),
                Rle.fromBitmap(bitmap, 1, bits.length));
    }

    static List<String> names(Datasets.Loaded dataset) {
        return dataset.categories().labels().stream().map(Label::name).toList();
    }

    @Test
    void detectionSampleGivesBoxesWithTruncatedAndOccludedFlags() throws IOException {
        RecordedProblems problems = new RecordedProblems();
        Datasets.Loaded dataset = Datasets.read(FORMAT, Corpus.source(DETECTION), problems);

        assertEquals(List.of("Truck", "Van"), names(dataset));
        assertEquals(List.of("training/000030_10", "training/000030_11"), dataset.ids());
        assertEquals(new Item("000030_10", "training", new Media("training/image_2/000030_10.png", 10, 10), List.of(
                box(0, 0, 0, 1, 2, 2, true, false), box(1, 1, 0, 5, 1, 3, false, false))),
                dataset.item("training", "000030_10"));
        assertEquals(new Item("000030_11", "training", new Media("training/image_2/000030_11.png", 10, 10), List.of(
                box(1, 0, 0, 0, 2, 2, true, true), box(1, 1, 4, 4, 2, 2, false, false), box(1, 2, 6, 6, 1, 3, false, true))),
                dataset.item("training", "000030_11"));
        assertEquals(List.of(), problems.lines);
    }

    @Test
    void segmentationSampleGivesInstancesAndCrowdsOfTheCityscapesLabels() throws IOException {
        RecordedProblems problems = new RecordedProblems();
        Datasets.Loaded dataset = Datasets.read(FORMAT, Corpus.source(SEGMENTATION), problems);

        List<String> names = names(dataset);
        assertEquals(35, names.size());
        assertEquals(List.of(3, 12, 27, 31), List.of(names.indexOf("outofroi"), names.indexOf("wall"),
                names.indexOf("truck"), names.indexOf("train")));
        assertEquals(new Rgb(0, 80, 100), dataset.categories().colors().get(31));
        assertEquals(new Item("000030_10", "training", new Media("training/image_2/000030_10.png", 5, 1), List.of(
                mask(3, 0, 1, 1, 0, 0, 0), mask(27, 1, 0, 0, 1, 0, 0), mask(27, 2, 0, 0, 0, 1, 1))),
                dataset.item("training", "000030_10"));
        assertEquals(new Item("000030_11", "training", new Media("training/image_2/000030_11.png", 5, 1), List.of(
                mask(3, 0, 0, 0, 0, 1, 1), mask(12, 1, 0, 0, 1, 0, 0), mask(31, 1, 1, 1, 0, 0, 0))),
                dataset.item("training", "000030_11"));
        assertEquals(List.of(), problems.lines);
    }

    @Test
    void threeDDataIsReadOnRequestWithItsFieldsAsAttributes() throws IOException {
        RecordedProblems problems = new RecordedProblems();
        Datasets.Loaded dataset = Datasets.read(FORMAT, Corpus.source(THREE_D), problems);

        assertEquals(List.of("Truck", "Car", "DontCare"), names(dataset));
        List<Annotation> boxes = dataset.item("training", "000001").annotations();
        Bbox truck = (Bbox) boxes.get(0);
        assertEquals(List.of(600.0, 150.0, 30.0, 40.0), List.of(truck.x(), truck.y(), truck.w(), truck.h()));
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("truncated", false);
        expected.put("occluded", false);
        expected.put("alpha", -1.57);
        expected.put("dimensions", List.of(2.85, 2.63, 12.34));
        expected.put("location", List.of(0.47, 1.49, 69.44));
        expected.put("rotation_y", -1.56);
        assertEquals(expected, truck.attributes());
        assertEquals(true, boxes.get(1).attributes().get("occluded")); // level 3
        assertEquals(List.of(-1000.0, -1000.0, -1000.0), boxes.get(2).attributes().get("location"));
        assertEquals(-10.0, boxes.get(2).attributes().get("alpha"));
        assertEquals(List.of(
                "dataset: calib, velodyne folders of [training] not read: KITTI 1.0 holds 2D boxes and masks; the boxes keep"
                        + " their 3D fields as attributes",
                "changed 000001 bbox: occlusion level read as a flag (true when not 0), as CVAT reads KITTI",
                "changed 000001 bbox: truncated fraction read as a flag (true when not 0), as CVAT reads KITTI",
                "changed 000001 bbox: occlusion level read as a flag (true when not 0), as CVAT reads KITTI"), problems.lines);
    }

    @Test
    void labelsTxtOrdersTheLabelsAndSixteenValuesCarryAScore() throws IOException {
        SampleFolder sample = SampleFolder.at(dir)
                .file("labels.txt", "Car\nVan\n\nTruck\n")
                .file("default/label_2/a.txt", "Van 0 0 -1 1 2 3 4 -1 -1 -1 -1 -1 -1 -1 0.75\n\nCyclist 0 0 -1 0 0 1 1 -1 -1 -1 -1 -1 -1 -1\n")
                .file("default/label_2/empty.txt", "");
        Datasets.Loaded dataset = Datasets.read(FORMAT, sample.source());

        assertEquals(List.of("Car", "Van", "Truck", "Cyclist"), names(dataset));
        Item a = dataset.item("default", "a");
        assertEquals(Media.NONE, a.media());
        assertEquals(0.75, a.annotations().get(0).attributes().get("score"));
        assertEquals(1, a.annotations().get(0).label());
        assertEquals(1, a.annotations().get(1).info().id()); // the second object, after a blank line
        assertEquals(List.of(), dataset.item("default", "empty").annotations());
    }

    @Test
    void withMasksTheLabelTableGivesTheLabelsAndSemanticOnlyMasksAreReported() throws IOException {
        SampleFolder sample = SampleFolder.at(dir)
                .file("label_colors.txt", "0 0 0 background\n10 20 30 car\n")
                .file("val/label_2/a.txt", "car 0 0 -1 0 0 1 1 -1 -1 -1 -1 -1 -1 -1\nbus 0 0 -1 0 0 1 1 -1 -1 -1 -1 -1 -1 -1\n")
                .grey("val/instance/a.png", 16, 1, 2, 0, 1 << 8 | 4)
                .grey("val/semantic/b.png", 8, 1, 1, 0);
        RecordedProblems problems = new RecordedProblems();
        Datasets.Loaded dataset = Datasets.read(FORMAT, sample.source(), problems);

        assertEquals(List.of("background", "car", "bus"), names(dataset));
        assertEquals(new Rgb(10, 20, 30), dataset.categories().colors().get(1));
        Item a = dataset.item("val", "a");
        assertEquals(List.of(mask(0, 0, 1, 0), mask(1, 4, 0, 1)), a.annotations().subList(0, 2));
        assertEquals(2, a.annotations().get(3).label());
        assertEquals(List.of("dataset: 1 semantic mask(s) without an instance/ mask not read (the instance masks hold the"
                + " labels): val/semantic/b.png"), problems.lines);
    }

    @Test
    void malformedObjectLinesAreErrorsNamingTheFileAndLine() {
        SampleFolder count = SampleFolder.at(dir.resolve("count"))
                .file("training/label_2/a.txt", "Car 0 0 -1 0 0 1 1 -1 -1 -1 -1 -1 -1 -1\nCar 0 0 -1 0 0 1 1\n");
        FormatException e = assertThrows(FormatException.class, () -> Datasets.read(FORMAT, count.source()));
        assertTrue(e.getMessage().endsWith("training/label_2/a.txt, line 2: expected 15 values (type truncated occluded"
                + " alpha left top right bottom height width length x y z rotation_y) or 16 with a score, got 8"), e.getMessage());

        SampleFolder number = SampleFolder.at(dir.resolve("number"))
                .file("training/label_2/a.txt", "Car 0 0 -1 0 zero 1 1 -1 -1 -1 -1 -1 -1 -1\n");
        e = assertThrows(FormatException.class, () -> Datasets.read(FORMAT, number.source()));
        assertTrue(e.getMessage().endsWith("training/label_2/a.txt, line 1: top (value 6) is 'zero', not a number"),
                e.getMessage());
    }

    @Test
    void badInstanceMasksAreErrorsNamingTheFileAndPixel() {
        SampleFolder label = SampleFolder.at(dir.resolve("label"))
                .file("label_colors.txt", "0 0 0 background\n10 20 30 car\n")
                .grey("training/instance/a.png", 16, 1, 3, 0, 1 << 8 | 1, 2 << 8 | 1);
        FormatException e = assertThrows(FormatException.class, () -> Datasets.read(FORMAT, label.source()));
        assertTrue(e.getMessage().endsWith("training/instance/a.png, pixel (2, 0): id 513 names label 2, but there are"
                + " 2 labels (0..1)"), e.getMessage());

        SampleFolder colour = SampleFolder.at(dir.resolve("colour")).rgb("training/instance/a.png", 1, 1, 0);
        e = assertThrows(FormatException.class, () -> Datasets.read(FORMAT, colour.source()));
        assertTrue(e.getMessage().endsWith("training/instance/a.png: expected a grey PNG of ids (label << 8 | instance),"
                + " got a colour PNG"), e.getMessage());

        SampleFolder corrupt = SampleFolder.at(dir.resolve("corrupt")).file("training/instance/a.png", "oops");
        e = assertThrows(FormatException.class, () -> Datasets.read(FORMAT, corrupt.source()));
        assertTrue(e.getMessage().contains("training/instance/a.png: not an image"), e.getMessage());
    }
}

package org.labelbridge.format.cvat;

import org.labelbridge.testing.RecordedProblems;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.archive.DirectorySource;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.AnnotationInfo;
import org.labelbridge.model.AttributeDef;
import org.labelbridge.model.AttributeType;
import org.labelbridge.model.Bbox;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Cuboid2d;
import org.labelbridge.model.Ellipse;
import org.labelbridge.model.Item;
import org.labelbridge.model.Label;
import org.labelbridge.model.Mask;
import org.labelbridge.model.Media;
import org.labelbridge.model.Points;
import org.labelbridge.model.Polygon;
import org.labelbridge.model.Polyline;
import org.labelbridge.model.Rgb;
import org.labelbridge.model.Rle;
import org.labelbridge.model.Skeleton;
import org.labelbridge.model.SkeletonDef;
import org.labelbridge.model.Tag;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.Datasets;

/** CVAT for images written by the writer reads back as the same dataset. */
class CvatRoundTripTest {

    private static final CvatImagesFormat FORMAT = new CvatImagesFormat();

    static final int CAR = 0;
    static final int PERSON = 1;
    static final int POSE = 2;
    static final int HEAD = 3;
    static final int HAND = 4;
    static final int SCENE = 5;

    /** car {parked checkbox, speed number, plate text, color select}, person, skeleton pose (head, hand), scene. */
    static Categories categories() {
        return new Categories(List.of(
                new Label("car", "", List.of(
                        new AttributeDef("parked", AttributeType.CHECKBOX, false, List.of("false", "true"), "false"),
                        new AttributeDef("speed", AttributeType.NUMBER, true, List.of("0", "200", "1"), "0"),
                        new AttributeDef("plate", AttributeType.TEXT, false, List.of(), "none"),
                        new AttributeDef("color", AttributeType.SELECT, false, List.of("red", "dark blue"), "red"))),
                Label.named("person"),
                Label.named("pose"),
                new Label("head", "pose", List.of()),
                new Label("hand", "pose", List.of()),
                Label.named("scene")),
                List.of("occluded"),
                Map.of(POSE, new SkeletonDef(List.of(HEAD, HAND), List.of(new SkeletonDef.Edge(0, 1)))),
                Map.of(CAR, new Rgb(250, 50, 83), PERSON, new Rgb(0, 128, 255)));
    }

    /** One annotation of every kind CVAT for images holds, with every field it holds. */
    static Datasets.Loaded everyKind() {
        Map<String, Object> carAttributes = new LinkedHashMap<>();
        carAttributes.put("occluded", true);
        carAttributes.put("source", "manual");
        carAttributes.put("parked", true);
        carAttributes.put("speed", 42L);
        carAttributes.put("plate", "0042");
        carAttributes.put("color", "dark blue");
        byte[] bitmap = new byte[8 * 8];
        for (int y = 2; y < 6; y++) {
            for (int x = 1; x < 4 + y % 2; x++) {
                bitmap[y * 8 + x] = 1;
            }
        }
        List<Annotation> first = List.of(
                new Tag(new AnnotationInfo(SCENE, 0, 2, 0, Map.of(), null)),
                new Bbox(new AnnotationInfo(CAR, 0, 3, 1, carAttributes, null), 0.5, 1.5, 4, 2.25, 30),
                new Polygon(shape(PERSON, 2, Map.of()), new double[] {1, 1, 5, 1, 3, 4}),
                new Polyline(shape(PERSON, 0, Map.of()), new double[] {0, 0, 7.5, 7.5}),
                new Points(shape(CAR, 3, Map.of("speed", 2.5)), new double[] {1, 2, 3, 4}),
                new Ellipse(shape(PERSON, 0, Map.of()), 4, 4, 2, 1.5, 15),
                new Cuboid2d(shape(CAR, 0, Map.of()),
                        new double[] {1, 1, 1, 4, 4, 1, 4, 4, 2, 0.5, 2, 3.5, 5, 0.5, 5, 3.5}),
                new Mask(new AnnotationInfo(PERSON, 0, 3, 4, Map.of("occluded", true, "source", "auto"), null),
                        Rle.fromBitmap(bitmap, 8, 8)),
                new Skeleton(shape(POSE, 5, Map.of("source", "auto")), List.of(
                        new Points(new AnnotationInfo(HEAD, 0, 0, 0, Map.of("source", "manual"), null),
                                new double[] {2, 2}, new byte[] {Points.VISIBLE}),
                        new Points(AnnotationInfo.of(HAND), new double[] {3, 5}, new byte[] {Points.HIDDEN}))),
                new Skeleton(shape(POSE, 0, Map.of()), List.of(
                        new Points(AnnotationInfo.of(HEAD), new double[] {6, 1}),
                        new Points(AnnotationInfo.of(HAND), new double[] {0, 0}, new byte[] {Points.ABSENT}))));
        return new Datasets.Loaded(categories(), List.of(
                new Item("img0", "Train", new Media("images/Train/img0.jpg", 8, 8), first, Map.of("frame", 5L)),
                new Item("folder/img1", "Test", new Media(null, 10, 10), List.of(
                        new Bbox(shape(CAR, 0, Map.of()), 1, 1, 2, 2)), Map.of("frame", 0L)),
                new Item("empty", "Test", new Media(null, 10, 10), List.of(), Map.of("frame", 1L))));
    }

    /** A shape as the reader gives it: {@code occluded} always set. */
    private static AnnotationInfo shape(int label, int zOrder, Map<String, Object> attributes) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("occluded", false);
        all.putAll(attributes);
        return new AnnotationInfo(label, 0, 0, zOrder, all, null);
    }

    @Test
    void everyKindReadsBackAsWritten(@TempDir Path dir) throws IOException {
        Datasets.Loaded written = everyKind();
        RecordedProblems problems = new RecordedProblems();

        Datasets.write(FORMAT, written, dir, Corpus.source("cvat_images_1.1/ovd_export_project"), problems);
        Datasets.Loaded read = Datasets.read(FORMAT, DirectorySource.of(dir));

        assertEquals(List.of(), problems.lines, "nothing lost");
        assertEquals(written.categories(), read.categories());
        assertEquals(written.items(), read.items());
        assertTrue(Files.isRegularFile(dir.resolve("images/Train/img0.jpg")), "the image is copied");
    }

    @Test
    void projectSampleReadsBackTheSame(@TempDir Path dir) throws IOException {
        DirectorySource source = Corpus.source("cvat_images_1.1/ovd_export_project");
        Datasets.Loaded original = Datasets.read(FORMAT, source);

        Datasets.Loaded read = Datasets.roundTrip(FORMAT, original, dir, source);

        assertEquals(original.categories(), read.categories());
        assertEquals(original.items(), read.items(), "same items, media paths images/<subset>/<name> included");
        assertArrayEquals(Files.readAllBytes(source.directory().resolve("images/Validation/img1.jpg")),
                Files.readAllBytes(dir.resolve("images/Validation/img1.jpg")), "images copied byte for byte");
    }

    @Test
    void docsExampleReadsBackTheSame(@TempDir Path dir) throws IOException {
        Datasets.Loaded original = Datasets.read(FORMAT, Corpus.source("cvat_images_1.1/cvat_docs_annotation_example"));
        Datasets.Loaded read = Datasets.roundTrip(FORMAT, original, dir, null);

        assertEquals(original.categories(), read.categories());
        assertEquals(original.items(), read.items(), "the mask, the skeleton, 69 polygon points");
    }

    @Test
    void unlabelledShapesOfTheTaskSampleAreDroppedAndReported(@TempDir Path dir) throws IOException {
        Datasets.Loaded original = Datasets.read(FORMAT, Corpus.source("cvat_images_1.1/ovd_export_task"));
        RecordedProblems problems = new RecordedProblems();

        Datasets.write(FORMAT, original, dir, null, problems);
        Datasets.Loaded read = Datasets.read(FORMAT, DirectorySource.of(dir));

        assertEquals(List.of(
                "dropped img0 polyline: unlabelled: CVAT needs a label on every annotation",
                "dropped img1 polygon: unlabelled: CVAT needs a label on every annotation"), problems.lines);
        assertEquals(List.of("bbox"), kinds(read.item("img0")));
        assertEquals(List.of("points"), kinds(read.item("img1")));
        assertEquals("train", read.item("img0").subset());
    }

    @Test
    void videoTracksAreWrittenFrameByFrameWithoutTheirTrackData(@TempDir Path dir) throws IOException {
        Datasets.Converted converted = Datasets.convert(Corpus.path("cvat_video_1.1/ovd_for_video"), "cvat_video",
                "cvat_images", dir.resolve("out"), org.labelbridge.convert.ConversionOptions.DEFAULTS);
        Datasets.Loaded read = converted.output();

        assertEquals(List.of("annotations/frame_000010", "annotations/frame_000013", "annotations/frame_000016"),
                read.ids());
        assertEquals(10L, read.item("frame_000010").frame(), "the frame is the <image> id");
        assertEquals(List.of("bbox", "points"), kinds(read.item("frame_000010")));
        assertEquals(List.of("polyline"), kinds(read.item("frame_000013")), "outside shapes are not visible");
        assertEquals(List.of(), kinds(read.item("frame_000016")));
        for (Item item : read.items()) {
            for (Annotation annotation : item.annotations()) {
                assertNull(annotation.info().track());
                assertEquals(0, annotation.info().id());
            }
            assertEquals("images/annotations/" + item.id() + ".png", item.media().path());
        }
        Bbox box = (Bbox) read.item("frame_000010").annotations().get(0);
        assertEquals(Map.of("occluded", true), box.attributes());
        assertEquals(3, converted.count("track data (track id, keyframe, outside) not kept"), "the visible shapes");
        assertEquals(4, converted.count("outside its track"));
    }

    private static List<String> kinds(Item item) {
        return item.annotations().stream().map(a -> a.kind().id()).toList();
    }
}

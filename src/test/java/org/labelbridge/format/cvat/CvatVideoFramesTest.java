package org.labelbridge.format.cvat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.convert.ConversionOptions;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.AnnotationKind;
import org.labelbridge.model.Track;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.Datasets;

/**
 * Which frames a CVAT for video dump brings back, and what the report says of them: a frame
 * comes back by a shape (a visible one, or the outside copy that ends a track on it) or by its
 * image; one with neither is reported dropped. The outside copies are shapes the reader gives
 * back (hidden at their frame), so the report counts them as written.
 */
class CvatVideoFramesTest {

    @TempDir
    Path dir;

    @Test
    void framesWithAnImageAndNoShapeComeBackFromTheirImages() throws IOException {
        Datasets.Converted converted = Datasets.convert(Corpus.path("imagenet_1.0/imagenet_dataset"), "imagenet",
                "cvat_video", dir.resolve("out"), ConversionOptions.DEFAULTS);

        assertEquals(3, converted.report().itemsOut());
        assertEquals(List.of("default/frame_000000", "default/frame_000001", "default/frame_000002"),
                converted.output().ids());
        assertEquals(List.of(), converted.output().items().stream().flatMap(i -> i.annotations().stream()).toList());
        assertTrue(converted.output().items().stream().allMatch(i -> i.media().hasPath()), "each frame has its image");
    }

    @Test
    void framesWithNeitherShapeNorImageAreReportedDropped() throws IOException {
        // captions only, and the images are not kept
        Datasets.Converted converted = Datasets.convert(Corpus.path("coco_1.0/coco_captions"), "coco", "cvat_video",
                dir.resolve("out"), ConversionOptions.fromMap(Map.of("keep_images", "false")));

        assertEquals(0, converted.report().itemsOut());
        assertEquals(2, converted.report().droppedItems());
        assertEquals(2, converted.count("no shape and no image: nothing in a CVAT video dump brings this frame back"));
        assertEquals(List.of(), converted.output().ids());
    }

    @Test
    void theOutsideCopiesThatEndSingleFrameTracksAreCountedAsWritten() throws IOException {
        Datasets.Converted converted = Datasets.convert(Corpus.path("kitti_1.0/kitti_detection"), "kitti",
                "cvat_video", dir.resolve("out"), ConversionOptions.DEFAULTS);

        assertEquals(Map.of(AnnotationKind.BBOX, 7L), converted.output().kinds());
        assertEquals(7L, converted.report().annotationsOut().get(AnnotationKind.BBOX));
        List<Annotation> second = converted.output().item("frame_000001").annotations();
        assertEquals(List.of(new Track(0, true, true), new Track(1, true, true)),
                second.stream().filter(a -> a.info().track().outside()).map(a -> a.info().track()).toList(),
                "the two boxes of frame 0 end on frame 1");
    }

    /** Frames 0 and 3 have a car; 1 and 2 nothing. The car ends on 1, which so comes back; 2 does not. */
    @Test
    void anEmptyFrameWhereATrackEndsComesBackAndTheNextIsDropped() throws IOException {
        Path input = cvatImages(image(0, true), image(1, false), image(2, false), image(3, true));

        Datasets.Converted converted = Datasets.convert(input, "cvat_images", "cvat_video", dir.resolve("out"),
                ConversionOptions.DEFAULTS);

        assertEquals(List.of("annotations/frame_000000", "annotations/frame_000001", "annotations/frame_000003"),
                converted.output().ids());
        assertEquals(3, converted.report().itemsOut());
        assertEquals(1, converted.report().droppedItems());
        assertEquals(Map.of(AnnotationKind.BBOX, 3L), converted.output().kinds());
        assertEquals(3L, converted.report().annotationsOut().get(AnnotationKind.BBOX));
        assertTrue(converted.output().item("frame_000001").annotations().get(0).info().track().outside());
    }

    /**
     * Items out of frame order: frame 2 is kept for the car of frame 0 to end on, then frame 1
     * comes between them and takes that end; frame 2 still comes back, by an outside shape.
     */
    @Test
    void anEmptyFrameKeptForATrackEndStillComesBackWhenItemsComeOutOfOrder() throws IOException {
        Path input = cvatImages(image(3, true), image(0, true), image(2, false), image(1, false));

        Datasets.Converted converted = Datasets.convert(input, "cvat_images", "cvat_video", dir.resolve("out"),
                ConversionOptions.DEFAULTS);

        assertEquals(List.of("annotations/frame_000000", "annotations/frame_000001", "annotations/frame_000002",
                "annotations/frame_000003"), converted.output().ids());
        assertEquals(4, converted.report().itemsOut());
        assertEquals(Map.of(AnnotationKind.BBOX, 4L), converted.output().kinds());
        assertEquals(4L, converted.report().annotationsOut().get(AnnotationKind.BBOX));
        for (String hidden : List.of("frame_000001", "frame_000002")) {
            List<Annotation> annotations = converted.output().item(hidden).annotations();
            assertEquals(1, annotations.size(), hidden);
            assertTrue(annotations.get(0).info().track().outside(), hidden + " shows nothing");
        }
    }

    private static String image(int frame, boolean car) {
        return "  <image id=\"" + frame + "\" name=\"f" + frame + ".jpg\" width=\"8\" height=\"8\">"
                + (car ? "<box label=\"car\" occluded=\"0\" xtl=\"1\" ytl=\"1\" xbr=\"3\" ybr=\"3\"/>" : "")
                + "</image>\n";
    }

    private Path cvatImages(String... images) throws IOException {
        Path input = Files.createDirectories(dir.resolve("in"));
        Files.writeString(input.resolve("annotations.xml"), "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                + "<annotations>\n  <version>1.1</version>\n  <meta><task><mode>annotation</mode><labels><label>"
                + "<name>car</name></label></labels></task></meta>\n" + String.join("", images) + "</annotations>\n");
        return input;
    }
}

package org.labelbridge.format.tracks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.archive.DirectorySource;
import org.labelbridge.convert.ConversionOptions;
import org.labelbridge.convert.ConversionReport;
import org.labelbridge.convert.ConversionRequest;
import org.labelbridge.convert.ConversionResult;
import org.labelbridge.convert.Converter;
import org.labelbridge.format.cvat.CvatVideoFormat;
import org.labelbridge.format.mot.MotFormat;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.AnnotationInfo;
import org.labelbridge.model.Bbox;
import org.labelbridge.model.Item;
import org.labelbridge.model.Media;
import org.labelbridge.model.Track;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.Datasets;

/**
 * Video tracks through the whole pipeline: CVAT for video to MOT and back keeps every track
 * id, keyframe and outside flag MOT can hold (its box tracks) and reports the rest; CVAT for
 * video to itself keeps everything.
 */
class TrackConversionTest {

    private static final CvatVideoFormat CVAT_VIDEO = new CvatVideoFormat();

    @TempDir
    Path tmp;

    private ConversionResult convert(Path input, String from, String to, String output) throws IOException {
        return Converter.convert(new ConversionRequest(input, from, to, ConversionOptions.DEFAULTS, tmp.resolve(output)));
    }

    @Test
    void ovdVideoThroughMotKeepsItsBoxTrackAndReportsTheOthers() throws IOException {
        Path sample = Corpus.path("cvat_video_1.1/ovd_for_video");
        ConversionResult toMot = convert(sample, ConversionRequest.AUTO, MotFormat.ID, "mot");
        ConversionResult back = convert(tmp.resolve("mot"), ConversionRequest.AUTO, CvatVideoFormat.ID, "video");

        assertEquals("cvat_video", toMot.source().format().id());
        assertEquals(List.of(
                "dataset dataset x1: label 'klhg' loses its attribute declarations: gt/labels.txt holds label names "
                        + "only",
                "dataset dataset x1: subset 'annotations' merged into 'default': MOT 1.1 has no subsets",
                "dropped points x1: MOT 1.1 cannot hold points (option shapes_to_boxes=true keeps it as its "
                        + "bounding box)",
                "dataset dataset x1: item ids are not kept: MOT names each frame by its number ('frame_000010' is "
                        + "written as 000011)",
                "dropped bbox x2: outside its track at this frame (hidden there): MOT 1.1 would show it as a visible"
                        + " object",
                "dropped points x1: outside its track at this frame (hidden there): MOT 1.1 would show it as a"
                        + " visible object",
                "dropped polyline x1: MOT 1.1 cannot hold polyline (option shapes_to_boxes=true keeps it as its "
                        + "bounding box)",
                "dropped polyline x1: outside its track at this frame (hidden there): MOT 1.1 would show it as a"
                        + " visible object"),
                lines(toMot.report()));
        assertEquals(List.of("11,1,3,4,7,1,1,3,0"), Files.readAllLines(tmp.resolve("mot/gt/gt.txt")),
                "CVAT track 0 on frame 10 is MOT track 1 on frame 11");
        assertEquals("mot", back.source().format().id());

        Datasets.Loaded original = Datasets.read(CVAT_VIDEO, Corpus.source("cvat_video_1.1/ovd_for_video"));
        Datasets.Loaded result = Datasets.read(CVAT_VIDEO, DirectorySource.of(tmp.resolve("video")));
        assertEquals(List.of("default/frame_000010", "default/frame_000013", "default/frame_000016"), result.ids(),
                "the frames, named by their numbers again (MOT has no subsets)");
        assertEquals(visibleBoxes(original), visibleBoxes(result), "the box track's visible keyframes, exactly");
        Bbox visible = (Bbox) result.item("frame_000010").annotations().get(0);
        assertEquals(Map.of("occluded", true, "visibility", 0.0, "ignored", false), visible.attributes(),
                "occluded as it was; MOT adds its visibility and ignored flag");
        assertEquals(List.of(new Bbox(new AnnotationInfo(2, 0, 0, 0, visible.attributes(), new Track(0, true, true)),
                3, 4, 7, 1)), result.item("frame_000013").annotations(),
                "the track ends where it did, with an outside keyframe on the next frame");
        assertEquals(List.of(), result.item("frame_000016").annotations(),
                "the second outside frame, which MOT cannot hold, is gone (reported above)");
        for (Item item : result.items()) {
            assertEquals(new Media("images/default/" + item.id() + ".png", 25, 20), item.media());
        }
    }

    @Test
    void docsExampleThroughMotLosesItsPolygonAndSkeletonTracksVisibly() throws IOException {
        Path sample = Corpus.path("cvat_video_1.1/cvat_docs_interpolation_example/annotations.xml");
        ConversionResult toMot = convert(sample, CvatVideoFormat.ID, MotFormat.ID, "mot");
        ConversionResult back = convert(tmp.resolve("mot"), MotFormat.ID, CvatVideoFormat.ID, "video");

        List<String> report = lines(toMot.report());
        assertTrue(report.contains("dropped polygon x3: MOT 1.1 cannot hold polygon (option shapes_to_boxes=true "
                + "keeps it as its bounding box)"), report.toString());
        assertTrue(report.contains("dropped skeleton x3: MOT 1.1 cannot hold skeleton (option shapes_to_boxes=true "
                + "keeps it as its bounding box)"), report.toString());
        assertTrue(report.contains("dropped polygon x3: outside its track at this frame (hidden there): MOT 1.1 would"
                + " show it as a visible object"), report.toString());
        assertTrue(report.contains("dropped item x6: no box and no image: nothing in a MOT sequence brings this frame "
                + "back"), report.toString());
        assertEquals(0, toMot.report().itemsOut(), "what the report says went out is what the output holds");
        assertEquals(List.of(), Files.readAllLines(tmp.resolve("mot/gt/gt.txt")));
        assertEquals(List.of("person", "car", "s1", "1", "2", "3"),
                Files.readAllLines(tmp.resolve("mot/gt/labels.txt")));
        assertEquals(0, back.report().itemsOut());
    }

    @Test
    void cvatVideoToItselfKeepsEveryTrackKeyframeAndOutsideFlag() throws IOException {
        for (String sample : List.of("cvat_video_1.1/ovd_for_video", "cvat_video_1.1/cvat_docs_interpolation_example")) {
            String output = sample.substring(sample.indexOf('/') + 1);
            ConversionResult result = convert(Corpus.path(sample), ConversionRequest.AUTO, CvatVideoFormat.ID, output);

            assertEquals(List.of(), lines(result.report()), sample + ": nothing lost");
            Datasets.Loaded original = Datasets.read(CVAT_VIDEO, Corpus.source(sample));
            Datasets.Loaded copy = Datasets.read(CVAT_VIDEO, DirectorySource.of(tmp.resolve(output)));
            assertEquals(original.categories(), copy.categories(), sample);
            assertEquals(withImagesUnderTheirSubset(original.items()), copy.items(), sample);
        }
    }

    /** Each box of a track that is visible: label, geometry, attributes but MOT's, track (id, keyframe). */
    private static List<String> visibleBoxes(Datasets.Loaded dataset) {
        List<String> boxes = new ArrayList<>();
        for (Item item : dataset.items()) {
            for (Annotation annotation : item.annotations()) {
                if (annotation instanceof Bbox box && !box.info().track().outside()) {
                    boxes.add(item.frame() + " " + dataset.labelOf(box) + " [" + box.x() + ", " + box.y() + ", "
                            + box.w() + ", " + box.h() + "] occluded=" + box.attributes().get("occluded") + " "
                            + box.info().track() + " id " + box.info().id());
                }
            }
        }
        return boxes;
    }

    private static List<Item> withImagesUnderTheirSubset(List<Item> items) {
        List<Item> moved = new ArrayList<>();
        for (Item item : items) {
            Media media = item.media();
            moved.add(item.withMedia(media.withPath(media.hasPath()
                    ? "images/" + item.subset() + "/" + item.id() + media.extension() : null)));
        }
        return moved;
    }

    private static List<String> lines(ConversionReport report) {
        return report.entries().stream()
                .map(e -> e.action() + " " + e.kind() + " x" + e.count() + ": " + e.reason()).toList();
    }
}

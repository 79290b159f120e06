package org.labelbridge.format.cvat;

import org.labelbridge.testing.RecordedProblems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.archive.DirectorySource;
import org.labelbridge.format.Detection;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.AnnotationInfo;
import org.labelbridge.model.AttributeDef;
import org.labelbridge.model.AttributeType;
import org.labelbridge.model.Bbox;
import org.labelbridge.model.Caption;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;
import org.labelbridge.model.Label;
import org.labelbridge.model.Media;
import org.labelbridge.model.Points;
import org.labelbridge.model.Polygon;
import org.labelbridge.model.Skeleton;
import org.labelbridge.model.SkeletonDef;
import org.labelbridge.model.Track;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.Datasets;

/** What the CVAT for video writer puts in annotations.xml, and what it reports. */
class CvatVideoWriterTest {

    private static final CvatVideoFormat FORMAT = new CvatVideoFormat();
    private static final Categories CAR_AND_PERSON = Categories.ofNames(List.of("car", "person"));
    private static final String TRACK_CLOSED = "a track's shape before a frame where the track has none is followed by"
            + " an outside copy on that frame, as CVAT ends a track (read back as a hidden shape)";

    @Test
    void writesTracksFrameByFrameAsCvatDoes(@TempDir Path dir) throws IOException {
        DirectorySource source = Corpus.source("cvat_video_1.1/ovd_for_video");
        Datasets.write(FORMAT, Datasets.read(FORMAT, source), dir, source, new RecordedProblems());
        List<String> lines = Files.readAllLines(dir.resolve("annotations.xml"));

        assertEquals(List.of(
                "  <track id=\"0\" label=\"II\" task_id=\"0\" subset=\"annotations\">",
                "    <box frame=\"10\" keyframe=\"1\" outside=\"0\" occluded=\"1\" xtl=\"3\" ytl=\"4\" xbr=\"10\" "
                        + "ybr=\"5\" z_order=\"0\"/>",
                "    <box frame=\"13\" keyframe=\"1\" outside=\"1\" occluded=\"0\" xtl=\"7\" ytl=\"6\" xbr=\"14\" "
                        + "ybr=\"8\" z_order=\"0\"/>",
                "    <box frame=\"16\" keyframe=\"1\" outside=\"1\" occluded=\"0\" xtl=\"8\" ytl=\"7\" xbr=\"14\" "
                        + "ybr=\"17\" z_order=\"0\"/>",
                "  </track>",
                "  <track id=\"1\" label=\"klhg\" task_id=\"0\" subset=\"annotations\">",
                "    <points frame=\"10\" keyframe=\"1\" outside=\"0\" occluded=\"0\" "
                        + "points=\"21.95,8;2.55,15.09;2.23,3.16\" z_order=\"0\">",
                "      <attribute name=\"hgl\">hgkf</attribute>",
                "    </points>",
                "    <points frame=\"13\" keyframe=\"1\" outside=\"1\" occluded=\"0\" "
                        + "points=\"21.95,8;9.55,15.09;5.23,1.16\" z_order=\"0\">",
                "      <attribute name=\"hgl\">jk</attribute>",
                "    </points>",
                "  </track>",
                "  <track id=\"2\" label=\"II\" task_id=\"0\" subset=\"annotations\">",
                "    <polyline frame=\"13\" keyframe=\"1\" outside=\"0\" occluded=\"0\" "
                        + "points=\"7.85,13.88;3.5,6.67;15.9,2;13.31,7.21\" z_order=\"0\"/>",
                "    <polyline frame=\"16\" keyframe=\"1\" outside=\"1\" occluded=\"0\" "
                        + "points=\"7.85,13.88;3.5,6.67;15.9,2;13.31,7.21\" z_order=\"0\"/>",
                "  </track>",
                "</annotations>"), lines.subList(lines.indexOf("  </meta>") + 1, lines.size()));
        for (String line : List.of("          <mode>interpolation</mode>", "          <subset>annotations</subset>",
                "          <original_size>", "            <width>25</width>", "            <height>20</height>",
                "              <mutable>True</mutable>")) {
            assertTrue(lines.contains(line), "the meta has: " + line);
        }
        Detection detected = FORMAT.detect(DirectorySource.of(dir));
        assertEquals(Detection.STRONG, detected.confidence(), detected.evidence());
    }

    @Test
    void skeletonTracksAreOutsideThroughTheirNodes(@TempDir Path dir) throws IOException {
        Datasets.Loaded docs = Datasets.read(FORMAT, Corpus.source("cvat_video_1.1/cvat_docs_interpolation_example"));
        Datasets.write(FORMAT, docs, dir, null, new RecordedProblems());
        List<String> lines = Files.readAllLines(dir.resolve("annotations.xml"));

        int start = lines.indexOf("    <skeleton frame=\"1\" keyframe=\"1\" z_order=\"0\">");
        assertEquals(List.of(
                "    <skeleton frame=\"1\" keyframe=\"1\" z_order=\"0\">",
                "      <points label=\"1\" keyframe=\"1\" outside=\"1\" occluded=\"0\" points=\"112.07,258.59\"/>",
                "      <points label=\"2\" keyframe=\"1\" outside=\"1\" occluded=\"0\" points=\"127.87,333.23\"/>",
                "      <points label=\"3\" keyframe=\"1\" outside=\"1\" occluded=\"0\" points=\"195.37,223.27\"/>",
                "    </skeleton>"), lines.subList(start, start + 5));
        assertTrue(lines.contains("  <track id=\"1\" label=\"s1\" source=\"manual\" task_id=\"0\" "
                + "subset=\"annotations\">"), "the track's source");
    }

    @Test
    void plainShapesBecomeSingleFrameTracksAfterTheModelsTracks(@TempDir Path dir) throws IOException {
        Datasets.Loaded dataset = new Datasets.Loaded(CAR_AND_PERSON, List.of(
                frame(0, List.of(box(0, 5, true, false, 1), new Polygon(AnnotationInfo.of(1), new double[] {0, 0, 4, 0, 4, 4}))),
                frame(1, List.of(box(0, 5, false, false, 2))),
                frame(2, List.of(new Bbox(AnnotationInfo.of(0), 1, 1, 2, 2)))));
        RecordedProblems problems = new RecordedProblems();

        Datasets.write(FORMAT, dataset, dir, null, problems);
        List<String> lines = tracks(dir);

        assertEquals(List.of(
                "  <track id=\"5\" label=\"car\" task_id=\"0\" subset=\"default\">",
                "    <box frame=\"0\" keyframe=\"1\" outside=\"0\" occluded=\"0\" xtl=\"1\" ytl=\"1\" xbr=\"3\" ybr=\"3\" "
                        + "z_order=\"0\"/>",
                "    <box frame=\"1\" keyframe=\"0\" outside=\"0\" occluded=\"0\" xtl=\"2\" ytl=\"1\" xbr=\"4\" ybr=\"3\" "
                        + "z_order=\"0\"/>",
                "    <box frame=\"2\" keyframe=\"1\" outside=\"1\" occluded=\"0\" xtl=\"2\" ytl=\"1\" xbr=\"4\" ybr=\"3\" "
                        + "z_order=\"0\"/>",
                "  </track>",
                "  <track id=\"6\" label=\"person\" task_id=\"0\" subset=\"default\">",
                "    <polygon frame=\"0\" keyframe=\"1\" outside=\"0\" occluded=\"0\" points=\"0,0;4,0;4,4\" z_order=\"0\"/>",
                "    <polygon frame=\"1\" keyframe=\"1\" outside=\"1\" occluded=\"0\" points=\"0,0;4,0;4,4\" z_order=\"0\"/>",
                "  </track>",
                "  <track id=\"7\" label=\"car\" task_id=\"0\" subset=\"default\">",
                "    <box frame=\"2\" keyframe=\"1\" outside=\"0\" occluded=\"0\" xtl=\"1\" ytl=\"1\" xbr=\"3\" ybr=\"3\" "
                        + "z_order=\"0\"/>",
                "  </track>"), lines, "the track ends with an outside copy; a shape on the last frame has none");
        assertEquals(List.of("dataset: shapes without a track are written as single-frame tracks, as CVAT writes them "
                + "in a video dump; they read back as tracks",
                "converted frame_000001 1 bbox to 2 bbox: " + TRACK_CLOSED,
                "converted frame_000000 1 polygon to 2 polygon: a shape without a track is written as a single-frame "
                        + "track: the shape, then an outside copy on the next frame that ends it, as CVAT dumps shapes "
                        + "(read back as a hidden shape)"), problems.lines);

        Datasets.Loaded read = Datasets.read(FORMAT, DirectorySource.of(dir));
        assertEquals(new Track(6, true, true), read.item("frame_000001").annotations().get(1).info().track());
        assertEquals(new Track(7, true, false), read.item("frame_000002").annotations().get(1).info().track());
    }

    @Test
    void aTrackMissingFromAFrameIsClosedThereAndItemsMayComeInAnyOrder(@TempDir Path dir) throws IOException {
        Datasets.Loaded dataset = new Datasets.Loaded(CAR_AND_PERSON, List.of(
                frame(3, List.of(box(0, 0, true, false, 3))),
                frame(0, List.of(box(0, 0, true, false, 0))),
                frame(1, List.of()),
                frame(2, List.of())));

        Datasets.write(FORMAT, dataset, dir, null, new RecordedProblems());

        assertEquals(List.of(
                "  <track id=\"0\" label=\"car\" task_id=\"0\" subset=\"default\">",
                "    <box frame=\"0\" keyframe=\"1\" outside=\"0\" occluded=\"0\" xtl=\"0\" ytl=\"1\" xbr=\"2\" ybr=\"3\" "
                        + "z_order=\"0\"/>",
                "    <box frame=\"1\" keyframe=\"1\" outside=\"1\" occluded=\"0\" xtl=\"0\" ytl=\"1\" xbr=\"2\" ybr=\"3\" "
                        + "z_order=\"0\"/>",
                "    <box frame=\"3\" keyframe=\"1\" outside=\"0\" occluded=\"0\" xtl=\"3\" ytl=\"1\" xbr=\"5\" ybr=\"3\" "
                        + "z_order=\"0\"/>",
                "  </track>"), tracks(dir), "not interpolated over frames 1 and 2, where the car is not");
    }

    @Test
    void attributesChangingAlongATrackAreDeclaredMutable(@TempDir Path dir) throws IOException {
        Categories categories = new Categories(List.of(new Label("car", "", List.of(
                new AttributeDef("parked", AttributeType.CHECKBOX, false, List.of("false", "true"), "false")))),
                List.of(), Map.of(), Map.of());
        List<Item> items = new ArrayList<>();
        for (int frame = 0; frame < 2; frame++) {
            Map<String, Object> attributes = new LinkedHashMap<>();
            attributes.put("parked", frame == 0);
            attributes.put("speed", 10L * frame);
            attributes.put("model", "sedan");
            items.add(frame(frame, List.of(new Bbox(new AnnotationInfo(0, 0, 0, 0, attributes,
                    new Track(0, true, false)), 0, 0, 1, 1))));
        }
        RecordedProblems problems = new RecordedProblems();

        Datasets.write(FORMAT, new Datasets.Loaded(categories, items), dir, null, problems);
        Label car = Datasets.read(FORMAT, DirectorySource.of(dir)).categories().label(0);

        assertEquals(List.of(
                new AttributeDef("parked", AttributeType.CHECKBOX, true, List.of("false", "true"), "false"),
                new AttributeDef("speed", AttributeType.NUMBER, true, List.of("0", "10", "1"), "0"),
                new AttributeDef("model", AttributeType.TEXT, false, List.of(), "")), car.attributes());
        assertEquals(List.of("dataset: attribute 'parked' of label 'car' is declared immutable but changes along a "
                + "track: declared mutable, so that every value is kept"), problems.lines);
        assertTrue(Files.readString(dir.resolve("annotations.xml")).contains(
                "    <box frame=\"1\" keyframe=\"1\" outside=\"0\" occluded=\"0\" xtl=\"0\" ytl=\"0\" xbr=\"1\" ybr=\"1\" "
                        + "z_order=\"0\">\n      <attribute name=\"parked\">false</attribute>\n"
                        + "      <attribute name=\"speed\">10</attribute>\n"
                        + "      <attribute name=\"model\">sedan</attribute>\n    </box>"),
                "every attribute on every shape, as CVAT writes them");
    }

    @Test
    void whatCvatForVideoCannotHoldIsReported(@TempDir Path dir) throws IOException {
        Categories categories = new Categories(List.of(Label.named("car"), Label.named("pose"),
                new Label("nose", "pose", List.of()), Label.named("scene")), List.of(),
                Map.of(1, new SkeletonDef(List.of(2), List.of())), Map.of());
        Map<String, Object> withTrackData = new LinkedHashMap<>();
        withTrackData.put("keyframe", true);
        withTrackData.put("track_id", 3L);
        List<Annotation> annotations = List.of(
                new Caption(AnnotationInfo.EMPTY, "a car"),
                new Bbox(new AnnotationInfo(0, 0, 0, 0, withTrackData, new Track(3, true, false)), 0, 0, 1, 1),
                new Bbox(new AnnotationInfo(0, 0, 0, 0, Map.of(), new Track(3, true, false)), 2, 2, 1, 1),
                new Bbox(new AnnotationInfo(3, 0, 0, 0, Map.of(), new Track(3, true, false)), 0, 0, 1, 1),
                new Skeleton(new AnnotationInfo(1, 0, 0, 0, Map.of(), new Track(4, true, true)),
                        List.of(new Points(AnnotationInfo.of(2), new double[] {1, 1}))));
        Datasets.Loaded dataset = new Datasets.Loaded(categories, List.of(
                new Item("img", "default", new Media(null, 4, 4), annotations, Map.of("frame", 0L, "id", 7L)),
                new Item("empty", "default", new Media(null, 4, 4), List.of(), Map.of("frame", 1L))));
        RecordedProblems problems = new RecordedProblems();

        Datasets.write(FORMAT, dataset, dir, null, problems);

        assertEquals(List.of(
                "dataset: item ids are not kept: CVAT for video names each item by its frame number ('img' is written "
                        + "as frame_000000)",
                "item img: item attributes [id] not kept: CVAT for video 1.1 keeps only the frame number",
                "dropped img caption: CVAT for video 1.1 cannot hold a caption",
                "changed img bbox: attribute 'keyframe' is not written: CVAT for video holds keyframe as track data, "
                        + "which comes from the annotation's track",
                "changed img bbox: attribute 'track_id' is not written: CVAT for video holds track_id as track data, "
                        + "which comes from the annotation's track",
                "dataset: track 3 has shapes of more than one label, kind, group or source: written as several "
                        + "<track>s, the first with its id, the others with new ids after the highest, as a CVAT "
                        + "track has one of each and CVAT joins the shapes of one id",
                "changed img skeleton: the nodes of a skeleton outside its track (id 4) are written outside, as CVAT "
                        + "has them",
                "converted frame_000000 1 bbox to 2 bbox: " + TRACK_CLOSED,
                "dropped frame_000000 bbox: a second shape of track 3 on this frame: a CVAT track has one shape per "
                        + "frame",
                "converted frame_000000 1 bbox to 2 bbox: " + TRACK_CLOSED), problems.lines);
        List<String> tracks = tracks(dir);
        assertTrue(tracks.contains("  <track id=\"3\" label=\"car\" task_id=\"0\" subset=\"default\">"), "split");
        assertTrue(tracks.contains("  <track id=\"5\" label=\"scene\" task_id=\"0\" subset=\"default\">"),
                "split off: a new id after the highest (4)");
        assertTrue(tracks.contains("    <skeleton frame=\"0\" keyframe=\"1\" z_order=\"0\">"), tracks.toString());
        assertTrue(tracks.contains("      <points label=\"nose\" keyframe=\"1\" outside=\"1\" occluded=\"0\" "
                + "points=\"1,1\"/>"), tracks.toString());
    }

    @Test
    void aVisibleSkeletonWithEveryNodeAbsentSaysItIsNotOutside(@TempDir Path dir) throws IOException {
        Categories categories = new Categories(List.of(Label.named("pose"), new Label("nose", "pose", List.of())),
                List.of("occluded"), Map.of(0, new SkeletonDef(List.of(1), List.of())), Map.of());
        Skeleton skeleton = new Skeleton(new AnnotationInfo(0, 2, 0, 0, Map.of("occluded", false),
                new Track(2, true, false)), List.of(new Points(AnnotationInfo.of(1), new double[] {1, 1},
                new byte[] {Points.ABSENT})));
        Datasets.Loaded dataset = new Datasets.Loaded(categories, List.of(frame(0, List.of(skeleton))));

        Datasets.write(FORMAT, dataset, dir, null, new RecordedProblems());

        assertTrue(tracks(dir).contains("    <skeleton frame=\"0\" keyframe=\"1\" outside=\"0\" z_order=\"0\">"));
        assertEquals(dataset.items(), Datasets.read(FORMAT, DirectorySource.of(dir)).items());
    }

    private static Item frame(long frame, List<Annotation> annotations) {
        return new Item(CvatLayout.frameName(frame), "default", new Media(null, 8, 8), annotations,
                Map.of("frame", frame));
    }

    private static Bbox box(int label, long track, boolean keyframe, boolean outside, double x) {
        return new Bbox(new AnnotationInfo(label, track, 0, 0, Map.of(), new Track(track, keyframe, outside)),
                x, 1, 2, 2);
    }

    /** The lines after the meta, without the root's end tag. */
    private static List<String> tracks(Path dir) throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve("annotations.xml"));
        return lines.subList(lines.indexOf("  </meta>") + 1, lines.size() - 1);
    }
}

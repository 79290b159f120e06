package org.labelbridge.format.cvat;

import org.labelbridge.testing.RecordedProblems;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
import org.labelbridge.model.Annotation;
import org.labelbridge.model.AnnotationInfo;
import org.labelbridge.model.Bbox;
import org.labelbridge.model.Cuboid2d;
import org.labelbridge.model.Ellipse;
import org.labelbridge.model.Item;
import org.labelbridge.model.Mask;
import org.labelbridge.model.Media;
import org.labelbridge.model.Points;
import org.labelbridge.model.Polygon;
import org.labelbridge.model.Polyline;
import org.labelbridge.model.Rle;
import org.labelbridge.model.Skeleton;
import org.labelbridge.model.Track;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.Datasets;

/**
 * CVAT for video written by the video writer reads back as the same dataset: every track id,
 * keyframe and outside flag, every frame; only the images move to {@code images/<subset>/}.
 */
class CvatVideoRoundTripTest {

    private static final CvatVideoFormat FORMAT = new CvatVideoFormat();

    @Test
    void ovdSampleReadsBackTheSame(@TempDir Path dir) throws IOException {
        DirectorySource source = Corpus.source("cvat_video_1.1/ovd_for_video");
        Datasets.Loaded original = Datasets.read(FORMAT, source);
        RecordedProblems problems = new RecordedProblems();

        Datasets.write(FORMAT, original, dir, source, problems);
        Datasets.Loaded read = Datasets.read(FORMAT, DirectorySource.of(dir));

        assertEquals(List.of(), problems.lines, "nothing lost");
        assertEquals(original.categories(), read.categories());
        assertEquals(movedImages(original.items()), read.items());
        assertArrayEquals(Files.readAllBytes(source.directory().resolve("images/frame_000013.png")),
                Files.readAllBytes(dir.resolve("images/annotations/frame_000013.png")), "images copied byte for byte");
    }

    @Test
    void docsInterpolationExampleReadsBackTheSame(@TempDir Path dir) throws IOException {
        Datasets.Loaded original = Datasets.read(FORMAT,
                Corpus.source("cvat_video_1.1/cvat_docs_interpolation_example"));
        RecordedProblems problems = new RecordedProblems();

        Datasets.write(FORMAT, original, dir, null, problems);
        Datasets.Loaded read = Datasets.read(FORMAT, DirectorySource.of(dir));

        assertEquals(List.of(), problems.lines, "nothing lost: the skeleton's outside frames, the polygon's gaps");
        assertEquals(original.categories(), read.categories());
        assertEquals(original.items(), read.items());
    }

    /** Every kind CVAT for video holds, as tracks, over three frames of two subsets. */
    @Test
    void everyKindAsTracksReadsBackAsWritten(@TempDir Path dir) throws IOException {
        Datasets.Loaded written = everyKindAsTracks();
        RecordedProblems problems = new RecordedProblems();

        Datasets.write(FORMAT, written, dir, null, problems);
        Datasets.Loaded read = Datasets.read(FORMAT, DirectorySource.of(dir));

        assertEquals(List.of(), problems.lines, "nothing lost");
        assertEquals(written.categories(), read.categories());
        assertEquals(written.items(), read.items());
    }

    /** The round-trip test's categories; every shape of every kind on frame 0 and 1, outside on 2. */
    static Datasets.Loaded everyKindAsTracks() {
        byte[] bitmap = new byte[8 * 8];
        for (int y = 2; y < 6; y++) {
            for (int x = 1; x < 4 + y % 2; x++) {
                bitmap[y * 8 + x] = 1;
            }
        }
        Rle rle = Rle.fromBitmap(bitmap, 8, 8);
        List<List<Annotation>> frames = new ArrayList<>();
        for (int frame = 0; frame < 3; frame++) {
            boolean outside = frame == 2;
            boolean keyframe = frame != 1;
            double dx = frame == 2 ? 1 : frame;
            Map<String, Object> car = new LinkedHashMap<>();
            car.put("occluded", frame == 1);
            car.put("source", "manual");
            car.put("parked", true);
            car.put("speed", 40L + frame);
            car.put("plate", "0042");
            car.put("color", "dark blue");
            frames.add(List.of(
                    new Bbox(track(CvatRoundTripTest.CAR, 10, keyframe, outside, 1, car), 0.5 + dx, 1.5, 4, 2.25, 30),
                    new Polygon(track(CvatRoundTripTest.PERSON, 11, keyframe, outside, 2, Map.of()),
                            new double[] {1 + dx, 1, 5, 1, 3, 4}),
                    new Polyline(track(CvatRoundTripTest.PERSON, 12, keyframe, outside, 0, Map.of()),
                            new double[] {0, 0, 7.5, 7.5 - dx}),
                    new Points(track(CvatRoundTripTest.CAR, 13, keyframe, outside, 3, Map.of("speed", 2.5)),
                            new double[] {1, 2, 3, 4 + dx}),
                    new Ellipse(track(CvatRoundTripTest.PERSON, 14, keyframe, outside, 0, Map.of()), 4, 4, 2, 1.5, 15),
                    new Cuboid2d(track(CvatRoundTripTest.CAR, 15, keyframe, outside, 0, Map.of()),
                            new double[] {1, 1, 1, 4, 4, 1, 4, 4, 2, 0.5, 2, 3.5, 5, 0.5, 5, 3.5}),
                    new Mask(new AnnotationInfo(CvatRoundTripTest.PERSON, 16, 3, 4,
                            Map.of("occluded", true, "source", "auto"), new Track(16, keyframe, outside)), rle),
                    new Skeleton(track(CvatRoundTripTest.POSE, 17, keyframe, outside, 5, Map.of("source", "auto")),
                            List.of(new Points(new AnnotationInfo(CvatRoundTripTest.HEAD, 0, 0, 0,
                                            Map.of("source", "manual"), null), new double[] {2, 2},
                                            new byte[] {outside ? Points.ABSENT : Points.VISIBLE}),
                                    new Points(AnnotationInfo.of(CvatRoundTripTest.HAND), new double[] {3, 5},
                                            new byte[] {outside ? Points.ABSENT : Points.HIDDEN})))));
        }
        List<Item> items = new ArrayList<>();
        for (int frame = 0; frame < 3; frame++) {
            items.add(new Item(CvatLayout.frameName(frame), "Train", new Media(null, 8, 8), frames.get(frame),
                    Map.of("frame", (long) frame)));
        }
        // track 10 again, in another subset: another task, the same id
        items.add(new Item(CvatLayout.frameName(0), "Test", new Media(null, 8, 8), List.of(
                new Bbox(track(CvatRoundTripTest.CAR, 10, true, false, 0, Map.of()), 1, 1, 2, 2)),
                Map.of("frame", 0L)));
        items.add(new Item(CvatLayout.frameName(1), "Test", new Media(null, 8, 8), List.of(
                new Bbox(track(CvatRoundTripTest.CAR, 10, true, true, 0, Map.of()), 1, 1, 2, 2)),
                Map.of("frame", 1L)));
        return new Datasets.Loaded(CvatRoundTripTest.categories(), items);
    }

    /** A track frame as the reader gives it: the annotation id is the track id, {@code occluded} always set. */
    static AnnotationInfo track(int label, long id, boolean keyframe, boolean outside, int zOrder,
                                Map<String, Object> attributes) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("occluded", false);
        all.putAll(attributes);
        return new AnnotationInfo(label, id, 0, zOrder, all, new Track(id, keyframe, outside));
    }

    /** The items with their images where the writer puts them: {@code images/<subset>/frame_...}. */
    static List<Item> movedImages(List<Item> items) {
        List<Item> moved = new ArrayList<>();
        for (Item item : items) {
            Media media = item.media();
            moved.add(item.withMedia(media.withPath(media.hasPath()
                    ? "images/" + item.subset() + "/" + item.id() + media.extension() : null)));
        }
        return moved;
    }
}

package org.labelbridge.format.ultralytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.archive.DirectorySource;
import org.labelbridge.convert.ConversionOptions;
import org.labelbridge.convert.ConversionRequest;
import org.labelbridge.convert.Converter;
import org.labelbridge.format.Formats;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.Bbox;
import org.labelbridge.model.Item;
import org.labelbridge.testing.Canonical;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.Datasets;
import org.labelbridge.testing.Datasets.Converted;
import org.labelbridge.testing.Datasets.Loaded;
import org.labelbridge.testing.ImageBytes;

/**
 * Ultralytics YOLO Detection Track 1.0: CVAT's detection lines with the track id last
 * ({@code class cx cy w h track_id}), written only for a box of a track, and read back by every
 * Ultralytics importer. No upstream sample holds a track id (MANIFEST, "Not covered"): the tracks
 * come from CVAT for video samples, and the mixed file from CVAT's docs ("Track support").
 */
class UltralyticsDetectionTrackTest {

    private static final ConversionOptions SHAPES_TO_BOXES = ConversionOptions.fromMap(Map.of("shapes_to_boxes",
            true));

    @TempDir
    Path tmp;

    @Test
    void boxesOfTracksEndWithTheirTrackIdAndReadBackAsTracks() throws IOException {
        Path out = tmp.resolve("track");
        Converter.convert(new ConversionRequest(Corpus.path("cvat_video_1.1/cvat_docs_interpolation_example"),
                ConversionRequest.AUTO, "ultralytics_detection_track", SHAPES_TO_BOXES, out));

        // the car polygon track (0) and the skeleton track (1), as boxes, at the frames they are visible
        List<String> frame0 = Files.readAllLines(out.resolve("labels/train/frame_000000.txt"));
        assertEquals(2, frame0.size(), frame0.toString());
        assertTrue(frame0.stream().allMatch(line -> line.split(" ").length == 6), frame0.toString());
        assertEquals(List.of("0", "1"), frame0.stream().map(line -> line.substring(line.lastIndexOf(' ') + 1))
                .sorted().toList());

        Converted back = Datasets.convert(out, ConversionRequest.AUTO, "ultralytics_detection_track",
                tmp.resolve("again"), ConversionOptions.DEFAULTS);
        assertEquals("ultralytics_detection_track", back.result().toMap().get("from"));
        Map<String, List<Long>> tracks = new TreeMap<>();
        for (Item item : back.output().items()) {
            tracks.put(item.id(), item.annotations().stream().map(a -> a.info().track().id()).sorted().toList());
        }
        assertEquals(Map.of("frame_000000", List.of(0L, 1L), "frame_000006", List.of(0L, 1L),
                "frame_000013", List.of(0L, 1L)), filterNonEmpty(tracks));
        assertEquals(Canonical.of(Datasets.read(Formats.require("ultralytics_detection"), DirectorySource.of(out))),
                Canonical.of(back.output()));
    }

    private static Map<String, List<Long>> filterNonEmpty(Map<String, List<Long>> tracks) {
        Map<String, List<Long>> kept = new TreeMap<>(tracks);
        kept.values().removeIf(List::isEmpty);
        return kept;
    }

    @Test
    void aBoxOfNoTrackHasNoTrackId() throws IOException {
        Path out = tmp.resolve("out");
        Converter.convert(new ConversionRequest(Corpus.path("yolo_1.1/yolo"), ConversionRequest.AUTO,
                "ultralytics_detection_track", ConversionOptions.DEFAULTS, out));

        List<String> lines = Files.readAllLines(out.resolve("labels/train/1.txt"));
        assertEquals(2, lines.size());
        assertTrue(lines.stream().allMatch(line -> line.split(" ").length == 5), lines.toString());
    }

    /** CVAT's docs, "Track support": a file whose boxes have a track id or none. */
    @Test
    void cvatDocsExampleOfMixedLinesReadsAsDetectionWithOneTrack() throws IOException {
        Path in = tmp.resolve("in");
        Files.createDirectories(in.resolve("images/train"));
        Files.createDirectories(in.resolve("labels/train"));
        Files.writeString(in.resolve("data.yaml"), "path: .\ntrain: images/train\nnames:\n  0: a\n  1: car\n  2: bus\n");
        Files.write(in.resolve("images/train/1.png"), ImageBytes.pngHeader(100, 50));
        Files.writeString(in.resolve("labels/train/1.txt"), "1 0.3 0.8 0.1 0.3 1\n2 0.7 0.2 0.3 0.1\n");

        Converted read = Datasets.convert(in, ConversionRequest.AUTO, "ultralytics_detection_track",
                tmp.resolve("out"), ConversionOptions.DEFAULTS);

        assertEquals("ultralytics_detection", read.result().toMap().get("from"));
        List<Annotation> boxes = read.output().item("train", "1").annotations();
        assertEquals(1L, boxes.get(0).info().track().id());
        assertEquals(25, ((Bbox) boxes.get(0)).x(), 1e-9);
        assertNull(boxes.get(1).info().track());
        assertEquals(List.of("1 0.3 0.8 0.1 0.3 1", "2 0.7 0.2 0.3 0.1"),
                Files.readAllLines(tmp.resolve("out/labels/train/1.txt")));
    }

    @Test
    void plainDetectionDropsTrackIdsAndSaysSo() throws IOException {
        Path track = tmp.resolve("track");
        Converter.convert(new ConversionRequest(Corpus.path("cvat_video_1.1/cvat_docs_interpolation_example"),
                ConversionRequest.AUTO, "ultralytics_detection_track", SHAPES_TO_BOXES, track));

        Converted plain = Datasets.convert(track, ConversionRequest.AUTO, "ultralytics_detection",
                tmp.resolve("plain"), ConversionOptions.DEFAULTS);

        assertTrue(plain.count("track data (track id, keyframe, outside) not kept") > 0,
                plain.report().toMap().toString());
        assertTrue(Files.readAllLines(tmp.resolve("plain/labels/train/frame_000000.txt")).stream()
                .allMatch(line -> line.split(" ").length == 5));
        Loaded d = plain.output();
        assertTrue(d.items().stream().flatMap(i -> i.annotations().stream()).allMatch(a -> a.info().track() == null));
    }
}

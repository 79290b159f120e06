package org.labelbridge.format.mot;

import org.labelbridge.testing.RecordedProblems;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.archive.DirectorySource;
import org.labelbridge.model.AnnotationInfo;
import org.labelbridge.model.AttributeDef;
import org.labelbridge.model.Bbox;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;
import org.labelbridge.model.Label;
import org.labelbridge.model.Media;
import org.labelbridge.model.Polygon;
import org.labelbridge.model.Track;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.Datasets;

/** What the MOT writer puts in gt.txt and labels.txt, what it reports, and that it reads back. */
class MotWriterTest {

    private static final MotFormat FORMAT = new MotFormat();
    private static final Categories LABELS = Categories.ofNames(List.of("person", "car"));

    @Test
    void corpusSequenceReadsBackTheSame(@TempDir Path dir) throws IOException {
        DirectorySource source = Corpus.source("mot_1.1/mot_seq");
        Datasets.Loaded original = Datasets.read(FORMAT, source);
        RecordedProblems problems = new RecordedProblems();

        Datasets.write(FORMAT, original, dir, source, problems);

        assertEquals(List.of(), problems.lines);
        assertEquals(List.of("1,-1,0,4,4,8,1,3,1"), Files.readAllLines(dir.resolve("gt/gt.txt")));
        assertEquals(Files.readString(source.directory().resolve("gt/labels.txt")),
                Files.readString(dir.resolve("gt/labels.txt")));
        assertArrayEquals(Files.readAllBytes(source.directory().resolve("img1/000001.jpg")),
                Files.readAllBytes(dir.resolve("img1/000001.jpg")));
        Datasets.Loaded read = Datasets.read(FORMAT, DirectorySource.of(dir));
        assertEquals(original, read);
    }

    @Test
    void writesARowPerVisibleBoxNumberedFromOne(@TempDir Path dir) throws IOException {
        Map<String, Object> hidden = new LinkedHashMap<>();
        hidden.put("occluded", true);
        hidden.put("ignored", true);
        Datasets.Loaded dataset = new Datasets.Loaded(LABELS, List.of(
                frame(0, new Bbox(new AnnotationInfo(1, 0, 0, 0, Map.of(), new Track(0, true, false)), 1.5, 2, 3, 4),
                        new Bbox(new AnnotationInfo(null, 0, 0, 0, hidden, null), 0, 0, 10, 10)),
                frame(1, new Bbox(new AnnotationInfo(0, 0, 0, 0, Map.of("visibility", 0.25),
                        new Track(4, true, false)), 7, 8, 9, 10))));

        Datasets.write(FORMAT, dataset, dir, null, new RecordedProblems());

        assertEquals(List.of(
                "1,1,1.5,2,3,4,1,2,1",
                "1,-1,0,0,10,10,0,-1,0",
                "2,5,7,8,9,10,1,1,0.25"), Files.readAllLines(dir.resolve("gt/gt.txt")));
        assertEquals("person\ncar", Files.readString(dir.resolve("gt/labels.txt")));
        Datasets.Loaded read = Datasets.read(FORMAT, DirectorySource.of(dir));
        assertEquals(List.of(
                new Bbox(new AnnotationInfo(1, 0, 0, 0, MotReaderTest.attributes(false, 1.0, false),
                        new Track(0, true, false)), 1.5, 2, 3, 4),
                new Bbox(new AnnotationInfo(null, 0, 0, 0, MotReaderTest.attributes(true, 0.0, true), null),
                        0, 0, 10, 10)), read.item("000001").annotations());
        assertEquals(new Track(4, true, false), read.item("000002").annotations().get(0).info().track());
        assertEquals(1L, read.item("000002").frame());
    }

    @Test
    void framesFollowTheFrameAttributeElseANumericIdElseTheNextFreeNumber(@TempDir Path dir) throws IOException {
        Bbox box = new Bbox(AnnotationInfo.of(0), 0, 0, 1, 1);
        Datasets.Loaded dataset = new Datasets.Loaded(LABELS, List.of(
                new Item("a", "default", Media.NONE, List.of(box), Map.of("frame", 9L)),
                new Item("000004", "default", Media.NONE, List.of(box)),
                new Item("b", "default", Media.NONE, List.of(box)),
                new Item("c", "default", Media.NONE, List.of(box), Map.of("frame", 3L))));
        RecordedProblems problems = new RecordedProblems();

        Datasets.write(FORMAT, dataset, dir, null, problems);

        assertEquals(List.of("10", "4", "1", "2"), Files.readAllLines(dir.resolve("gt/gt.txt")).stream()
                .map(line -> line.substring(0, line.indexOf(','))).toList());
        assertEquals(List.of(
                "dataset: item ids are not kept: MOT names each frame by its number ('a' is written as 000010)",
                "item c: MOT frame 4 is taken; written as frame 2"), problems.lines);
    }

    @Test
    void whatMotCannotHoldIsReported(@TempDir Path dir) throws IOException {
        Categories categories = Categories.of(List.of(new Label("person", "", List.of(AttributeDef.named("pose")))));
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("occluded", true);
        attributes.put("visibility", 0.5);
        attributes.put("pose", "standing");
        Datasets.Loaded dataset = new Datasets.Loaded(categories, List.of(
                new Item("000001", "default", Media.NONE, List.of(
                        new Bbox(new AnnotationInfo(0, 0, 0, 0, attributes, new Track(2, false, false)), 0, 0, 1, 1),
                        new Bbox(AnnotationInfo.of(0), 0, 0, 1, 1, 45),
                        new Polygon(AnnotationInfo.of(0), new double[] {0, 0, 1, 0, 1, 1})),
                        Map.of("frame", 0L, "id", 3L)),
                new Item("000002", "default", Media.NONE, List.of(), Map.of("frame", 1L))));
        RecordedProblems problems = new RecordedProblems();

        Datasets.write(FORMAT, dataset, dir, null, problems);

        assertEquals(List.of(
                "dataset: label 'person' loses its attribute declarations: gt/labels.txt holds label names only",
                "item 000001: item attributes [id] not kept: MOT keeps only the frame number",
                "changed 000001 bbox: keyframe=false is not kept: every MOT box reads back as a keyframe",
                "changed 000001 bbox: attributes [pose] not kept: MOT holds visibility, ignored and occluded",
                "changed 000001 bbox: occluded=true is not kept with visibility 0.5: MOT keeps the visibility, and a "
                        + "box reads back occluded only at visibility 0",
                "dropped 000001 bbox: rotated: MOT boxes are axis-aligned",
                "dropped 000001 polygon: MOT 1.1 holds only boxes",
                "dropped item 000002: no box and no image: nothing in a MOT sequence brings this frame back"), problems.lines);
        assertEquals(List.of("1,3,0,0,1,1,1,1,0.5"), Files.readAllLines(dir.resolve("gt/gt.txt")));
    }

    private static Item frame(long frame, Bbox... boxes) {
        return new Item(MotLayout.frameName(frame + 1), "default", Media.NONE, List.of(boxes), Map.of("frame", frame));
    }
}

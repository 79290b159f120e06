package org.labelbridge.format.mot;

import org.labelbridge.testing.RecordedProblems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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
import org.labelbridge.model.Bbox;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;
import org.labelbridge.model.Media;
import org.labelbridge.model.Track;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.Datasets;

/** MOT sequences in, the datasets they are: frames as items, rows as boxes of tracks. */
class MotReaderTest {

    private static final MotFormat FORMAT = new MotFormat();

    /** MANIFEST mot_1.1/mot_seq: item 000001, bbox label_2 [0,4,4,8] {occluded:false, visibility:1.0, ignored:false}. */
    @Test
    void corpusSequenceIsOneFrameWithABoxWithoutTrack() throws IOException {
        RecordedProblems problems = new RecordedProblems();
        Datasets.Loaded dataset = Datasets.read(FORMAT, Corpus.source("mot_1.1/mot_seq"), problems);

        assertEquals(Categories.ofNames(List.of("label_0", "label_1", "label_2", "label_3", "label_4", "label_5",
                "label_6", "label_7", "label_8", "label_9")), dataset.categories());
        assertEquals(List.of(new Item("000001", "default", new Media("img1/000001.jpg", 16, 16), List.of(
                        new Bbox(new AnnotationInfo(2, 0, 0, 0, attributes(false, 1.0, false), null), 0, 4, 4, 8)),
                        Map.of("frame", 0L))),
                dataset.items());
        Bbox box = (Bbox) dataset.items().get(0).annotations().get(0);
        assertEquals(Double.class, box.attributes().get("visibility").getClass(), "visibility is a Double");
        assertNull(box.info().track(), "track id -1: a box without a track");
        assertEquals(List.of(), problems.lines);
    }

    @Test
    void rowsInTrackOrderAreGivenOutFrameByFrame(@TempDir Path dir) throws IOException {
        write(dir, "gt/labels.txt", "person\ncar\n");
        write(dir, "gt/gt.txt", String.join("\n",
                "1,1,10,20,30,40,1,1,0.5",
                "2,1,11,20,30,40,1,1,1",
                "3,1,12,20,30,40,0,1,0",
                "2,2,50.5,60,5,5,1,2,0.25",
                "",
                "1,7,0,0,1,1,1,-1,1,extra,values",
                "4,-1,1,1,2,2,1,2",
                "4,0,1,1,2,2"));

        Datasets.Loaded dataset = Datasets.read(FORMAT, DirectorySource.of(dir));

        assertEquals(List.of("default/000001", "default/000002", "default/000003", "default/000004"), dataset.ids());
        assertEquals(List.of(
                new Bbox(new AnnotationInfo(0, 0, 0, 0, attributes(false, 0.5, false), new Track(0, true, false)),
                        10, 20, 30, 40),
                new Bbox(new AnnotationInfo(null, 0, 0, 0, attributes(false, 1.0, false), new Track(6, true, false)),
                        0, 0, 1, 1)), dataset.item("000001").annotations(), "MOT track t is the model's t - 1");
        assertEquals(List.of(
                new Bbox(new AnnotationInfo(0, 0, 0, 0, attributes(false, 1.0, false), new Track(0, true, false)),
                        11, 20, 30, 40),
                new Bbox(new AnnotationInfo(1, 0, 0, 0, attributes(false, 0.25, false), new Track(1, true, false)),
                        50.5, 60, 5, 5)), dataset.item("000002").annotations());
        assertEquals(List.of(new Bbox(new AnnotationInfo(0, 0, 0, 0, attributes(true, 0.0, true),
                new Track(0, true, false)), 12, 20, 30, 40)), dataset.item("000003").annotations(),
                "visibility 0 is occluded, \"not ignored\" 0 is ignored");
        assertEquals(List.of(
                new Bbox(new AnnotationInfo(1, 0, 0, 0, attributes(false, 1.0, false), null), 1, 1, 2, 2),
                new Bbox(new AnnotationInfo(null, 0, 0, 0, attributes(false, 1.0, false), null), 1, 1, 2, 2)),
                dataset.item("000004").annotations(), "without visibility, flag or class: visible, kept, unlabelled");
        assertEquals(3L, dataset.item("000004").frame(), "the model counts frames from 0, as CVAT");
        assertEquals(Media.NONE, dataset.item("000004").media());
    }

    @Test
    void framesComeFromTheImagesToo(@TempDir Path dir) throws IOException {
        write(dir, "gt/labels.txt", "person");
        write(dir, "gt/gt.txt", "2,1,1,1,2,2,1,1,1\n");
        Path jpg = Corpus.path("mot_1.1/mot_seq/img1/000001.jpg");
        Files.createDirectories(dir.resolve("img1"));
        Files.copy(jpg, dir.resolve("img1/000001.jpg"));
        Files.copy(jpg, dir.resolve("img1/000003.jpg"));
        Files.copy(jpg, dir.resolve("img1/cover.jpg"));
        RecordedProblems problems = new RecordedProblems();

        Datasets.Loaded dataset = Datasets.read(FORMAT, DirectorySource.of(dir), problems);

        assertEquals(List.of("default/000001", "default/000002", "default/000003", "default/cover"), dataset.ids());
        assertEquals(new Media("img1/000003.jpg", 16, 16), dataset.item("000003").media(), "sized by its header");
        assertEquals(List.of(), dataset.item("000003").annotations());
        assertEquals(Map.of(), dataset.item("cover").attributes());
        assertEquals(List.of("item cover: the image img1/cover.jpg is not named by a frame number: an item without a "
                + "frame"), problems.lines);
    }

    @Test
    void seqinfoGivesTheFramesTheirSizeAndNumber(@TempDir Path dir) throws IOException {
        write(dir, "gt/gt.txt", "2,3,1,1,2,2,1,3,1\n");
        write(dir, "seqinfo.ini", "[Sequence]\nname=MOT16-02\nimDir=frames\nframeRate=30\nseqLength=3\n"
                + "imWidth=1920\nimHeight=1080\nimExt=.jpg\n");
        Files.createDirectories(dir.resolve("frames"));
        Files.copy(Corpus.path("mot_1.1/mot_seq/img1/000001.jpg"), dir.resolve("frames/000002.jpg"));
        RecordedProblems problems = new RecordedProblems();

        Datasets.Loaded dataset = Datasets.read(FORMAT, DirectorySource.of(dir), problems);

        assertEquals(List.of("default/000001", "default/000002", "default/000003"), dataset.ids());
        assertEquals(new Media("frames/000002.jpg", 1920, 1080), dataset.item("000002").media());
        assertEquals(new Media(null, 1920, 1080), dataset.item("000003").media());
        assertEquals("car", dataset.labelOf(dataset.item("000002").annotations().get(0)),
                "without labels.txt, MOT's classes: 3 is car");
        assertEquals(List.of("dataset: no gt/labels.txt: the labels are MOT's classes " + MotLayout.DEFAULT_LABELS),
                problems.lines);
    }

    static Map<String, Object> attributes(boolean occluded, double visibility, boolean ignored) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("occluded", occluded);
        attributes.put("visibility", visibility);
        attributes.put("ignored", ignored);
        return attributes;
    }

    static void write(Path dir, String path, String text) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}

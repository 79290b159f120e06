package org.labelbridge.format.labelme;

import org.labelbridge.testing.RecordedProblems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.archive.DirectorySource;
import org.labelbridge.format.voc.VocFormat;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.Bbox;
import org.labelbridge.model.Item;
import org.labelbridge.model.Mask;
import org.labelbridge.model.Media;
import org.labelbridge.model.Rle;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.Datasets;
import org.labelbridge.testing.Datasets.Loaded;

/** LabelMe and VOC both hold boxes and masks: conversions between them, checked on content. */
class LabelMeAndVocTest {

    private final LabelMeFormat labelMe = new LabelMeFormat();
    private final VocFormat voc = new VocFormat();

    @TempDir
    Path dir;

    /** The LabelMe sample as VOC: the box stays a box, masks stay masks, polygons become masks. */
    @Test
    void labelMeToVoc() throws IOException {
        DirectorySource source = Corpus.source(LabelMeCorpusTest.SAMPLE);
        Loaded original = Datasets.read(labelMe, source);
        Datasets.write(voc, original, dir, source, new RecordedProblems());
        Loaded converted = Datasets.read(voc, DirectorySource.of(dir));

        Item item = converted.item("example_folder/img1");
        List<Bbox> boxes = item.annotations().stream().filter(a -> a instanceof Bbox).map(a -> (Bbox) a).toList();
        assertEquals(1, boxes.size());
        assertEquals("b1", converted.labelOf(boxes.get(0)));
        assertEquals(List.of(13.0, 19.0, 10.0, 11.0), List.of(boxes.get(0).x(), boxes.get(0).y(), boxes.get(0).w(),
                boxes.get(0).h()));
        Map<String, Rle> masks = new HashMap<>();
        for (Annotation a : item.annotations()) {
            if (a instanceof Mask m) {
                masks.put(converted.labelOf(m), m.rle());
            }
        }
        assertEquals(List.of("hg", "license plate", "m1", "o1", "q1", "window"), masks.keySet().stream().sorted().toList());
        Mask plate = (Mask) original.items().get(0).annotations().get(1);
        assertEquals(plate.rle(), masks.get("license plate"), "a mask nothing covers comes back pixel for pixel");
        assertEquals(LabelMeCorpusTest.mask(34, 43, "11", "11", "11"), masks.get("window"),
                "the window polygon [43,34 .. 45,37] covers pixels 43-44 x 34-36");
        assertEquals(new Media("JPEGImages/example_folder/img1.png", 102, 77), item.media());
    }

    /** voc_dataset1 as LabelMe: boxes and the bicycle mask, grouped as VOC grouped them. */
    @Test
    void vocToLabelMe() throws IOException {
        DirectorySource source = Corpus.source("pascal_voc_1.1/voc_dataset1");
        Loaded original = Datasets.read(voc, source);
        RecordedProblems problems = new RecordedProblems();
        Datasets.write(labelMe, original, dir, source, problems);
        Loaded converted = Datasets.read(labelMe, DirectorySource.of(dir));

        assertEquals(List.of("test/2007_000002", "train/2007_000001"), converted.ids());
        Item item = converted.item("2007_000001");
        assertEquals(List.of("cat", "person", "head", "bicycle"), item.annotations().stream().map(converted::labelOf).toList());
        Bbox cat = (Bbox) item.annotations().get(0);
        Bbox head = (Bbox) item.annotations().get(2);
        assertEquals(List.of(1.0, 2.0, 2.0, 2.0), List.of(cat.x(), cat.y(), cat.w(), cat.h()));
        assertEquals(List.of(5.5, 6.0, 2.0, 2.0), List.of(head.x(), head.y(), head.w(), head.h()));
        Mask bicycle = (Mask) item.annotations().get(3);
        assertEquals(new Rle(10, 20, new int[] {0, 200}), bicycle.rle());
        assertEquals(List.of(2, 1, 1, 2), item.annotations().stream().map(a -> a.info().group()).toList(),
                "cat with the bicycle mask, person with its head; numbered from the last parent down");
        assertEquals(true, cat.attributes().get("truncated"), "VOC flags travel as attributes");
        assertEquals("Unspecified", cat.attributes().get("pose"));
        assertTrue(problems.any("dropped 2007_000001 tag"), problems.toString());
    }
}

package org.labelbridge.format.labelstudio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.labelbridge.archive.DirectorySource;
import org.labelbridge.convert.ConversionOptions;
import org.labelbridge.convert.ConversionRequest;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.Bbox;
import org.labelbridge.model.Caption;
import org.labelbridge.model.Item;
import org.labelbridge.model.Mask;
import org.labelbridge.model.Points;
import org.labelbridge.model.Polygon;
import org.labelbridge.model.Tag;
import org.labelbridge.testing.Canonical;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.Datasets;
import org.labelbridge.testing.Datasets.Converted;
import org.labelbridge.testing.Datasets.Loaded;

/** Label Studio through the pipeline: round trips, and to and from COCO, checked on content. */
class LabelStudioConversionTest {

    private static final double EPS = 1e-6;

    @TempDir
    Path tmp;

    private Converted convert(Path input, String to, String name) throws IOException {
        return Datasets.convert(input, ConversionRequest.AUTO, to, tmp.resolve(name), ConversionOptions.DEFAULTS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sdk_export_coco", "sdk_export_yolo", "sdk_export_yolo_obb", "sdk_export_yolo_polygons",
        "sdk_export_yolo_keypoints", "sdk_export_json_min", "sdk_export_doclang_textarea"})
    void corpusSampleSurvivesARoundTrip(String sample) throws IOException {
        Loaded original = Datasets.read(new LabelStudioFormat(), Corpus.source("label_studio_json/" + sample));

        Converted once = convert(Corpus.path("label_studio_json/" + sample), "label_studio", "once");
        Converted twice = convert(tmp.resolve("once"), "label_studio", "twice");

        assertEquals(Canonical.of(original), Canonical.of(once.output()));
        assertEquals(Canonical.of(original), Canonical.of(twice.output()));
        assertEquals(0, twice.report().droppedAnnotations(), twice.report().toMap().toString());
    }

    @Test
    void documentedExportReadsWithItsImagesFoundByFileName() throws IOException {
        Converted c = convert(DocumentedExport.write(tmp.resolve("in")), "label_studio", "out");

        Loaded d = c.output();
        // each item is named by the archive entry its image reference found
        assertEquals(List.of("photos/cat", "photos/dog", "photos/bird", "photos/fish"), d.items().stream()
                .map(Item::id).toList());
        assertEquals(List.of("images/photos/cat.png", "images/photos/dog.png", "images/photos/bird.png",
                "images/photos/fish.png"), d.items().stream().map(i -> i.media().path()).toList());
        assertTrue(Files.exists(tmp.resolve("out/images/photos/dog.png")));
        assertEquals(4, c.count("(same file name)"), c.report().toMap().toString());
        assertEquals(1, c.count("a cancelled (skipped) annotation is not kept"));

        Item cat = d.item("photos/cat");
        assertEquals(Map.of("id", 1L, "source", "camera 2"), cat.attributes());
        Bbox box = (Bbox) cat.annotations().get(0);
        // 60x40 px at (20, 20) turned 90 degrees around that corner: its centre is (0, 50)
        assertArrayEquals(new double[] {-30, 30, 60, 40, 90}, new double[] {box.x(), box.y(), box.w(), box.h(),
                box.rotation()}, EPS);
        assertEquals(Map.of("annotator", 7L, "breed", "tabby", "age", 4L), box.attributes());
        Tag indoor = assertInstanceOf(Tag.class, cat.annotations().get(1));
        assertEquals("Indoor", d.labelOf(indoor));
        Polygon outline = (Polygon) cat.annotations().get(2);
        assertEquals(8L, outline.attributes().get("annotator"));
        assertArrayEquals(new double[] {20, 10, 100, 10, 100, 50}, outline.points(), EPS);
        Bbox predicted = (Bbox) cat.annotations().get(3);
        assertEquals(Map.of("model_version", "yolo-v8", "score", 0.75), predicted.attributes());

        Mask mask = (Mask) d.item("photos/dog").annotations().get(0);
        assertEquals(DocumentedExport.MASK, mask.rle());
        assertEquals("Dog", d.labelOf(mask));

        List<Annotation> bird = d.item("photos/bird").annotations();
        assertArrayEquals(new double[] {160, 240}, ((Points) bird.get(0)).points(), EPS);
        assertEquals("a bird on a branch", ((Caption) bird.get(1)).text());
        assertEquals(List.of(), d.item("photos/fish").annotations());
        assertEquals(50, d.item("photos/fish").media().width()); // from the image, no result gives it
    }

    @Test
    void documentedExportToCocoAndBack() throws IOException {
        Converted coco = convert(DocumentedExport.write(tmp.resolve("in")), "coco", "coco");

        Item cat = coco.output().item("photos/cat");
        Polygon outline = cat.annotations().stream().filter(Polygon.class::isInstance).map(Polygon.class::cast)
                .findFirst().orElseThrow();
        assertArrayEquals(new double[] {20, 10, 100, 10, 100, 50}, outline.points(), EPS);
        Bbox predicted = cat.annotations().stream().filter(a -> a instanceof Bbox b && b.rotation() == 0)
                .map(Bbox.class::cast).findFirst().orElseThrow();
        assertArrayEquals(new double[] {100, 50, 20, 10}, new double[] {predicted.x(), predicted.y(), predicted.w(),
                predicted.h()}, EPS);
        assertEquals(0.75, predicted.attributes().get("score"));
        Mask mask = (Mask) coco.output().item("photos/dog").annotations().get(0);
        assertEquals(DocumentedExport.MASK, mask.rle());
        assertEquals(1, coco.count("caption"), coco.report().toMap().toString()); // COCO instances hold no captions

        Converted back = convert(tmp.resolve("coco"), "label_studio", "back");
        Item again = back.output().item("photos/cat");
        Polygon outlineAgain = again.annotations().stream().filter(Polygon.class::isInstance)
                .map(Polygon.class::cast).findFirst().orElseThrow();
        assertArrayEquals(outline.points(), outlineAgain.points(), EPS);
        assertEquals(DocumentedExport.MASK, ((Mask) back.output().item("photos/dog").annotations().get(0)).rle());
    }

    @Test
    void cocoInstancesToLabelStudioAndBackToCoco() throws IOException {
        Converted ls = convert(Corpus.path("coco_1.0/coco_instances"), "label_studio", "ls");

        // MANIFEST: a (train, 10x5): bbox b [2,2,3,1]; b (val, 5x10): polygon a [0,0,1,0,1,2,0,2] {x:1, y:'hello'},
        // mask b rows [1,1,0,0,0]x10
        Item a = ls.output().item("a");
        assertEquals(10, a.media().width());
        Bbox box = (Bbox) a.annotations().get(0);
        assertEquals("b", ls.output().labelOf(box));
        assertArrayEquals(new double[] {2, 2, 3, 1}, new double[] {box.x(), box.y(), box.w(), box.h()}, EPS);
        Item b = ls.output().item("b");
        Polygon polygon = (Polygon) b.annotations().get(0);
        assertArrayEquals(new double[] {0, 0, 1, 0, 1, 2, 0, 2}, polygon.points(), EPS);
        assertEquals(1L, polygon.attributes().get("x"));
        assertEquals("hello", polygon.attributes().get("y"));
        Mask mask = (Mask) b.annotations().get(1);
        assertEquals(20, mask.rle().area());
        assertArrayEquals(new double[] {0, 0, 2, 10}, mask.rle().bbox(), EPS);
        assertTrue(ls.count("merged into 'default'") >= 2, ls.report().toMap().toString());

        Converted coco = convert(tmp.resolve("ls"), "coco", "coco");
        Polygon again = (Polygon) coco.output().item("b").annotations().stream().filter(Polygon.class::isInstance)
                .findFirst().orElseThrow();
        assertArrayEquals(polygon.points(), again.points(), EPS);
        assertEquals(20, coco.output().item("b").annotations().stream().filter(Mask.class::isInstance)
                .map(m -> ((Mask) m).rle().area()).findFirst().orElseThrow());
    }

    @Test
    void writtenTasksReferToTheirImagesThroughLocalStorage() throws IOException {
        convert(DocumentedExport.write(tmp.resolve("in")), "label_studio", "out");

        String tasks = Files.readString(tmp.resolve("out/tasks.json"));
        assertTrue(tasks.contains("\"image\" : \"/data/local-files/?d=images/photos/cat.png\""), tasks);
        assertTrue(Files.exists(tmp.resolve("out/label_config.xml")));
        assertEquals(Datasets.read(new LabelStudioFormat(), DirectorySource.of(tmp.resolve("out"))).items().size(), 4);
    }
}

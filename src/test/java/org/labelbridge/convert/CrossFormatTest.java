package org.labelbridge.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.archive.InputArchive;
import org.labelbridge.format.Formats;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.AnnotationKind;
import org.labelbridge.model.Bbox;
import org.labelbridge.model.Item;
import org.labelbridge.model.Mask;
import org.labelbridge.model.Polygon;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.Datasets;

/** Conversions between formats through the whole pipeline, checked on content. */
class CrossFormatTest {

    @TempDir
    Path tmp;

    private ConversionResult convert(Path in, String from, String to, Path out, ConversionOptions options)
            throws IOException {
        return Converter.convert(new ConversionRequest(in, from, to, options, out));
    }

    private static Datasets.Loaded read(String format, Path path) throws IOException {
        try (InputArchive archive = InputArchive.open(path)) {
            return Datasets.read(Formats.require(format), archive.source());
        }
    }

    /** A COCO file of random boxes with fractional coordinates on images of varied sizes. */
    private Path randomCoco(int images, int boxes) throws IOException {
        Random random = new Random(42);
        StringBuilder json = new StringBuilder("{\"images\":[");
        int[][] sizes = new int[images][];
        for (int i = 0; i < images; i++) {
            sizes[i] = new int[] {50 + random.nextInt(4000), 50 + random.nextInt(3000)};
            json.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT,
                    "{\"id\":%d,\"file_name\":\"img%d.jpg\",\"width\":%d,\"height\":%d}", i + 1, i, sizes[i][0], sizes[i][1]));
        }
        json.append("],\"categories\":[{\"id\":1,\"name\":\"car\"},{\"id\":7,\"name\":\"person\"}],\"annotations\":[");
        for (int a = 0; a < boxes; a++) {
            int image = random.nextInt(images);
            double w = 1 + random.nextDouble() * (sizes[image][0] - 2), h = 1 + random.nextDouble() * (sizes[image][1] - 2);
            double x = random.nextDouble() * (sizes[image][0] - w), y = random.nextDouble() * (sizes[image][1] - h);
            json.append(a == 0 ? "" : ",").append(String.format(Locale.ROOT,
                    "{\"id\":%d,\"image_id\":%d,\"category_id\":%d,\"bbox\":[%s,%s,%s,%s],\"area\":%s,\"iscrowd\":0,\"segmentation\":[]}",
                    a + 1, image + 1, random.nextBoolean() ? 1 : 7, x, y, w, h, w * h));
        }
        json.append("]}");
        Path dir = Files.createDirectories(tmp.resolve("random/annotations"));
        Files.writeString(dir.resolve("instances_default.json"), json);
        return tmp.resolve("random");
    }

    @Test
    void cocoToYoloToCocoKeepsBoxesWithinAMillionth() throws IOException {
        Path coco = randomCoco(40, 400);
        convert(coco, "auto", "yolo", tmp.resolve("yolo.zip"), ConversionOptions.DEFAULTS);
        ConversionResult back = convert(tmp.resolve("yolo.zip"), "auto", "coco", tmp.resolve("coco.zip"),
                ConversionOptions.DEFAULTS);
        assertEquals("yolo", back.source().format().id());

        Datasets.Loaded original = read("coco", coco);
        Datasets.Loaded result = read("coco", tmp.resolve("coco.zip"));
        assertEquals(List.of("car", "person"), result.categories().labels().stream().map(l -> l.name()).toList());
        assertEquals(40, result.items().size());
        int compared = 0;
        for (Item before : original.items()) {
            Item after = result.item(before.id());
            assertEquals(before.media().width(), after.media().width(), before.id());
            assertEquals(before.media().height(), after.media().height(), before.id());
            assertEquals(before.annotations().size(), after.annotations().size(), before.id());
            for (int i = 0; i < before.annotations().size(); i++) {
                Bbox a = (Bbox) before.annotations().get(i), b = (Bbox) after.annotations().get(i);
                assertEquals(original.labelOf(a), result.labelOf(b));
                assertRelative(a.x(), b.x());
                assertRelative(a.y(), b.y());
                assertRelative(a.w(), b.w());
                assertRelative(a.h(), b.h());
                compared++;
            }
        }
        assertEquals(400, compared);
    }

    private static void assertRelative(double expected, double actual) {
        assertEquals(expected, actual, Math.max(1e-6 * Math.abs(expected), 1e-9), "relative error over 1e-6");
    }

    @Test
    void cocoToYoloReportsWhatItDropsAndKeepsShapesAsBoxesWhenAsked() throws IOException {
        Path sample = Corpus.path("coco_1.0/coco_instances");
        ConversionReport dropped = convert(sample, "coco", "yolo", tmp.resolve("plain.zip"), ConversionOptions.DEFAULTS).report();
        assertEquals(Map.of(AnnotationKind.BBOX, 1L, AnnotationKind.POLYGON, 1L, AnnotationKind.MASK, 1L), dropped.annotationsIn());
        assertEquals(Map.of(AnnotationKind.BBOX, 1L), dropped.annotationsOut());
        assertTrue(dropped.entries().stream().anyMatch(e -> e.action().equals("dropped") && e.kind().equals("polygon")
                && e.reason().contains("shapes_to_boxes") && e.examples().equals(List.of("b"))), dropped.entries().toString());

        ConversionReport boxed = convert(sample, "coco", "yolo", tmp.resolve("boxed.zip"),
                ConversionOptions.DEFAULTS.with("shapes_to_boxes", true)).report();
        assertEquals(Map.of(AnnotationKind.BBOX, 3L), boxed.annotationsOut());
        Datasets.Loaded yolo = read("yolo", tmp.resolve("boxed.zip"));
        Item b = yolo.item("val", "b");
        // polygon a [0,0,1,0,1,2,0,2] -> [0,0,1,2]; crowd mask b = columns 0-1 of 5x10 -> [0,0,2,10]
        List<String> boxes = new ArrayList<>();
        for (Annotation a : b.annotations()) {
            Bbox box = (Bbox) a;
            boxes.add(yolo.labelOf(a) + " " + box.x() + " " + box.y() + " " + box.w() + " " + box.h());
        }
        assertEquals(List.of("a 0.0 0.0 1.0 2.0", "b 0.0 0.0 2.0 10.0"), boxes);
    }

    @Test
    void vocToYoloGivesTheBoxesDatumaroExpects() throws IOException {
        convert(Corpus.path("pascal_voc_1.1/voc_dataset1"), "voc", "yolo", tmp.resolve("voc.zip"), ConversionOptions.DEFAULTS);
        Datasets.Loaded yolo = read("yolo", tmp.resolve("voc.zip"));
        Item first = yolo.item("2007_000001");
        List<String> boxes = first.annotations().stream().map(a -> {
            Bbox box = (Bbox) a;
            return yolo.labelOf(a) + " [" + box.x() + ", " + box.y() + ", " + box.w() + ", " + box.h() + "]";
        }).toList();
        assertEquals(List.of("cat [1.0, 2.0, 2.0, 2.0]", "person [4.0, 5.0, 2.0, 2.0]", "head [5.5, 6.0, 2.0, 2.0]"), boxes);
        assertEquals(List.of(), yolo.item("2007_000002").annotations());
    }

    @Test
    void cvatThroughDatumaroComesBackUnchanged() throws IOException {
        Path cvat = Corpus.path("cvat_images_1.1/ovd_export_project");
        ConversionResult toDatumaro = convert(cvat, "cvat_images", "datumaro", tmp.resolve("dm.zip"), ConversionOptions.DEFAULTS);
        assertTrue(toDatumaro.report().entries().stream().noneMatch(e -> e.action().equals("dropped")),
                toDatumaro.report().entries().toString());
        convert(tmp.resolve("dm.zip"), "datumaro", "cvat_images", tmp.resolve("cvat.zip"), ConversionOptions.DEFAULTS);

        // Datumaro keeps attribute names only: their types and allowed values are lost, and said so.
        assertTrue(toDatumaro.report().entries().stream().anyMatch(e -> e.action().equals("dataset")
                && e.reason().contains("4 attribute definition(s) are not written")), toDatumaro.report().entries().toString());
        Datasets.Loaded original = read("cvat_images", cvat);
        Datasets.Loaded result = read("cvat_images", tmp.resolve("cvat.zip"));
        assertEquals(original.categories().labels().stream().map(l -> l.name()).toList(),
                result.categories().labels().stream().map(l -> l.name()).toList());
        assertEquals(original.ids(), result.ids());
        for (Item before : original.items()) {
            Item after = result.item(before.subset(), before.id());
            assertEquals(before.annotations(), after.annotations(), before.subset() + "/" + before.id());
            assertEquals(before.media().width(), after.media().width());
        }
    }

    @Test
    void cocoMasksAndPolygonsSurviveCvat() throws IOException {
        Path sample = Corpus.path("coco_1.0/coco_instances");
        convert(sample, "coco", "cvat_images", tmp.resolve("cvat.zip"), ConversionOptions.DEFAULTS);
        convert(tmp.resolve("cvat.zip"), "cvat_images", "coco", tmp.resolve("coco.zip"), ConversionOptions.DEFAULTS);
        Datasets.Loaded original = read("coco", sample);
        Datasets.Loaded result = read("coco", tmp.resolve("coco.zip"));
        Item before = original.item("val", "b"), after = result.item("val", "b");
        Polygon p0 = (Polygon) before.annotations().get(0), p1 = (Polygon) after.annotations().get(0);
        assertEquals(List.of(0.0, 0.0, 1.0, 0.0, 1.0, 2.0, 0.0, 2.0), toList(p1.points()));
        assertEquals(toList(p0.points()), toList(p1.points()));
        assertEquals(Map.of("x", 1L, "y", "hello").entrySet().stream().map(Object::toString).sorted().toList(),
                p1.attributes().entrySet().stream().filter(e -> !e.getKey().equals("occluded")
                        && !e.getKey().equals("is_crowd")).map(Object::toString).sorted().toList());
        Mask m0 = (Mask) before.annotations().get(1), m1 = (Mask) after.annotations().get(1);
        assertEquals(m0.rle(), m1.rle());
        assertEquals("b", result.labelOf(m1));
    }

    private static List<Double> toList(double[] values) {
        List<Double> list = new ArrayList<>();
        for (double v : values) {
            list.add(v);
        }
        return list;
    }
}

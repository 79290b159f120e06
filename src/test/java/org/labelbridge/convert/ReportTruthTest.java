package org.labelbridge.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.format.FormatException;
import org.labelbridge.model.AnnotationKind;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.Datasets;

/**
 * The report says what the output holds, however the input goes wrong: one test per defect of
 * issue 11 that made it lie, each through the whole pipeline.
 */
class ReportTruthTest {

    @TempDir
    Path tmp;

    private static final ConversionOptions SKIP = ConversionOptions.fromMap(Map.of("on_problem", "skip"));

    @Test
    void shapesOutsideTheirTrackAreNotWrittenAsVisibleBoxes() throws IOException {
        Datasets.Converted yolo = Datasets.convert(Corpus.path("cvat_video_1.1/ovd_for_video"), "auto", "yolo",
                tmp.resolve("yolo"), ConversionOptions.DEFAULTS);

        // frame 10: the visible box; 13: the box and the points are outside (the polyline YOLO cannot
        // hold); 16: everything is outside.
        assertEquals(List.of(), yolo.output().item("frame_000013").annotations());
        assertEquals(List.of(), yolo.output().item("frame_000016").annotations());
        assertEquals("", Files.readString(tmp.resolve("yolo/obj_annotations_data/frame_000013.txt")));
        assertEquals("", Files.readString(tmp.resolve("yolo/obj_annotations_data/frame_000016.txt")));
        assertEquals(1, yolo.output().item("frame_000010").annotations().size());
        assertEquals(4, yolo.count("outside its track at this frame"), "two boxes, the points, the polyline");
        assertEquals(Map.of(AnnotationKind.BBOX, 1L), yolo.reportedOut());
    }

    @Test
    void aReaderDropIsCountedInNotTakenOffWhatWentOut() throws IOException {
        // Darknet YOLO whose second listed image is absent: its box has no size, so the reader drops it.
        Path set = copy("yolo_1.1/yolo", "yolo");
        Files.writeString(set.resolve("train.txt"), "data/obj_train_data/1.jpg\ndata/obj_train_data/2.jpg\n");
        Files.writeString(set.resolve("obj_train_data/2.txt"), "1 0.5 0.5 0.2 0.2\n");

        Datasets.Converted coco = Datasets.convert(set, "yolo", "coco", tmp.resolve("coco"), ConversionOptions.DEFAULTS);

        ConversionReport report = coco.report();
        assertEquals(2, report.itemsIn());
        assertEquals(2, report.itemsOut());
        assertEquals(Map.of(AnnotationKind.BBOX, 3L), report.annotationsIn(), "the input held three boxes");
        assertEquals(Map.of(AnnotationKind.BBOX, 2L), report.annotationsOut());
        assertEquals(1, report.droppedAnnotations());
        assertEquals(2, coco.output().items().stream().mapToLong(i -> i.annotations().size()).sum());
    }

    @Test
    void undeclaredLabelsFollowOnProblemAndAreOneBoundedEntry() throws IOException {
        Path xml = tmp.resolve("annotations.xml");
        StringBuilder images = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            images.append("<image id=\"").append(i).append("\" name=\"f").append(i).append(".jpg\" width=\"100\""
                    + " height=\"80\"><box label=\"car\" occluded=\"0\" xtl=\"1\" ytl=\"2\" xbr=\"11\" ybr=\"12\"/>"
                    + "<box label=\"truck").append(i % 7).append("\" occluded=\"0\" xtl=\"3\" ytl=\"4\" xbr=\"13\""
                    + " ybr=\"14\"/></image>\n");
        }
        Files.writeString(xml, "<annotations><version>1.1</version><meta><task><labels><label><name>car</name>"
                + "</label></labels></task></meta>\n" + images + "</annotations>\n");

        FormatException failed = assertThrows(FormatException.class, () -> Converter.convert(new ConversionRequest(xml,
                "cvat_images", "coco", ConversionOptions.DEFAULTS, tmp.resolve("failed.zip"))));
        assertTrue(failed.getMessage().contains("item 'f0' (subset 'annotations'), an annotation (bbox): label 'truck0'"
                + " of the <box> at annotations.xml, line 2 is not declared in the <meta> labels (unknown_label)"),
                failed.getMessage());
        assertFalse(Files.exists(tmp.resolve("failed.zip")));

        Datasets.Converted coco = Datasets.convert(xml, "cvat_images", "coco", tmp.resolve("coco"), SKIP);

        ConversionReport report = coco.report();
        assertEquals(Map.of(AnnotationKind.BBOX, 4000L), report.annotationsIn());
        assertEquals(Map.of(AnnotationKind.BBOX, 2000L), report.annotationsOut(), "2,000 car boxes written");
        assertEquals(2000, coco.output().items().stream().mapToLong(i -> i.annotations().size()).sum());
        assertEquals(2000, report.problemCount());
        List<ConversionReport.Entry> skipped = report.entries().stream().filter(e -> e.action().equals("skipped"))
                .toList();
        assertEquals(1, skipped.size(), "one entry for 2,000 problems of seven labels: " + report.entries());
        ConversionReport.Entry entry = skipped.get(0);
        assertEquals(2000, entry.count());
        assertEquals(ConversionReport.EXAMPLES, entry.examples().size());
        int bytes = new ObjectMapper().writeValueAsBytes(coco.result().toMap()).length;
        assertTrue(bytes < 40_000, "report of " + bytes + " bytes for 2,000 problems");
    }

    @Test
    void reasonsThatDifferOnlyInTheirPlaceAreOneEntryAndTheEntriesAreBounded() {
        ConversionReport report = new ConversionReport();
        for (int i = 0; i < 5000; i++) {
            report.reading().dropped("item" + i, AnnotationKind.BBOX, "file a/" + i + ".txt, line " + i
                    + ": label '" + i + "' is odd");
            report.dataset("reason number " + i + " about 'x" + i + "'");
        }
        for (int i = 0; i < 500; i++) {
            report.changed("i", AnnotationKind.POLYGON, "reason kind " + Character.toString('a' + i % 26)
                    + Character.toString('a' + i / 26));
        }

        assertEquals(ConversionReport.MAX_ENTRIES + 1, report.entries().size(), "and one for further reasons");
        assertEquals(5000, report.entries().get(0).count());
        assertEquals(5000, report.entries().get(1).count());
        assertTrue(report.entries().get(ConversionReport.MAX_ENTRIES).reason().startsWith("further reasons"));
        long changed = report.entries().stream().filter(e -> e.action().equals("changed"))
                .mapToLong(ConversionReport.Entry::count).sum();
        assertEquals(500, changed, "reasons beyond the bound are counted in one further entry");
    }

    @Test
    void aFailedConversionIntoAFolderLeavesNothingAndARerunSucceeds() throws IOException {
        Path bad = copy("coco_1.0/coco_instances", "bad");
        Path json = bad.resolve("annotations/instances_train.json");
        Files.writeString(json, Files.readString(json).replace("3.0,", "-3.0,"));
        Path out = tmp.resolve("out");

        assertThrows(FormatException.class, () -> Converter.convert(new ConversionRequest(bad, "coco", "voc",
                ConversionOptions.DEFAULTS, out)));
        assertFalse(Files.exists(out), "no partial output");
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(List.of("bad"), left.map(p -> p.getFileName().toString()).toList(), "no work folder left");
        }

        ConversionResult rerun = Converter.convert(new ConversionRequest(bad, "coco", "voc", SKIP, out));
        assertEquals(2, rerun.report().itemsOut());
        assertTrue(Files.isDirectory(out.resolve("Annotations")));
    }

    @Test
    void itemsATargetCannotHoldAreDroppedItemsNotCountedOut() throws IOException {
        // Polygons only, no images: MOT holds boxes, and a frame with neither box nor image is gone.
        Datasets.Converted mot = Datasets.convert(Corpus.path("cvat_video_1.1/cvat_docs_interpolation_example"),
                "auto", "mot", tmp.resolve("mot"), ConversionOptions.DEFAULTS);

        assertEquals(mot.output().items().size(), mot.report().itemsOut());
        assertEquals(0, mot.report().itemsOut());
        assertEquals(mot.report().itemsIn(), mot.report().droppedItems());
    }

    private Path copy(String sample, String name) throws IOException {
        return Corpus.copy(sample, tmp.resolve(name));
    }
}

package org.labelbridge.format.scenes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.archive.InputArchive;
import org.labelbridge.convert.ConversionOptions;
import org.labelbridge.convert.ConversionReport;
import org.labelbridge.convert.ConversionRequest;
import org.labelbridge.convert.ConversionResult;
import org.labelbridge.convert.Converter;
import org.labelbridge.format.camvid.CamVidFormat;
import org.labelbridge.format.cityscapes.CityscapesFormat;
import org.labelbridge.format.kitti.KittiFormat;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.Item;
import org.labelbridge.model.Mask;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.Datasets;

/** Conversions between the driving-scene formats through the pipeline, checked on content. */
class CrossFormatTest {

    @TempDir
    Path dir;

    private ConversionResult convert(Path input, String to, Path zip) throws IOException {
        return Converter.convert(new ConversionRequest(input, ConversionRequest.AUTO, to, ConversionOptions.DEFAULTS, zip));
    }

    private static List<String> reasons(ConversionReport report) {
        return report.entries().stream().map(e -> e.action() + " " + e.kind() + " x" + e.count() + ": " + e.reason()).toList();
    }

    @Test
    void kittiSegmentationToCityscapesKeepsLabelsInstancesAndCrowds() throws IOException {
        Path zip = dir.resolve("cityscapes.zip");
        ConversionResult result = convert(Corpus.path("kitti_1.0/kitti_segmentation"), "cityscapes", zip);
        assertEquals("kitti", result.source().format().id());
        assertEquals(List.of(), reasons(result.report()));
        Datasets.Loaded kitti = Datasets.read(new KittiFormat(), Corpus.source("kitti_1.0/kitti_segmentation"));
        try (InputArchive archive = InputArchive.open(zip)) {
            Datasets.Loaded cityscapes = Datasets.read(new CityscapesFormat(), archive.source());
            assertEquals(kitti.categories().labels(), cityscapes.categories().labels());
            assertEquals(annotations(kitti), annotations(cityscapes));
            assertEquals("imgsFine/leftImg8bit/training/000030_10_leftImg8bit.png",
                    cityscapes.item("training", "000030_10").media().path());
        }
    }

    @Test
    void kittiBoxesToCamVidArePaintedAndReported() throws IOException {
        Path zip = dir.resolve("camvid.zip");
        ConversionResult result = convert(Corpus.path("kitti_1.0/kitti_detection"), "camvid", zip);
        assertEquals(List.of(
                "changed bbox x5: attributes not kept: CamVid 1.0 has no annotation attributes",
                "changed bbox x5: bbox rasterised to class masks",
                "changed item x2: 2 bbox, 0 mask written as 0 bbox, 2 mask: painted into one class mask, read back as"
                        + " one mask per label: CamVid masks have no instances",
                "changed bbox x2: merged with the other 'Van' shapes into one class mask: CamVid masks have no instances"),
                reasons(result.report()));
        try (InputArchive archive = InputArchive.open(zip)) {
            Datasets.Loaded camvid = Datasets.read(new CamVidFormat(), archive.source());
            assertEquals(List.of("background", "Truck", "Van"),
                    camvid.categories().labels().stream().map(l -> l.name()).toList());
            Item item = camvid.item("training", "000030_11");
            assertEquals(1, item.annotations().size());
            Mask van = (Mask) item.annotations().get(0);
            assertEquals("Van", camvid.labelOf(van));
            assertEquals(4 + 4 + 3, van.rle().area()); // the three boxes, 2x2, 2x2 and 1x3 pixels
        }
    }

    @Test
    void cityscapesToKittiAndBackKeepsTheTrainingClasses() throws IOException {
        Path kittiZip = dir.resolve("kitti.zip");
        ConversionResult there = convert(Corpus.path("cityscapes_1.0/train_dataset"), "kitti", kittiZip);
        assertTrue(reasons(there.report()).isEmpty() || reasons(there.report()).stream().allMatch(r -> r.startsWith("dataset")),
                reasons(there.report()).toString());
        Path back = dir.resolve("back.zip");
        convert(kittiZip, "cityscapes", back);
        Datasets.Loaded original = Datasets.read(new CityscapesFormat(), Corpus.source("cityscapes_1.0/train_dataset"));
        try (InputArchive archive = InputArchive.open(back)) {
            Datasets.Loaded again = Datasets.read(new CityscapesFormat(), archive.source());
            assertEquals(annotationsByName(original), annotationsByName(again));
        }
    }

    private static List<String> annotations(Datasets.Loaded dataset) {
        return dataset.items().stream().flatMap(i -> i.annotations().stream().map(a -> i.subset() + "/" + i.id() + " " + a))
                .sorted().toList();
    }

    private static List<String> annotationsByName(Datasets.Loaded dataset) {
        return dataset.items().stream().flatMap(i -> i.annotations().stream()
                .map(a -> i.subset() + "/" + i.id() + " " + dataset.labelOf(a) + " " + unlabelled(a))).sorted().toList();
    }

    private static Annotation unlabelled(Annotation a) {
        return a.withInfo(a.info().withLabel(null));
    }
}

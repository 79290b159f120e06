package org.labelbridge.format.imagenet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.convert.ConversionOptions;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.Datasets;
import org.labelbridge.testing.Datasets.Converted;

/**
 * The folder layout through the whole pipeline: an image of several labels is in each label's
 * folder (as CVAT writes it) and reads back, as CVAT's importer reads it, as one item per folder;
 * the report counts those items out.
 */
class ImageNetFolderConversionTest {

    @TempDir
    Path tmp;

    @Test
    void anImageOfTwoLabelsIsTwoItemsAndTheReportSaysSo() throws IOException {
        Converted converted = Datasets.convert(Corpus.path("coco_1.0/coco_labels"), "auto", "imagenet",
                tmp.resolve("out"), ConversionOptions.DEFAULTS);

        assertEquals(List.of("a/b", "b/a", "b/b"), converted.output().ids().stream()
                .map(id -> id.substring(id.indexOf('/') + 1)).sorted().toList());
        assertEquals(List.of("a"), labels(converted, "a/b"));
        assertEquals(List.of("b"), labels(converted, "b/b"));
        assertEquals(3, converted.report().itemsOut());
        assertEquals(1, converted.count("reads back as one item per folder"));
    }

    @Test
    void itemsOfOneIdInSeveralSubsetsAreAllWrittenUnderTheirOwnNames() throws IOException {
        Converted converted = Datasets.convert(Corpus.path("cvat_images_1.1/ovd_export_project"), "auto", "imagenet",
                tmp.resolve("out"), ConversionOptions.DEFAULTS);

        assertEquals(List.of("no_label/Train_img0", "no_label/Train_img1", "no_label/Validation_img0",
                "no_label/Validation_img1", "no_label/img0", "no_label/img1"), converted.output().ids().stream()
                .map(id -> id.substring(id.indexOf('/') + 1)).sorted().toList());
        assertEquals(6, converted.report().itemsOut());
        assertEquals(4, converted.count("is written as"), "each renamed item, as every flat folder says it");
    }

    private static List<String> labels(Converted converted, String id) {
        return converted.output().item(id).annotations().stream().map(converted.output()::labelOf).toList();
    }
}

package org.labelbridge.format.datumaro;

import org.labelbridge.testing.RecordedProblems;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.archive.DirectorySource;
import org.labelbridge.archive.InputArchive;
import org.labelbridge.archive.ZipOutput;
import org.labelbridge.format.DatasetWriter;
import org.labelbridge.model.AnnotationKind;
import org.labelbridge.model.Item;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.Datasets;

/** Export then import gives back exactly what went in: Datumaro is the lossless pivot. */
class DatumaroRoundTripTest {

    private final DatumaroFormat format = new DatumaroFormat();

    @Test
    void everyKindAndFeatureSurvivesExportAndImport(@TempDir Path dir) throws Exception {
        Datasets.Loaded original = EveryKindDataset.dataset();
        Set<AnnotationKind> kinds = original.items().stream().flatMap(i -> i.annotations().stream())
                .map(a -> a.kind()).collect(Collectors.toSet());
        assertEquals(Set.of(AnnotationKind.values()), kinds, "the fixture holds every kind");

        RecordedProblems problems = new RecordedProblems();
        Datasets.write(format, original, dir, null, problems);
        Datasets.Loaded back = Datasets.read(format, DirectorySource.of(dir));

        assertEquals(original.categories(), back.categories());
        assertEquals(sorted(original.items()), sorted(back.items()));
        // The only report: the rotated ellipse, which Datumaro holds as an attribute only.
        assertEquals(1, problems.lines.size(), problems.lines.toString());
        assertTrue(problems.any("changed a ellipse: Datumaro's ellipse is axis-aligned"), problems.lines.toString());
    }

    @Test
    void subsetsAreReadBackOneFileAfterAnother(@TempDir Path dir) throws Exception {
        Datasets.Loaded back = Datasets.roundTrip(format, EveryKindDataset.dataset(), dir, null);
        assertEquals(List.of("test/d", "train/a", "train/sub/b", "val/c"), back.ids());
    }

    @Test
    void skeletonSampleSurvivesWithItsImage(@TempDir Path dir) throws Exception {
        DirectorySource sample = Corpus.source("datumaro_1.0/cvd_with_skeleton");
        Datasets.Loaded original = Datasets.read(format, sample);

        Datasets.Loaded back = Datasets.roundTrip(format, original, dir, sample);

        assertEquals(original.categories(), back.categories());
        assertEquals(original.items(), back.items());
        assertArrayEquals(Files.readAllBytes(Corpus.path("datumaro_1.0/cvd_with_skeleton/images/default/100.jpg")),
                Files.readAllBytes(dir.resolve("images/default/100.jpg")));
    }

    @Test
    void pointCloudSampleKeepsWhatItCan(@TempDir Path dir) throws Exception {
        Datasets.Loaded original = Datasets.read(format, Corpus.source("datumaro_3d_1.0/cvd_with_pcd"));
        Datasets.Loaded back = Datasets.roundTrip(format, original, dir, null);
        assertEquals(original, back);
    }

    @Test
    void zipOutputHoldsTheSubsetFilesAndImages(@TempDir Path dir) throws Exception {
        DirectorySource sample = Corpus.source("datumaro_1.0/cvd_with_skeleton");
        Datasets.Loaded skeleton = Datasets.read(format, sample);
        Datasets.Loaded original = EveryKindDataset.dataset();
        List<Item> items = new java.util.ArrayList<>(original.items());
        items.add(skeleton.items().get(0).withSubset("val").withAnnotations(List.of()));
        Datasets.Loaded withImage = new Datasets.Loaded(original.categories(), items);

        Path zip = dir.resolve("out.zip");
        try (ZipOutput output = new ZipOutput(zip, sample, true)) {
            DatasetWriter writer = format.writer(output, new RecordedProblems());
            writer.begin(withImage.categories());
            for (Item item : withImage.items()) {
                writer.write(item);
            }
            writer.finish();
            output.finish();
            assertEquals(1, output.mediaCopied());
        }
        try (InputArchive archive = InputArchive.open(zip)) {
            assertTrue(archive.source().exists("images/val/100.jpg"));
            Datasets.Loaded back = Datasets.read(format, archive.source());
            assertEquals(withImage.categories(), back.categories());
            // The image now lives where the format puts it: images/<subset>/<id><ext>.
            List<Item> expected = new java.util.ArrayList<>(original.items());
            Item moved = items.get(items.size() - 1);
            expected.add(moved.withMedia(moved.media().withPath("images/val/100.jpg")));
            assertEquals(sorted(expected), sorted(back.items()));
        }
    }

    private static List<Item> sorted(List<Item> items) {
        return items.stream().sorted(Comparator.comparing((Item i) -> i.subset()).thenComparing(Item::id)).toList();
    }
}

package org.labelbridge.format.datumaro;

import org.labelbridge.testing.RecordedProblems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.archive.DirectorySource;
import org.labelbridge.archive.InputArchive;
import org.labelbridge.format.Detection;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.Datasets;

/** The detector takes Datumaro's own files and declines every other sample of the corpus. */
class DatumaroDetectorTest {

    private final DatumaroFormat format = new DatumaroFormat();

    @Test
    void detectsItsSamplesStrongly() throws IOException {
        assertEquals(Detection.STRONG, format.detect(Corpus.source("datumaro_1.0/cvd_with_skeleton")).confidence());
        assertEquals(Detection.STRONG, format.detect(Corpus.source("datumaro_3d_1.0/cvd_with_pcd")).confidence());
    }

    @Test
    void declinesCocoThoughItIsJsonUnderAnnotationsToo() throws IOException {
        for (String sample : List.of("coco_1.0/coco", "coco_1.0/coco_instances", "coco_1.0/coco_captions",
                "coco_1.0/coco_labels", "coco_1.0/coco_image_info", "coco_1.0/coco_stuff")) {
            assertEquals(Detection.NONE, format.detect(Corpus.source(sample)), sample);
        }
    }

    @Test
    void declinesEveryOtherSampleOfTheCorpus() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (Path sample : samples()) {
            String name = Corpus.ROOT.relativize(sample).toString().replace('\\', '/');
            if (name.startsWith("datumaro")) {
                continue;
            }
            if (format.detect(DirectorySource.of(sample)).matched()) {
                wrong.add(name);
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void detectsABareSubsetFileGivenAlone() throws IOException {
        Path file = Corpus.path("datumaro_1.0/cvd_with_skeleton/annotations/default.json");
        try (InputArchive archive = InputArchive.open(file)) {
            assertEquals(Detection.STRONG, format.detect(archive.source()).confidence());
        }
    }

    @Test
    void detectsWhatItWrites(@TempDir Path dir) throws IOException {
        Datasets.write(format, EveryKindDataset.dataset(), dir, null, new RecordedProblems());
        assertEquals(Detection.STRONG, format.detect(DirectorySource.of(dir)).confidence());
    }

    @Test
    void itemsBeyondTheFirstBytesStillGiveAMediumGuess(@TempDir Path dir) throws IOException {
        StringBuilder labels = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            labels.append(i == 0 ? "" : ",").append("{\"name\": \"label_").append(i).append("\", \"parent\": \"\"}");
        }
        Files.createDirectories(dir.resolve("annotations"));
        Files.writeString(dir.resolve("annotations/default.json"),
                "{\"categories\": {\"label\": {\"labels\": [" + labels + "]}}, \"items\": []}");
        assertEquals(Detection.MEDIUM, format.detect(DirectorySource.of(dir)).confidence());
    }

    /** Every sample folder of the corpus: {@code <format>/<sample>}. */
    private static List<Path> samples() throws IOException {
        List<Path> samples = new ArrayList<>();
        try (Stream<Path> formats = Files.list(Corpus.ROOT)) {
            for (Path folder : formats.filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> inside = Files.list(folder)) {
                    inside.filter(Files::isDirectory).sorted().forEach(samples::add);
                }
            }
        }
        assertTrue(samples.size() > 40, "corpus samples found: " + samples.size());
        return samples;
    }
}

package org.labelbridge.format.yolo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.archive.DirectorySource;
import org.labelbridge.format.Detection;
import org.labelbridge.format.Formats;
import org.labelbridge.testing.Corpus;

/** The detector knows its own samples and leaves every other sample alone. */
class YoloDetectTest {

    private final YoloFormat format = new YoloFormat();

    @Test
    void darknetSampleIsStrong() throws IOException {
        assertEquals(Detection.STRONG, format.detect(Corpus.source("yolo_1.1/yolo")).confidence());
    }

    @Test
    void looseSampleIsMedium() throws IOException {
        assertEquals(Detection.MEDIUM, format.detect(Corpus.source("yolo_1.1/ovd_loose_annotations_layout")).confidence());
    }

    @Test
    void looseLayoutWithoutLabelLinesIsWeak(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("obj.names"), "a\n");
        Files.createDirectories(dir.resolve("labels"));
        Files.writeString(dir.resolve("labels/readme.txt"), "not boxes\n");
        assertEquals(Detection.WEAK, format.detect(DirectorySource.of(dir)).confidence());
    }

    @Test
    void declinesEveryOtherCorpusSample() throws IOException {
        List<String> claimed = new ArrayList<>();
        for (Path sample : samples()) {
            String name = Corpus.ROOT.relativize(sample).toString().replace('\\', '/');
            if (name.startsWith("yolo_1.1/")) {
                continue;
            }
            Detection detection = format.detect(DirectorySource.of(sample));
            if (detection.matched()) {
                claimed.add(name + " (" + detection.evidence() + ")");
            }
        }
        assertEquals(List.of(), claimed);
    }

    @Test
    void isRegistered() {
        assertEquals("YOLO 1.1", Formats.byId("yolo").orElseThrow().descriptor().displayName());
        assertFalse(format.descriptor().holds(org.labelbridge.format.Feature.ANNOTATION_ATTRIBUTES));
    }

    private static List<Path> samples() throws IOException {
        List<Path> samples = new ArrayList<>();
        try (Stream<Path> families = Files.list(Corpus.ROOT)) {
            for (Path family : families.filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> inFamily = Files.list(family)) {
                    inFamily.filter(Files::isDirectory).sorted().forEach(samples::add);
                }
            }
        }
        return samples;
    }
}

package org.labelbridge.format.icdar;

import org.labelbridge.testing.RecordedProblems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.archive.DirectorySource;
import org.labelbridge.format.Detection;
import org.labelbridge.format.Format;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.Datasets;

/** Each ICDAR detector claims its own corpus sample and no other sample of the corpus. */
class IcdarDetectionTest {

    private static final List<Format> FORMATS = List.of(new IcdarRecognitionFormat(), new IcdarLocalizationFormat(),
            new IcdarSegmentationFormat());

    /** Sample → the format that owns it. */
    private static final Map<String, String> OWNERS = Map.of(
            "icdar/icdar_word_recognition", "icdar_recognition",
            "icdar/icdar_text_localization", "icdar_localization",
            "icdar/icdar_text_segmentation", "icdar_segmentation");

    @TempDir
    Path dir;

    @Test
    void eachDetectorClaimsItsOwnSampleAndNoOther() throws IOException {
        List<String> samples = corpusSamples();
        List<String> expected = new ArrayList<>();
        List<String> actual = new ArrayList<>();
        for (String sample : samples) {
            for (Format format : FORMATS) {
                expected.add(sample + " " + format.id() + " " + format.id().equals(OWNERS.get(sample)));
                actual.add(sample + " " + format.id() + " " + format.detect(Corpus.source(sample)).matched());
            }
        }
        assertEquals(58, samples.size(), "every corpus sample was asked");
        assertEquals(String.join("\n", expected), String.join("\n", actual));
    }

    @Test
    void aCvatExportUnderItsTaskFolderIsAStrongMatch() throws IOException {
        for (Format format : FORMATS) {
            Path out = dir.resolve(format.id());
            String sample = OWNERS.entrySet().stream().filter(e -> e.getValue().equals(format.id())).findFirst()
                    .orElseThrow().getKey();
            Datasets.write(format, Datasets.read(format, Corpus.source(sample)), out, null, new RecordedProblems());
            Detection detection = format.detect(DirectorySource.of(out));
            assertEquals(Detection.STRONG, detection.confidence(), format.id());
            assertTrue(detection.evidence().startsWith(format.id().equals("icdar_recognition") ? "word_recognition/"
                    : format.id().equals("icdar_localization") ? "text_localization/" : "text_segmentation/"),
                    detection.evidence());
        }
    }

    static List<String> corpusSamples() throws IOException {
        List<String> samples = new ArrayList<>();
        try (Stream<Path> groups = Files.list(Corpus.ROOT)) {
            for (Path group : groups.filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> inGroup = Files.list(group)) {
                    inGroup.filter(Files::isDirectory).sorted()
                            .forEach(s -> samples.add(group.getFileName() + "/" + s.getFileName()));
                }
            }
        }
        return samples;
    }
}

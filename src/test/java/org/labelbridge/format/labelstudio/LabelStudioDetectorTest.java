package org.labelbridge.format.labelstudio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.archive.DirectorySource;
import org.labelbridge.convert.Converter;
import org.labelbridge.format.Detection;
import org.labelbridge.format.FormatException;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.CorpusMatrix;

/** Label Studio's detector claims the image-task exports of the corpus, and nothing else. */
class LabelStudioDetectorTest {

    private static final String NOT_IMAGES = "label_studio_json/sdk_export_csv_choices";

    @TempDir
    Path dir;

    @Test
    void claimsItsImageTaskSamplesAndNoOther() throws IOException {
        List<String> expected = new ArrayList<>();
        List<String> actual = new ArrayList<>();
        for (String sample : CorpusMatrix.samples()) {
            boolean own = sample.startsWith("label_studio_json/") && !sample.equals(NOT_IMAGES);
            expected.add(sample + " " + own);
            actual.add(sample + " " + new LabelStudioFormat().detect(Corpus.source(sample)).matched());
        }
        assertEquals(String.join("\n", expected), String.join("\n", actual));
    }

    @Test
    void autoDetectionPicksItStrongly() throws IOException {
        for (String sample : CorpusMatrix.samples()) {
            if (sample.startsWith("label_studio_json/") && !sample.equals(NOT_IMAGES)) {
                var detected = Converter.detect(Corpus.path(sample));
                assertEquals("label_studio", detected.format().id(), sample);
                assertEquals(Detection.STRONG, detected.detection().confidence(), sample);
            }
        }
    }

    @Test
    void tasksOfNoImageAreNoDatasetToDetect() {
        FormatException e = assertThrows(FormatException.class, () -> Converter.detect(Corpus.path(NOT_IMAGES)));
        assertTrue(e.getMessage().contains("no known dataset format found"), e.getMessage());
    }

    @Test
    void aBareExportFileIsDetected() throws IOException {
        Path file = dir.resolve("project-1-at-2024-01-01.json");
        Files.copy(Corpus.path("label_studio_json/sdk_export_yolo/data.json"), file);

        assertEquals("label_studio", Converter.detect(file).format().id());
    }

    @Test
    void aTaskCutByTheProbeLimitIsStillLikely() throws IOException {
        StringBuilder text = new StringBuilder("[{\"data\": {\"image\": \"a.jpg\"}, \"annotations\": [{\"result\": [");
        while (text.length() < 70_000) {
            text.append("{\"type\": \"choices\", \"value\": {\"choices\": [\"x\"]}},");
        }
        text.append("{}]}]}]");
        Files.writeString(dir.resolve("big.json"), text);

        assertEquals(Detection.MEDIUM, new LabelStudioFormat().detect(DirectorySource.of(dir)).confidence());
    }
}

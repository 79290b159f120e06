package org.labelbridge.format.openimages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.labelbridge.format.Detection;
import org.labelbridge.testing.Corpus;

/** The detector claims both Open Images samples, strongly, and no other sample of the corpus. */
class OpenImagesDetectionTest {

    @Test
    void claimsItsSamplesAndNoOther() throws IOException {
        OpenImagesFormat format = new OpenImagesFormat();
        List<String> expected = new ArrayList<>();
        List<String> actual = new ArrayList<>();
        List<String> samples = corpusSamples();
        for (String sample : samples) {
            Detection detection = format.detect(Corpus.source(sample));
            boolean ours = sample.startsWith("open_images_v6/");
            expected.add(sample + " " + (ours ? Detection.STRONG : Detection.NONE_CONFIDENCE));
            actual.add(sample + " " + detection.confidence());
        }
        assertEquals(58, samples.size(), "every corpus sample was asked");
        assertEquals(String.join("\n", expected), String.join("\n", actual));
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

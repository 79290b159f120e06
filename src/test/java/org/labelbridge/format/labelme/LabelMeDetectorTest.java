package org.labelbridge.format.labelme;

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
import org.labelbridge.convert.DetectedSource;
import org.labelbridge.format.Detection;
import org.labelbridge.format.Formats;
import org.labelbridge.testing.Corpus;

class LabelMeDetectorTest {

    private final LabelMeFormat labelMe = new LabelMeFormat();

    @TempDir
    Path dir;

    @Test
    void detectsTheCorpusSample() throws IOException {
        Detection detection = labelMe.detect(Corpus.source(LabelMeCorpusTest.SAMPLE));
        assertEquals(Detection.STRONG, detection.confidence());
        assertTrue(detection.evidence().contains("img1.xml"), detection.evidence());
    }

    /** voc_dataset2's '@.xml' has no objects, made to look like LabelMe; its other files have VOC objects. */
    @Test
    void declinesEveryOtherCorpusSample() throws IOException {
        List<String> claimed = new ArrayList<>();
        try (Stream<Path> formats = Files.list(Corpus.ROOT)) {
            for (Path format : formats.filter(Files::isDirectory).sorted().toList()) {
                if (format.getFileName().toString().equals("labelme_3.0")) {
                    continue;
                }
                try (Stream<Path> samples = Files.list(format)) {
                    for (Path sample : samples.filter(Files::isDirectory).sorted().toList()) {
                        String name = Corpus.ROOT.relativize(sample).toString();
                        Detection detection = labelMe.detect(Corpus.source(name));
                        if (detection.matched()) {
                            claimed.add(name + " (" + detection.evidence() + ")");
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), claimed);
    }

    /** Auto-detection over every registered format: VOC's lookalike stays VOC, the LabelMe sample is LabelMe. */
    @Test
    void autoDetectionPicksVocForItsLookalikeAndLabelMeForItsSample() throws IOException {
        assertEquals("voc", DetectedSource.detect(Corpus.source("pascal_voc_1.1/voc_dataset2"), Formats.all(), "voc2")
                .format().id());
        assertEquals("labelme", DetectedSource.detect(Corpus.source(LabelMeCorpusTest.SAMPLE), Formats.all(), "lm")
                .format().id());
    }

    @Test
    void filesWithoutObjectsAreOnlyWeak() throws IOException {
        LabelMeFixture fixture = LabelMeFixture.in(dir).file("a.xml", LabelMeFixture.annotation("a.jpg", ""));
        assertEquals(Detection.WEAK, labelMe.detect(fixture.source()).confidence());
    }

    @Test
    void aLaterFileWithPolygonsDecides() throws IOException {
        LabelMeFixture fixture = LabelMeFixture.in(dir)
                .file("a.xml", LabelMeFixture.annotation("a.jpg", ""))
                .file("b.xml", LabelMeFixture.annotation("b.jpg", LabelMeFixture.polygon(0, "cat", "", 1, 1, 2, 2, 1, 2)));
        assertEquals(Detection.STRONG, labelMe.detect(fixture.source()).confidence());
    }

    @Test
    void vocObjectsAndOtherXmlAreDeclined() throws IOException {
        LabelMeFixture voc = LabelMeFixture.in(dir.resolve("voc")).file("a.xml", "<annotation><object><name>dog</name>"
                + "<bndbox><xmin>1</xmin><ymin>1</ymin><xmax>2</xmax><ymax>2</ymax></bndbox></object></annotation>");
        assertEquals(Detection.NONE, labelMe.detect(voc.source()));
        LabelMeFixture cvat = LabelMeFixture.in(dir.resolve("cvat")).file("annotations.xml",
                "<annotations><version>1.1</version></annotations>");
        assertEquals(Detection.NONE, labelMe.detect(cvat.source()));
        LabelMeFixture broken = LabelMeFixture.in(dir.resolve("broken")).file("a.xml", "<annotation><object>");
        assertEquals(Detection.NONE, labelMe.detect(broken.source()));
        assertEquals(Detection.NONE, labelMe.detect(LabelMeFixture.in(dir.resolve("none")).file("a.txt", "x").source()));
    }
}

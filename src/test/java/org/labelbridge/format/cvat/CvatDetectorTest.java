package org.labelbridge.format.cvat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.labelbridge.archive.DirectorySource;
import org.labelbridge.format.Detection;
import org.labelbridge.format.Format;
import org.labelbridge.format.Formats;
import org.labelbridge.testing.Corpus;

/** Both CVAT formats claim CVAT XML; the flavour seen decides which is surer. */
class CvatDetectorTest {

    private static final Format IMAGES = new CvatImagesFormat();
    private static final Format VIDEO = new CvatVideoFormat();

    @ParameterizedTest
    @ValueSource(strings = {"cvat_images_1.1/ovd_export_project", "cvat_images_1.1/ovd_export_task",
        "cvat_images_1.1/cvat_docs_annotation_example"})
    void imageDumpsAreCvatForImagesFirst(String sample) throws IOException {
        Detection images = IMAGES.detect(Corpus.source(sample));
        Detection video = VIDEO.detect(Corpus.source(sample));

        assertEquals(Detection.STRONG, images.confidence(), images.evidence());
        assertTrue(video.matched(), "CVAT for video reads image dumps too");
        assertTrue(images.confidence() > video.confidence());
    }

    @ParameterizedTest
    @ValueSource(strings = {"cvat_video_1.1/ovd_for_video", "cvat_video_1.1/cvat_docs_interpolation_example"})
    void videoDumpsAreCvatForVideoFirst(String sample) throws IOException {
        Detection images = IMAGES.detect(Corpus.source(sample));
        Detection video = VIDEO.detect(Corpus.source(sample));

        assertEquals(Detection.STRONG, video.confidence(), video.evidence());
        assertTrue(images.matched());
        assertTrue(video.confidence() > images.confidence());
        assertEquals("annotations.xml: <annotations> version 1.1, tracks (video)", video.evidence());
    }

    @Test
    void declinesEveryOtherSampleOfTheCorpus() throws IOException {
        List<String> claimed = new ArrayList<>();
        try (Stream<Path> formats = Files.list(Corpus.ROOT)) {
            for (Path format : formats.filter(Files::isDirectory).sorted().toList()) {
                String name = format.getFileName().toString();
                if (name.startsWith("cvat_images") || name.startsWith("cvat_video")) {
                    continue;
                }
                try (Stream<Path> samples = Files.list(format)) {
                    for (Path sample : samples.filter(Files::isDirectory).sorted().toList()) {
                        DirectorySource source = DirectorySource.of(sample);
                        if (IMAGES.detect(source).matched() || VIDEO.detect(source).matched()) {
                            claimed.add(name + "/" + sample.getFileName());
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), claimed);
    }

    @Test
    void aHeadWithOnlyTheMetaUsesTheTaskMode(@TempDir Path dir) throws IOException {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n<annotations><version>1.1</version><meta>"
                + "<task><mode>interpolation</mode><labels>");
        while (xml.length() < 70_000) { // longer than the head the detector reads
            xml.append("<label><name>l").append(xml.length()).append("</name></label>");
        }
        xml.append("</labels></task></meta></annotations>");
        Files.writeString(dir.resolve("annotations.xml"), xml);

        assertTrue(VIDEO.detect(DirectorySource.of(dir)).confidence()
                > IMAGES.detect(DirectorySource.of(dir)).confidence());
    }

    @Test
    void otherVersionsAreOnlyMediumAndOtherXmlIsDeclined(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("annotations.xml"), "<annotations><version>1.0</version><meta/></annotations>");
        assertEquals(Detection.MEDIUM, IMAGES.detect(DirectorySource.of(dir)).confidence());

        Files.writeString(dir.resolve("annotations.xml"), "<annotation><filename>a.jpg</filename></annotation>");
        assertFalse(IMAGES.detect(DirectorySource.of(dir)).matched());
        Files.writeString(dir.resolve("annotations.xml"), "not xml at all");
        assertFalse(VIDEO.detect(DirectorySource.of(dir)).matched());
    }

    @Test
    void bothAreRegistered() {
        assertEquals("CVAT for images 1.1", Formats.byId("cvat_images").orElseThrow().descriptor().displayName());
        assertEquals("CVAT for video 1.1", Formats.byId("cvat_video").orElseThrow().descriptor().displayName());
        assertTrue(Formats.byId("cvat_images").orElseThrow().descriptor().canWrite());
        assertTrue(Formats.byId("cvat_video").orElseThrow().descriptor().canWrite());
    }
}

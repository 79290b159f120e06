package org.labelbridge.format.voc;

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
import org.labelbridge.format.Detection;
import org.labelbridge.testing.Corpus;

class VocDetectorTest {

    private final VocFormat voc = new VocFormat();

    @TempDir
    Path dir;

    @Test
    void detectsBothVocSamples() throws IOException {
        assertEquals(Detection.STRONG, voc.detect(Corpus.source("pascal_voc_1.1/voc_dataset1")).confidence());
        Detection second = voc.detect(Corpus.source("pascal_voc_1.1/voc_dataset2"));
        assertEquals(Detection.STRONG, second.confidence(), "'@.xml' has no objects, but the ImageSets lists are there");
        assertTrue(second.evidence().contains("Annotations/@.xml"), second.evidence());
    }

    /** Including the VOC-derived segmentation mask sample: lists of masks alone are not VOC boxes or labels. */
    @Test
    void declinesEveryOtherCorpusSample() throws IOException {
        List<String> claimed = new ArrayList<>();
        try (Stream<Path> formats = Files.list(Corpus.ROOT)) {
            for (Path format : formats.filter(Files::isDirectory).sorted().toList()) {
                if (format.getFileName().toString().equals("pascal_voc_1.1")) {
                    continue;
                }
                try (Stream<Path> samples = Files.list(format)) {
                    for (Path sample : samples.filter(Files::isDirectory).sorted().toList()) {
                        String name = Corpus.ROOT.relativize(sample).toString();
                        Detection detection = voc.detect(Corpus.source(name));
                        if (detection.matched()) {
                            claimed.add(name + " (" + detection.evidence() + ")");
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), claimed);
    }

    @Test
    void declinesALabelMeFolder() throws IOException {
        VocFixture fixture = VocFixture.in(dir)
                .file("img1.xml", "<annotation><filename>img1.jpg</filename><folder>f</folder>"
                        + "<object><name>window</name><polygon><pt><x>1</x><y>2</y></pt></polygon></object></annotation>")
                .file("img1.jpg", "jpeg");
        assertEquals(Detection.NONE, voc.detect(fixture.source()));
    }

    /** CVAT also accepts the XML files alone, without folders; LabelMe folders look much the same. */
    @Test
    void flatVocXmlIsOnlyWeak() throws IOException {
        VocFixture fixture = VocFixture.in(dir).file("a.xml", VocFixture.annotation(
                "<object><name>dog</name><bndbox><xmin>1</xmin><ymin>1</ymin><xmax>2</xmax><ymax>2</ymax></bndbox></object>"));
        assertEquals(Detection.WEAK, voc.detect(fixture.source()).confidence());
    }

    @Test
    void vocLookingXmlWithoutImageSetsIsOnlyWeak() throws IOException {
        VocFixture fixture = VocFixture.in(dir).file("Annotations/a.xml", VocFixture.annotation(
                "<object><name>dog</name><bndbox><xmin>1</xmin><ymin>1</ymin><xmax>2</xmax><ymax>2</ymax></bndbox></object>"));
        assertEquals(Detection.WEAK, voc.detect(fixture.source()).confidence());
    }

    @Test
    void labelMeLookingXmlInAnnotationsWithoutImageSetsIsDeclined() throws IOException {
        VocFixture fixture = VocFixture.in(dir).file("Annotations/a.xml", VocFixture.annotation(
                "<object><name>window</name><polygon><pt><x>1</x><y>2</y></pt></polygon></object>"));
        assertEquals(Detection.NONE, voc.detect(fixture.source()));
    }

    @Test
    void classListsWithoutAnnotationsAreMedium() throws IOException {
        VocFixture fixture = VocFixture.in(dir).file("ImageSets/Main/train.txt", "a\n")
                .file("ImageSets/Main/dog_train.txt", "a  1\n");
        assertEquals(Detection.MEDIUM, voc.detect(fixture.source()).confidence());
    }
}

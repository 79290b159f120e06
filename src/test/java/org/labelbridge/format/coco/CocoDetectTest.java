package org.labelbridge.format.coco;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.labelbridge.archive.DirectorySource;
import org.labelbridge.archive.InputArchive;
import org.labelbridge.format.Detection;
import org.labelbridge.format.Problems;
import org.labelbridge.model.AnnotationInfo;
import org.labelbridge.model.Bbox;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;
import org.labelbridge.model.Media;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.Datasets;
import org.labelbridge.testing.Datasets.Loaded;

/** The detector claims COCO's samples and declines everything else in the corpus. */
class CocoDetectTest {

    private static final CocoFormat COCO = new CocoFormat();

    @ParameterizedTest
    @ValueSource(strings = {"coco", "coco_instances", "coco_captions", "coco_labels", "coco_image_info", "coco_stuff"})
    void detectsEveryCocoSample(String sample) throws IOException {
        Detection detection = COCO.detect(Corpus.source("coco_1.0/" + sample));
        assertEquals(Detection.STRONG, detection.confidence());
        assertEquals(true, detection.evidence().startsWith("annotations/"), detection.evidence());
    }

    static Stream<String> otherSamples() throws IOException {
        List<String> samples = new ArrayList<>();
        try (Stream<Path> formats = Files.list(Corpus.ROOT)) {
            for (Path format : formats.filter(Files::isDirectory).sorted().toList()) {
                if (format.getFileName().toString().equals("coco_1.0")) {
                    continue;
                }
                try (Stream<Path> children = Files.list(format)) {
                    children.filter(Files::isDirectory).sorted()
                            .forEach(s -> samples.add(Corpus.ROOT.relativize(s).toString()));
                }
            }
        }
        return samples.stream();
    }

    @ParameterizedTest
    @MethodSource("otherSamples")
    void declinesOtherFormats(String sample) throws IOException {
        assertEquals(Detection.NONE, COCO.detect(Corpus.source(sample)), sample);
    }

    @Test
    void bareTaskFile() throws IOException {
        try (InputArchive input = InputArchive.open(Corpus.path("coco_1.0/coco_captions/annotations/captions_val.json"))) {
            assertEquals(Detection.STRONG, COCO.detect(input.source()).confidence());
        }
    }

    @Test
    void bareFileNamedOtherwiseNeedsCocoKeys(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("export.json"), "{\"images\": [], \"annotations\": [], \"categories\": []}");
        Files.writeString(dir.resolve("other.json"), "{\"items\": []}");
        try (InputArchive coco = InputArchive.open(dir.resolve("export.json"));
             InputArchive other = InputArchive.open(dir.resolve("other.json"))) {
            assertEquals(Detection.MEDIUM, COCO.detect(coco.source()).confidence());
            assertEquals(Detection.NONE, COCO.detect(other.source()));
        }
    }

    /** This writer (like CVAT's export) puts images last: a big file shows no images list in its head. */
    @Test
    void bigWrittenFileGivenAlone(@TempDir Path dir) throws IOException {
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            items.add(new Item("img" + i, "train", Media.NONE, List.of(
                    new Bbox(AnnotationInfo.of(0), i, i, 10, 10))));
        }
        Datasets.write(COCO, new Loaded(
                Categories.ofNames(List.of("a")), items), dir, null, Problems.IGNORE);
        Path file = dir.resolve("annotations/instances_train.json");
        assertEquals(true, Files.size(file) > 2 * 65536);
        try (InputArchive input = InputArchive.open(file)) {
            assertEquals(Detection.STRONG, COCO.detect(input.source()).confidence());
        }
    }

    @Test
    void keypointsAloneLeaveTheWayToCocoKeypoints(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("annotations"));
        Files.copy(Corpus.path("coco_1.0/coco/annotations/person_keypoints_train.json"),
                dir.resolve("annotations/person_keypoints_train.json"));
        assertEquals(Detection.MEDIUM, COCO.detect(DirectorySource.of(dir)).confidence());
    }

    @Test
    void taskNamedFileThatIsNotJson(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("annotations"));
        Files.writeString(dir.resolve("annotations/instances_train.json"), "<xml/>");
        assertEquals(Detection.NONE, COCO.detect(DirectorySource.of(dir)));
    }
}

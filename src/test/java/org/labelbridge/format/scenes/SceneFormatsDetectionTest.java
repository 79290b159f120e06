package org.labelbridge.format.scenes;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import org.labelbridge.convert.DetectedSource;
import org.labelbridge.format.Detection;
import org.labelbridge.format.Format;
import org.labelbridge.format.Formats;
import org.labelbridge.format.Problems;
import org.labelbridge.format.camvid.CamVidFormat;
import org.labelbridge.format.cityscapes.CityscapesFormat;
import org.labelbridge.format.kitti.KittiFormat;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.Datasets;

/**
 * The CamVid, Cityscapes and KITTI detectors over every sample folder of the corpus: each
 * claims its own samples and no other (kitti_3d and kitti_raw are other formats' samples).
 */
class SceneFormatsDetectionTest {

    private static final List<Format> FORMATS = List.of(new CamVidFormat(), new CityscapesFormat(), new KittiFormat());

    /** Sample folder → the format that owns it. */
    private static final Map<String, String> OWNERS = Map.of(
            "camvid_1.0/camvid_dataset", "camvid",
            "cityscapes_1.0/train_dataset", "cityscapes",
            "kitti_1.0/kitti_detection", "kitti",
            "kitti_1.0/kitti_segmentation", "kitti");

    @Test
    void eachDetectorClaimsItsOwnSamplesAndNoOther() throws IOException {
        List<String> samples = new ArrayList<>();
        try (Stream<Path> groups = Files.list(Corpus.ROOT)) {
            for (Path group : groups.filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> inGroup = Files.list(group)) {
                    inGroup.filter(Files::isDirectory).sorted()
                            .forEach(s -> samples.add(group.getFileName() + "/" + s.getFileName()));
                }
            }
        }
        List<String> expected = new ArrayList<>();
        List<String> actual = new ArrayList<>();
        for (String sample : samples) {
            for (Format format : FORMATS) {
                expected.add(sample + " " + format.id() + " " + format.id().equals(OWNERS.get(sample)));
                actual.add(sample + " " + format.id() + " " + format.detect(Corpus.source(sample)).matched());
            }
        }
        assertEquals(58 * FORMATS.size(), actual.size(), "every corpus sample was asked");
        assertEquals(String.join("\n", expected), String.join("\n", actual));
    }

    @Test
    void autoDetectionAmongAllFormatsPicksTheOwner() throws IOException {
        for (Map.Entry<String, String> owned : OWNERS.entrySet()) {
            DetectedSource detected = DetectedSource.detect(Corpus.source(owned.getKey()), Formats.all(), owned.getKey());
            assertEquals(owned.getValue(), detected.format().id(), owned.getKey() + ": " + detected.candidates());
            assertEquals(Detection.STRONG, detected.detection().confidence(), owned.getKey());
        }
    }

    @Test
    void whatEachWriterWritesIsDetectedAsItsFormat(@TempDir Path dir) throws IOException {
        for (Format writer : FORMATS) {
            for (String sample : OWNERS.keySet()) {
                Format reader = Formats.require(OWNERS.get(sample));
                Path out = dir.resolve(writer.id() + "-" + sample.replace('/', '-'));
                Datasets.write(writer, Datasets.read(reader, Corpus.source(sample)), out, Corpus.source(sample),
                        Problems.IGNORE);
                DetectedSource detected = DetectedSource.detect(DirectorySource.of(out), Formats.all(), out.toString());
                assertEquals(writer.id(), detected.format().id(), sample + " as " + writer.id() + ": " + detected.candidates());
            }
        }
    }

    @Test
    void theFormatsAreRegisteredWithCvatsNames() {
        Map<String, String> names = Map.of("camvid", "CamVid 1.0", "cityscapes", "Cityscapes 1.0", "kitti", "KITTI 1.0");
        names.forEach((id, name) -> assertEquals(name, Formats.byId(id).orElseThrow().descriptor().displayName()));
    }
}

package org.labelbridge.format.faces;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.labelbridge.format.Format;
import org.labelbridge.format.Formats;
import org.labelbridge.format.imagenet.ImageNetFormat;
import org.labelbridge.format.lfw.LfwFormat;
import org.labelbridge.format.market1501.Market1501Format;
import org.labelbridge.format.vggface2.VggFace2Format;
import org.labelbridge.format.widerface.WiderFaceFormat;
import org.labelbridge.testing.Corpus;

/**
 * The classification, face and person formats' detectors over every sample folder of the
 * corpus: each says yes to its own samples and no to all the others.
 */
class CorpusDetectionTest {

    private static final List<Format> FORMATS = List.of(new ImageNetFormat(), new WiderFaceFormat(),
            new VggFace2Format(), new Market1501Format(), new LfwFormat());

    /** Corpus folder → the format that owns its samples. */
    private static final Map<String, String> OWNERS = Map.of(
            "imagenet_1.0", "imagenet",
            "imagenet_txt", "imagenet",
            "wider_face_1.0", "wider_face",
            "vggface2_1.0", "vggface2",
            "market1501_1.0", "market1501",
            "lfw_1.0", "lfw");

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
            String owner = OWNERS.get(sample.substring(0, sample.indexOf('/')));
            for (Format format : FORMATS) {
                boolean claims = format.detect(Corpus.source(sample)).matched();
                expected.add(sample + " " + format.id() + " " + format.id().equals(owner));
                actual.add(sample + " " + format.id() + " " + claims);
            }
        }
        assertEquals(58 * FORMATS.size(), actual.size(), "every corpus sample was asked");
        assertEquals(String.join("\n", expected), String.join("\n", actual));
    }

    @Test
    void theFormatsAreRegisteredWithCvatsNames() {
        Map<String, String> names = Map.of("imagenet", "ImageNet 1.0", "wider_face", "WiderFace 1.0",
                "vggface2", "VGGFace2 1.0", "market1501", "Market-1501 1.0", "lfw", "LFW 1.0");
        names.forEach((id, name) -> assertEquals(name, Formats.byId(id).orElseThrow().descriptor().displayName()));
    }
}

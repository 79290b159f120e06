package org.labelbridge.format.lfw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.convert.ConversionOptions;
import org.labelbridge.model.Item;
import org.labelbridge.model.Points;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.Datasets;
import org.labelbridge.testing.Datasets.Converted;

/** LFW through the whole pipeline, checked on content. */
class LfwConversionTest {

    @TempDir
    Path tmp;

    @Test
    void anImageKnownOnlyByItsLandmarksIsOneItemWithItsImage() throws IOException {
        // VGGFace2 items: id person/image, landmarks of that person, no person tag, so no pairs line.
        Path out = tmp.resolve("out");
        Converted converted = Datasets.convert(Corpus.path("vggface2_1.0/vgg_face2_dataset"), "auto", "lfw", out,
                ConversionOptions.DEFAULTS);

        assertEquals(List.of("test/n000003/0003_01", "train/n000001/0001_01", "train/n000002/0001_01",
                "train/n000002/0002_01"), converted.output().ids().stream().sorted().toList());
        assertEquals(4, converted.report().itemsOut());
        Item item = converted.output().item("train", "n000002/0002_01");
        Points landmarks = assertInstanceOf(Points.class, item.annotations().get(0));
        assertEquals(1, item.annotations().size());
        assertEquals("n000002", converted.output().labelOf(landmarks));
        assertEquals(5, landmarks.size());
        assertTrue(Files.exists(out.resolve(item.media().path())), item.media().path());
    }
}

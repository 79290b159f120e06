package org.labelbridge.format.faces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.archive.DirectorySource;
import org.labelbridge.convert.ConversionOptions;
import org.labelbridge.convert.ConversionRequest;
import org.labelbridge.convert.ConversionResult;
import org.labelbridge.convert.Converter;
import org.labelbridge.format.lfw.LfwFormat;
import org.labelbridge.format.vggface2.VggFace2Format;
import org.labelbridge.format.widerface.WiderFaceFormat;
import org.labelbridge.model.AnnotationInfo;
import org.labelbridge.model.Bbox;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Points;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.Datasets;
import org.labelbridge.testing.Datasets.Loaded;
import org.labelbridge.testing.SameDataset;

/** Conversions between the face formats through the whole pipeline, checked on content. */
class CrossFormatTest {

    @TempDir
    Path tmp;

    private ConversionResult convert(String sample, String to) throws IOException {
        return Converter.convert(new ConversionRequest(Corpus.path(sample), ConversionRequest.AUTO, to,
                ConversionOptions.DEFAULTS, tmp.resolve("out")));
    }

    @Test
    void lfwLandmarksBecomeVggFace2LandmarksUnderThePersonFolder() throws IOException {
        ConversionResult result = convert("lfw_1.0/lfw_dataset", "vggface2");

        Loaded d = Datasets.read(new VggFace2Format(), DirectorySource.of(tmp.resolve("out")));
        assertEquals("lfw", result.source().format().id());
        assertEquals(Categories.ofNames(List.of("name0", "name1")), d.categories());
        assertEquals(List.of("test/name0/name0_0001", "test/name1/name1_0001", "test/name1/name1_0002"),
                d.ids().stream().sorted().toList());
        assertEquals(List.of(new Points(AnnotationInfo.of(1), new double[] {1, 6, 4, 6, 3, 3, 2, 1, 4, 1})),
                d.item("name1/name1_0001").annotations());
        assertTrue(Files.exists(tmp.resolve("out/test/name1/name1_0001.jpg")));
        // the person tags are implied by the landmark rows' folders: reported, not silent
        assertTrue(result.report().entries().stream().anyMatch(e -> e.action().equals("dropped")
                && e.kind().equals("tag") && e.count() == 3), result.report().toMap().toString());
    }

    @Test
    void vggFace2BoxesBecomeWiderFaceBoxesAndTheLandmarksAreReportedDropped() throws IOException {
        ConversionResult result = convert("vggface2_1.0/vgg_face2_dataset", "wider_face");

        Loaded d = Datasets.read(new WiderFaceFormat(), DirectorySource.of(tmp.resolve("out")));
        assertEquals(Categories.ofNames(List.of("n000001", "n000002", "n000003")), d.categories());
        assertEquals(List.of(new Bbox(AnnotationInfo.of(1), 2, 4, 2, 2)), d.item("train", "n000002/0001_01").annotations());
        assertEquals(List.of("no_label/n000003/0003_01.jpg", "1", "1 1 1 1 n000003"),
                Files.readAllLines(tmp.resolve("out/wider_face_split/wider_face_test_bbx_gt.txt")));
        assertTrue(result.report().entries().stream().anyMatch(e -> e.action().startsWith("dropped")
                && e.kind().equals("points") && e.count() == 4), result.report().toMap().toString());
    }

    @Test
    void lfwPairsSurviveAConversionToItselfThroughThePipeline() throws IOException {
        convert("lfw_1.0/lfw_dataset", "lfw");

        Loaded original = Datasets.read(new LfwFormat(), Corpus.source("lfw_1.0/lfw_dataset"));
        SameDataset.assertSameIgnoringMedia(original, Datasets.read(new LfwFormat(), DirectorySource.of(tmp.resolve("out"))));
    }
}

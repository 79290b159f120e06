package org.labelbridge.format.cvat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.convert.ConversionOptions;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.Datasets;

/**
 * The CVAT importer's rules the writers broke, one test each, through the pipeline from a corpus
 * sample; the output is checked by {@link CvatXmlContract}.
 */
class CvatWriterRulesTest {

    private static final ConversionOptions SKIP = ConversionOptions.fromMap(Map.of("on_problem", "skip"));

    @TempDir
    Path work;

    /** Frames 10, 13, 16 of a three-frame dump: the task's size was 3, CVAT takes frames below it. */
    @Test
    void everyFrameIsBelowItsTasksSize() throws Exception {
        Datasets.convert(Corpus.path("cvat_video_1.1/ovd_for_video"), "auto", "cvat_video", work.resolve("video"), SKIP);

        String xml = Files.readString(work.resolve("video/annotations.xml"));
        assertTrue(xml.contains("<size>17</size>"), "frames up to 16");
        CvatXmlContract.check("ovd_for_video -> cvat_video", work.resolve("video/annotations.xml"), true);
    }

    /** MOTS track 2 has shapes of two labels: its second <track> repeated the id, which CVAT joins into one. */
    @Test
    void trackIdsAreUniqueInATask() throws Exception {
        Datasets.Converted video = Datasets.convert(Corpus.path("mots_png_1.0/mots_dataset"), "auto", "cvat_video",
                work.resolve("video"), SKIP);

        CvatXmlContract.check("mots -> cvat_video", work.resolve("video/annotations.xml"), true);
        assertEquals(1, video.count("the others with new ids after the highest"));
    }

    /** WiderFace's 'occluded' level (0, 1, 2) is no CVAT occluded flag: written as an attribute, now declared. */
    @Test
    void everyAttributeWrittenIsDeclaredUnderItsLabel() throws Exception {
        Datasets.convert(Corpus.path("wider_face_1.0/widerface_dataset"), "auto", "cvat_images", work.resolve("wider"),
                SKIP);
        Datasets.convert(Corpus.path("datumaro_1.0/cvd_with_skeleton"), "auto", "cvat_images", work.resolve("skeleton"),
                SKIP);

        CvatXmlContract.check("widerface -> cvat_images", work.resolve("wider/annotations.xml"), false);
        CvatXmlContract.check("cvd_with_skeleton -> cvat_images", work.resolve("skeleton/annotations.xml"), false);
        assertTrue(Files.readString(work.resolve("wider/annotations.xml")).contains("<name>occluded</name>"));
    }
}

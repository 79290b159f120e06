package org.labelbridge.format.voc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.labelbridge.convert.ConversionOptions;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.Datasets;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.labelbridge.testing.CorpusMatrix;
import org.labelbridge.testing.CorpusMatrix.Outcome;

/**
 * What CVAT's PASCAL VOC importer reads, checked on the output of every corpus sample
 * ({@link VocLayoutContract} says which rules and where Datumaro has them).
 */
class VocConsumerContractTest {

    @TempDir
    Path work;

    /**
     * KITTI's colour map gives several labels black (unlabeled, ego vehicle, ...): Datumaro's
     * inverse colour map keeps the last label of a colour, so the background's black pixels read
     * as 'egovehicle'. A label whose colour an earlier one has is written without a colour.
     */
    @Test
    void noTwoLabelsShareAColourInTheLabelMap() throws Exception {
        Datasets.Converted voc = Datasets.convert(Corpus.path("kitti_1.0/kitti_segmentation"), "auto", "voc",
                work.resolve("voc"), ConversionOptions.DEFAULTS);

        VocLayoutContract.check("kitti_segmentation -> voc", work.resolve("voc"));
        Set<String> colours = new HashSet<>();
        for (String line : Files.readAllLines(work.resolve("voc/labelmap.txt"))) {
            String colour = line.startsWith("#") ? "" : line.split(":", -1)[1];
            assertTrue(colour.isEmpty() || colours.add(colour), "labelmap.txt repeats " + colour + ": " + line);
        }
        assertTrue(Files.readString(work.resolve("voc/labelmap.txt")).contains("\negovehicle::"), "without a colour");
        // egovehicle, rectificationborder, ... (one report entry for them all)
        assertEquals(5, voc.count("has the colour of an earlier label: written without a colour"),
                voc.report().entries().toString());
    }

    @ParameterizedTest
    @MethodSource("org.labelbridge.testing.CorpusMatrix#samples")
    void everyOutputReadsAsCvatReadsIt(String sample) throws Exception {
        Outcome outcome = CorpusMatrix.forContract(sample, "voc", work);
        VocLayoutContract.check(outcome.toString(), outcome.output());
    }
}

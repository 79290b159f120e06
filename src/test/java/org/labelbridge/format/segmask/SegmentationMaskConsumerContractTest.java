package org.labelbridge.format.segmask;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.labelbridge.format.voc.VocLayoutContract;
import org.labelbridge.testing.CorpusMatrix;
import org.labelbridge.testing.CorpusMatrix.Outcome;

/**
 * What CVAT's Segmentation mask importer reads, checked on the output of every corpus sample
 * ({@link VocLayoutContract} says which rules and where Datumaro has them).
 */
class SegmentationMaskConsumerContractTest {

    @TempDir
    Path work;

    @ParameterizedTest
    @MethodSource("org.labelbridge.testing.CorpusMatrix#samples")
    void everyOutputReadsAsCvatReadsIt(String sample) throws Exception {
        Outcome outcome = CorpusMatrix.forContract(sample, "segmentation_mask", work);
        VocLayoutContract.check(outcome.toString(), outcome.output());
    }
}

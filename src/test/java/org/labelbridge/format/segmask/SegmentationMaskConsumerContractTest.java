package org.labelbridge.format.segmask;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.labelbridge.convert.ConversionOptions;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.Datasets;

import java.nio.file.Path;
import java.util.stream.Stream;
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

    static Stream<String> samples() {
        return CorpusMatrix.samples().stream();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everyOutputReadsAsCvatReadsIt(String sample) throws Exception {
        assumeTrue(CorpusMatrix.readable(sample), sample + ": no format reads it");
        Outcome outcome = CorpusMatrix.convert(sample, "segmentation_mask", work, CorpusMatrix.SKIP_PROBLEMS);
        outcome.require();
        VocLayoutContract.check(outcome.toString(), outcome.output());
    }
}

package org.labelbridge.format.cvat;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.stream.Stream;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.labelbridge.testing.CorpusMatrix;
import org.labelbridge.testing.CorpusMatrix.Outcome;

/**
 * What CVAT's XML importer reads of a CVAT for video dump, checked on the output of every corpus
 * sample ({@link CvatXmlContract} says which rules and where CVAT has them).
 */
class CvatVideoConsumerContractTest {

    @TempDir
    Path work;

    static Stream<String> samples() {
        return CorpusMatrix.samples().stream();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everyOutputReadsAsCvatReadsIt(String sample) throws Exception {
        assumeTrue(CorpusMatrix.readable(sample), sample + ": no format reads it");
        Outcome outcome = CorpusMatrix.convert(sample, "cvat_video", work, CorpusMatrix.SKIP_PROBLEMS);
        outcome.require();
        Path xml = outcome.output().resolve("annotations.xml");
        CvatXmlContract.check(outcome.toString(), xml, true);
    }
}

package org.labelbridge.format.cvat;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.labelbridge.testing.CorpusMatrix;
import org.labelbridge.testing.CorpusMatrix.Outcome;

/**
 * What CVAT's XML importer reads of a CVAT for images dump, checked on the output of every corpus
 * sample ({@link CvatXmlContract} says which rules and where CVAT has them).
 */
class CvatImagesConsumerContractTest {

    @TempDir
    Path work;

    @ParameterizedTest
    @MethodSource("org.labelbridge.testing.CorpusMatrix#samples")
    void everyOutputReadsAsCvatReadsIt(String sample) throws Exception {
        Outcome outcome = CorpusMatrix.forContract(sample, "cvat_images", work);
        Path xml = outcome.output().resolve("annotations.xml");
        CvatXmlContract.check(outcome.toString(), xml, false);
    }
}

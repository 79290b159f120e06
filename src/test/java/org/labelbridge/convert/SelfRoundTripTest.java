package org.labelbridge.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.labelbridge.archive.DirectorySource;
import org.labelbridge.format.Format;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.Item;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.CorpusMatrix;
import org.labelbridge.testing.Datasets;

/**
 * Round trips through the whole pipeline: every corpus sample converted by {@link Converter} to
 * its own format gives, read back, the items the sample gives (ids, subsets, and each item's
 * annotations: kind, label name, geometry) wherever the report says nothing was dropped or
 * changed; where it says something was, the counts it gives are the ones read back (the matrix
 * test checks those for every target).
 */
class SelfRoundTripTest {

    @TempDir
    static Path work;

    static Stream<String> samples() {
        return CorpusMatrix.samples().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void aSampleConvertedToItsOwnFormatReadsBackAsItWas(String sample) throws IOException {
        assumeTrue(CorpusMatrix.readable(sample), sample + ": no format reads it");
        DetectedSource detected = Converter.detect(Corpus.path(sample));
        Format format = detected.format();
        assumeTrue(format.descriptor().canWrite(), sample + ": " + format.id() + " is read-only");
        Datasets.Converted copy = Datasets.convert(Corpus.path(sample), format.id(), format.id(),
                work.resolve(sample.replace('/', '_')), CorpusMatrix.SKIP_PROBLEMS);
        assumeTrue(copy.report().entries().stream().noneMatch(SelfRoundTripTest::losesContent),
                sample + ": the report lists what was lost: " + copy.report().entries());

        Datasets.Loaded original = Datasets.read(format, DirectorySource.of(Corpus.path(sample)));
        // A subset the format names otherwise is a reported note (YOLO writes 'default' as 'train', as CVAT does).
        boolean subsetsRenamed = copy.report().entries().stream().anyMatch(e -> e.action().equals("dataset") && e.reason().contains("subset"));
        assertEquals(described(original, subsetsRenamed), described(copy.output(), subsetsRenamed),
                sample + " -> " + format.id());
    }

    /** Whether an entry says annotations or items were dropped or changed (not merely a note). */
    private static boolean losesContent(ConversionReport.Entry entry) {
        return !entry.action().equals("dataset") && !entry.action().equals("item");
    }

    /** Per item, sorted: subset/id and its annotations as kind, label name and geometry. */
    private static List<String> described(Datasets.Loaded dataset, boolean withoutSubsets) {
        return dataset.items().stream().map(item -> (withoutSubsets ? "" : item.subset() + "/") + item.id() + " "
                + annotations(dataset, item)).sorted().toList();
    }

    private static List<String> annotations(Datasets.Loaded dataset, Item item) {
        return item.annotations().stream().map(a -> describe(dataset, a)).sorted().toList();
    }

    private static String describe(Datasets.Loaded dataset, Annotation a) {
        String text = a.withInfo(a.info().withAttributes(java.util.Map.of()).withGroup(0).withTrack(null)
                .withLabel(null)).toString();
        return a.kind().id() + " " + dataset.labelOf(a) + " " + rounded(text);
    }

    /** Numbers to 1e-4: formats that store normalised or rotated coordinates give back the last bits. */
    private static String rounded(String text) {
        java.util.regex.Matcher m = NUMBER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, String.format(java.util.Locale.ROOT, "%.4f",
                    Double.parseDouble(m.group()) + 0.0));
        }
        m.appendTail(out);
        return out.toString().replace("-0.0000", "0.0000");
    }

    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile(
            "-?\\d+\\.\\d+(E-?\\d+)?");
}

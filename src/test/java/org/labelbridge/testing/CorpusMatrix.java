package org.labelbridge.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.labelbridge.convert.ConversionOptions;
import org.labelbridge.convert.ConversionRequest;
import org.labelbridge.convert.ConversionResult;
import org.labelbridge.convert.Converter;
import org.labelbridge.format.Format;
import org.labelbridge.format.FormatException;
import org.labelbridge.format.Formats;

/**
 * Every corpus sample against every writable target, through the real pipeline
 * ({@link Converter}, detection included): the one place tests get "what a user gets" for the
 * whole corpus. An outcome holds the output folder and the result, or the one-line failure.
 */
public final class CorpusMatrix {

    /** Sample folders that are not importable datasets (reference JSON). */
    private static final List<String> NOT_DATASETS = List.of("_cvat_api_reference");

    /**
     * Options for checks of outputs (consumer contracts) rather than of the report: content
     * problems skipped, so that a sample with one bad annotation (the CVAT docs example's
     * undeclared tag label) still gives an output to check.
     */
    public static final ConversionOptions SKIP_PROBLEMS = ConversionOptions.fromMap(java.util.Map.of("on_problem",
            "skip"));

    private CorpusMatrix() {
    }

    /** Every importable sample, as {@code "<format folder>/<sample>"}, sorted. */
    public static List<String> samples() {
        try (Stream<Path> formats = Files.list(Corpus.ROOT)) {
            return formats.filter(Files::isDirectory)
                    .filter(f -> !NOT_DATASETS.contains(f.getFileName().toString()))
                    .flatMap(CorpusMatrix::samplesOf)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<String> samplesOf(Path formatFolder) {
        try (Stream<Path> samples = Files.list(formatFolder)) {
            return samples.filter(Files::isDirectory)
                    .map(s -> formatFolder.getFileName() + "/" + s.getFileName())
                    .toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The samples whose format holds point clouds (3D), sorted. */
    public static List<String> pointCloudSamples() {
        return samples().stream().filter(s -> Boolean.TRUE.equals(pointClouds(s))).toList();
    }

    /** Every format that can be written. */
    public static List<Format> targets() {
        return Formats.all().stream().filter(f -> f.descriptor().canWrite()).toList();
    }

    /** What one conversion gave: an output folder and its result, or the failure. */
    public record Outcome(String sample, String target, Path output, ConversionResult result, Exception failure) {

        public boolean converted() {
            return failure == null;
        }

        /** The output, or an assertion error with the failure's one-line reason. */
        public ConversionResult require() {
            if (failure != null) {
                throw new AssertionError(this + ": " + failure.getMessage(), failure);
            }
            return result;
        }

        @Override
        public String toString() {
            return sample + " -> " + target;
        }
    }

    /** Converts the sample (format detected) into a new folder {@code work/<sample>/<target>}. */
    public static Outcome convert(String sample, String target, Path work, ConversionOptions options) {
        Path output = work.resolve(sample.replace('/', '_')).resolve(target);
        try {
            ConversionResult result = Converter.convert(new ConversionRequest(Corpus.path(sample),
                    ConversionRequest.AUTO, target, options, output));
            return new Outcome(sample, target, output, result, null);
        } catch (IOException | RuntimeException e) {
            return new Outcome(sample, target, output, null, e);
        }
    }

    /**
     * Whether some format reads the sample (its format detected); the corpus holds samples of
     * formats labelbridge does not read (KITTI's 3D object data), which no target can be checked on.
     */
    public static boolean readable(String sample) {
        try {
            Converter.detect(Corpus.path(sample));
            return true;
        } catch (FormatException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Whether the sample's detected format holds point clouds (3D), or {@code null} when no
     * format reads it.
     */
    public static Boolean pointClouds(String sample) {
        try {
            return Converter.detect(Corpus.path(sample)).format().descriptor()
                    .holds(org.labelbridge.format.Feature.POINT_CLOUDS);
        } catch (FormatException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The output a consumer-contract test checks: the sample converted with content problems
     * skipped; the test is skipped where no format reads the sample or where one of sample and
     * target holds point clouds and the other images, and fails where the conversion does.
     */
    public static Outcome forContract(String sample, String target, Path work) {
        assumeConvertible(sample, target);
        Outcome outcome = convert(sample, target, work, SKIP_PROBLEMS);
        outcome.require();
        return outcome;
    }

    /**
     * Skips the test unless some format reads the sample and the target holds what it holds
     * (point clouds or images; across, the conversion is refused, which CorpusMatrixTest checks).
     */
    public static void assumeConvertible(String sample, String target) {
        Boolean pointClouds = pointClouds(sample);
        org.junit.jupiter.api.Assumptions.assumeTrue(pointClouds != null, sample + ": no format reads it");
        org.junit.jupiter.api.Assumptions.assumeTrue(pointClouds == Formats.byId(target).orElseThrow().descriptor()
                .holds(org.labelbridge.format.Feature.POINT_CLOUDS), sample + " -> " + target
                + ": point clouds and images are refused across (CorpusMatrixTest checks the refusal)");
    }

    /** {@link #convert} with default options. */
    public static Outcome convert(String sample, String target, Path work) {
        return convert(sample, target, work, ConversionOptions.DEFAULTS);
    }
}

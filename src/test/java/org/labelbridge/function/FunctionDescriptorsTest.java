package org.labelbridge.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.labelbridge.format.Detection;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.Format;
import org.labelbridge.format.FormatDescriptor;
import org.labelbridge.format.Formats;
import org.labelbridge.model.AnnotationKind;

/**
 * functions/ is in sync with the format registry: every descriptor is valid against it, every
 * writable format is reachable through {@code auto-to-<to>}, no pair is missing from the
 * matrix, and the jar carries the same files. Plain JUnit: no Quarkus needed.
 */
class FunctionDescriptorsTest {

    private static final Path FUNCTIONS = Path.of("functions");
    private static final Path MEMORY_TABLE = Path.of("bench/lambda-memory.tsv");

    @Test
    void everyDescriptorIsValidAgainstTheRegistry() throws IOException {
        List<String> problems = new ArrayList<>();
        descriptors().forEach((file, d) -> problems.addAll(FunctionDescriptorRules.problems(file, d, Formats.all())));
        assertEquals(List.of(), problems);
    }

    @Test
    void everyWritableFormatHasAnAutoFunctionAndNoPairIsMissing() throws IOException {
        assertEquals(List.of(), FunctionDescriptorRules.coverage(descriptors().values(), Formats.all()));
    }

    @Test
    void memoryIsSizedFromTheMeasuredTable() throws IOException {
        // functions/README.md, memory_mb: bench/lambda_memory.sh measured each target's need.
        Map<String, Integer> needs = FunctionDescriptorRules.measuredNeeds(MEMORY_TABLE);
        Map<String, String> wrong = new TreeMap<>();
        descriptors().forEach((file, d) -> {
            Integer need = needs.get(d.to());
            if (need == null) {
                wrong.put(file, "no row for target '" + d.to() + "' in " + MEMORY_TABLE + ": run bench/lambda_memory.sh "
                        + d.to());
            } else if (d.memoryMb() != FunctionDescriptorRules.memoryFor(d.to(), need)) {
                wrong.put(file, "memory_mb " + d.memoryMb() + ", expected " + FunctionDescriptorRules.memoryFor(d.to(), need)
                        + " (measured need " + need + " MB)");
            }
        });
        assertEquals(Map.of(), wrong);
    }

    @Test
    void memoryIsTheMeasuredNeedWithHeadroomInLambdasStepsAndPaintingTargetsGetTwoVcpus() {
        assertEquals(1792, FunctionDescriptorRules.memoryFor("yolo", 128), "at least one full vCPU");
        assertEquals(3538, FunctionDescriptorRules.memoryFor("voc", 1024), "two full vCPUs to paint masks");
        assertEquals(2304, FunctionDescriptorRules.memoryFor("coco", 1536), "1536 x 1.5 = 2304, a 128 MB step");
        assertEquals(2432, FunctionDescriptorRules.memoryFor("coco", 1580), "1580 x 1.5 = 2370, up to the next step");
        assertEquals(4608, FunctionDescriptorRules.memoryFor("voc", 3072), "a painting target that needs more gets it");
    }

    @Test
    void theExposedSetIsTheAgreedMatrix() throws IOException {
        // functions/README.md: the core formats as a full matrix, and auto-to-<to> for every writable format.
        List<String> sources = List.of("coco", "cvat_images", "cvat_video", "datumaro", "voc", "yolo");
        List<String> targets = List.of("coco", "cvat_images", "datumaro", "voc", "yolo");
        Set<String> expected = new TreeSet<>();
        sources.forEach(s -> targets.stream().filter(t -> !t.equals(s)).forEach(t -> expected.add(s + "-to-" + t + ".json")));
        Formats.all().stream().filter(f -> f.descriptor().canWrite())
                .forEach(f -> expected.add("auto-to-" + f.id() + ".json"));
        assertEquals(expected, descriptors().keySet());
    }

    @Test
    void theJarCarriesTheSameDescriptors() throws IOException {
        for (Map.Entry<String, FunctionDescriptor> e : descriptors().entrySet()) {
            String name = e.getKey().substring(0, e.getKey().length() - ".json".length());
            assertEquals(e.getValue(), FunctionDescriptor.load(name), "classpath copy of " + e.getKey());
        }
    }

    // --- the rules themselves fail for real ----------------------------------------------

    /** A registry of three made-up formats, so these checks do not depend on what is merged. */
    private static final List<Format> REGISTRY = List.of(
            format("alpha", true, true), format("beta", true, true), format("readonly", true, false));

    @Test
    void rulesAcceptAGoodDescriptor() {
        assertEquals(List.of(), FunctionDescriptorRules.problems("alpha-to-beta.json",
                descriptor("alpha", "beta", Map.of("shapes_to_boxes", true)), REGISTRY));
        assertEquals(List.of(), FunctionDescriptorRules.problems("auto-to-beta.json",
                descriptor("auto", "beta", Map.of()), REGISTRY));
    }

    @Test
    void rulesNameEachBrokenDescriptor() {
        assertProblem("unknown source format 'gamma'", "gamma-to-beta.json", descriptor("gamma", "beta", Map.of()));
        assertProblem("unknown target format 'gamma'", "alpha-to-gamma.json", descriptor("alpha", "gamma", Map.of()));
        assertProblem("target format 'readonly' cannot be written", "alpha-to-readonly.json",
                descriptor("alpha", "readonly", Map.of()));
        assertProblem("converts alpha to itself", "alpha-to-alpha.json", descriptor("alpha", "alpha", Map.of()));
        assertProblem("file name does not match its pair, expected alpha-to-beta.json", "alpha-to-bet.json",
                descriptor("alpha", "beta", Map.of()));
        assertProblem("unknown option 'shapes_to_box'", "alpha-to-beta.json",
                descriptor("alpha", "beta", Map.of("shapes_to_box", true)));
        assertProblem("memory_mb must be 128..10240", "alpha-to-beta.json",
                new FunctionDescriptor("alpha", "beta", Map.of(), 64, 900, null));
        assertProblem("timeout_s must be 1..900", "alpha-to-beta.json",
                new FunctionDescriptor("alpha", "beta", Map.of(), 2048, 3600, null));
    }

    @Test
    void rulesNameMissingFunctions() {
        List<FunctionDescriptor> partial = List.of(descriptor("auto", "alpha", Map.of()), descriptor("beta", "alpha", Map.of()));
        List<String> problems = FunctionDescriptorRules.coverage(partial, REGISTRY);
        assertTrue(problems.contains("writable format 'beta' has no functions/auto-to-beta.json"), problems.toString());
        assertFalse(problems.stream().anyMatch(p -> p.contains("readonly")), "a read-only format needs no function");

        // readonly is a source and beta a target elsewhere, so readonly-to-beta belongs in the matrix.
        assertTrue(FunctionDescriptorRules.coverage(List.of(descriptor("auto", "alpha", Map.of()),
                        descriptor("auto", "beta", Map.of()), descriptor("alpha", "beta", Map.of()),
                        descriptor("readonly", "alpha", Map.of())), REGISTRY)
                .contains("missing functions/readonly-to-beta.json (readonly is a source and beta a target of other functions)"));
    }

    @Test
    void descriptorsAreStrictJson() {
        IOException unknownKey = assertThrows(IOException.class, () -> parse(
                "{\"from\":\"coco\",\"to\":\"yolo\",\"options\":{},\"memory_mb\":2048,\"timeout_s\":900,\"memory\":1}"));
        assertTrue(unknownKey.getMessage().contains("memory"), unknownKey.getMessage());
        assertThrows(IOException.class, () -> parse("{\"to\":\"yolo\",\"memory_mb\":2048,\"timeout_s\":900}"));
    }

    // --- helpers ----------------------------------------------------------------------------

    /** functions/*.json by file name. */
    static Map<String, FunctionDescriptor> descriptors() throws IOException {
        Map<String, FunctionDescriptor> all = new TreeMap<>();
        try (Stream<Path> files = Files.list(FUNCTIONS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    all.put(file.getFileName().toString(), FunctionDescriptor.parse(in, file.toString()));
                }
            }
        }
        assertFalse(all.isEmpty(), "no descriptors in " + FUNCTIONS.toAbsolutePath());
        return all;
    }

    private static void assertProblem(String expected, String fileName, FunctionDescriptor d) {
        List<String> problems = FunctionDescriptorRules.problems(fileName, d, REGISTRY);
        assertTrue(problems.stream().anyMatch(p -> p.contains(expected)), "expected '" + expected + "' in " + problems);
    }

    private static FunctionDescriptor descriptor(String from, String to, Map<String, Object> options) {
        return new FunctionDescriptor(from, to, options, 2048, 900, null);
    }

    private static FunctionDescriptor parse(String json) throws IOException {
        return FunctionDescriptor.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json");
    }

    private static Format format(String id, boolean read, boolean write) {
        FormatDescriptor descriptor = new FormatDescriptor(id, id, read, write, Set.of(AnnotationKind.BBOX), Set.of(), "");
        return new Format() {
            @Override
            public FormatDescriptor descriptor() {
                return descriptor;
            }

            @Override
            public Detection detect(DatasetSource source) {
                return Detection.NONE;
            }
        };
    }
}

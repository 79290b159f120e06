package org.labelbridge.function;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.labelbridge.convert.ConversionOptions;
import org.labelbridge.convert.ConversionRequest;
import org.labelbridge.format.Format;

/**
 * What "functions/ is in sync with the registry" means (see functions/README.md), as lists of
 * problems so that one run names every broken descriptor.
 */
final class FunctionDescriptorRules {

    private FunctionDescriptorRules() {
    }

    /** Targets whose zip output paints PNG masks on two threads. */
    static final Set<String> PAINTING = Set.of("voc", "segmentation_mask", "camvid", "cityscapes", "kitti", "mots",
            "icdar_segmentation");
    /** The measured need is multiplied by this: the CLI run lacks Quarkus, Funqy and the AWS SDK's classes. */
    static final double HEADROOM = 1.5;
    /** Lambda's memory, in 128 MB steps. */
    static final int STEP_MB = 128;
    /** One full vCPU (Lambda gives 1769 MB one), in 128 MB steps: reading, writing and uploading run at once. */
    static final int ONE_VCPU_MB = 1792;
    /** Two full vCPUs: the painting targets encode masks on two threads. */
    static final int TWO_VCPUS_MB = 3538;

    /**
     * A descriptor's memory: the measured need times {@link #HEADROOM}, up to Lambda's next 128 MB
     * step, and at least one full vCPU (two for the targets that paint masks).
     */
    static int memoryFor(String to, int measuredNeedMb) {
        int sized = (int) Math.ceil(measuredNeedMb * HEADROOM / STEP_MB) * STEP_MB;
        return Math.max(sized, PAINTING.contains(to) ? TWO_VCPUS_MB : ONE_VCPU_MB);
    }

    /**
     * The table {@code bench/lambda_memory.sh} writes ({@code target, input, min_memory_mb, ...},
     * tab-separated, a header line first): per target, the most any of its inputs needed.
     */
    static Map<String, Integer> measuredNeeds(Path table) throws IOException {
        Map<String, Integer> needs = new TreeMap<>();
        List<String> lines = Files.readAllLines(table);
        List<String> header = List.of(lines.get(0).split("\t"));
        int target = header.indexOf("target");
        int need = header.indexOf("min_memory_mb");
        if (target < 0 || need < 0) {
            throw new IOException(table + ": no target or min_memory_mb column in " + header);
        }
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) {
                String[] fields = line.split("\t");
                needs.merge(fields[target], Integer.parseInt(fields[need]), Math::max);
            }
        }
        return needs;
    }

    /** One descriptor against the registry: names, formats, options, Lambda limits. */
    static List<String> problems(String fileName, FunctionDescriptor d, List<Format> registry) {
        List<String> problems = new ArrayList<>();
        String expected = d.name() + ".json";
        if (!fileName.equals(expected)) {
            problems.add(fileName + ": file name does not match its pair, expected " + expected);
        }
        if (d.from().equals(d.to())) {
            problems.add(fileName + ": converts " + d.from() + " to itself");
        }
        if (!ConversionRequest.AUTO.equals(d.from())) {
            Format from = find(registry, d.from());
            if (from == null) {
                problems.add(fileName + ": unknown source format '" + d.from() + "'; known: " + ids(registry));
            } else if (!from.descriptor().canRead()) {
                problems.add(fileName + ": source format '" + d.from() + "' cannot be read");
            }
        }
        Format to = find(registry, d.to());
        if (to == null) {
            problems.add(fileName + ": unknown target format '" + d.to() + "'; known: " + ids(registry));
        } else if (!to.descriptor().canWrite()) {
            problems.add(fileName + ": target format '" + d.to() + "' cannot be written");
        }
        try {
            ConversionOptions.fromMap(d.options());
        } catch (IllegalArgumentException e) {
            problems.add(fileName + ": " + e.getMessage());
        }
        if (d.memoryMb() < 128 || d.memoryMb() > 10240) {
            problems.add(fileName + ": memory_mb must be 128..10240 (Lambda's range), got " + d.memoryMb());
        }
        if (d.timeoutS() < 1 || d.timeoutS() > 900) {
            problems.add(fileName + ": timeout_s must be 1..900 (Lambda's range), got " + d.timeoutS());
        }
        Integer storage = d.ephemeralStorageMb();
        if (storage != null && (storage < 512 || storage > 10240)) {
            problems.add(fileName + ": ephemeral_storage_mb must be 512..10240 (Lambda's range), got " + storage);
        }
        return problems;
    }

    /**
     * The set as a whole: every writable format of the registry has {@code auto-to-<to>}, and
     * the pairs form a full matrix over the formats they mention (every source named anywhere
     * to every target named anywhere, except to itself), so no pair is forgotten.
     */
    static List<String> coverage(Collection<FunctionDescriptor> descriptors, List<Format> registry) {
        Set<String> names = descriptors.stream().map(FunctionDescriptor::name).collect(Collectors.toSet());
        Set<String> froms = new TreeSet<>();
        Set<String> tos = new TreeSet<>();
        // The matrix is over named pairs only: a format reachable just through auto-to-<to> needs no pairs.
        descriptors.stream().filter(d -> !d.from().equals(ConversionRequest.AUTO)).forEach(d -> {
            froms.add(d.from());
            tos.add(d.to());
        });
        List<String> problems = new ArrayList<>();
        for (Format f : registry) {
            if (f.descriptor().canWrite() && !names.contains(FunctionNames.of(ConversionRequest.AUTO, f.id()))) {
                problems.add("writable format '" + f.id() + "' has no functions/auto-to-" + f.id() + ".json");
            }
        }
        for (String from : froms) {
            for (String to : tos) {
                if (!from.equals(to) && !names.contains(FunctionNames.of(from, to))) {
                    problems.add("missing functions/" + FunctionNames.of(from, to) + ".json (" + from
                            + " is a source and " + to + " a target of other functions)");
                }
            }
        }
        return problems;
    }

    private static Format find(List<Format> registry, String id) {
        return registry.stream().filter(f -> f.id().equals(id)).findFirst().orElse(null);
    }

    private static String ids(List<Format> registry) {
        return registry.isEmpty() ? "(none registered)" : registry.stream().map(Format::id).collect(Collectors.joining(", "));
    }
}

package org.labelbridge.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.labelbridge.convert.ConversionOptions;
import org.labelbridge.convert.ConversionRequest;
import org.labelbridge.convert.Converter;

/**
 * What statistics and validation add to a conversion, measured in one JVM: the same
 * conversion alternately with {@code statistics=true} and {@code false}, after warm-up runs,
 * timing wall clock, the whole process's CPU and the converting thread's CPU (where the
 * insight runs; the zip is written on other threads). Alternating and taking medians keeps a
 * loaded machine's noise out of the comparison, which fresh processes (bench/run.sh) cannot.
 *
 * <pre>java -cp target/test-classes:target/labelbridge-*-runner.jar org.labelbridge.bench.InsightOverhead IN FROM TO [RUNS]</pre>
 */
public final class InsightOverhead {

    private InsightOverhead() {
    }

    public static void main(String[] args) throws IOException {
        Path input = Path.of(args[0]);
        String from = args[1];
        String to = args[2];
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        Path out = Files.createTempDirectory("insight-overhead");
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        List<double[]> on = new ArrayList<>();
        List<double[]> off = new ArrayList<>();
        for (int run = -2; run < runs; run++) {
            for (boolean statistics : new boolean[] {true, false}) {
                Path zip = out.resolve("out.zip");
                Files.deleteIfExists(zip);
                long wall = System.nanoTime();
                long cpu = os.getProcessCpuTime();
                long thread = threads.getCurrentThreadCpuTime();
                Converter.convert(new ConversionRequest(input, from, to,
                        ConversionOptions.fromMap(Map.of("statistics", statistics)), zip));
                double[] t = {(System.nanoTime() - wall) / 1e9, (os.getProcessCpuTime() - cpu) / 1e9,
                        (threads.getCurrentThreadCpuTime() - thread) / 1e9};
                if (run >= 0) {
                    (statistics ? on : off).add(t);
                }
            }
        }
        Files.deleteIfExists(out.resolve("out.zip"));
        Files.delete(out);
        String[] names = {"wall", "process CPU", "converting thread CPU"};
        for (int i = 0; i < names.length; i++) {
            double with = median(on, i);
            double without = median(off, i);
            System.out.printf("%-22s with %.3f s, without %.3f s: %+.1f%% (medians of %d)%n", names[i], with, without,
                    100 * (with - without) / without, runs);
        }
    }

    private static double median(List<double[]> times, int index) {
        double[] values = times.stream().mapToDouble(t -> t[index]).sorted().toArray();
        return values.length % 2 == 1 ? values[values.length / 2]
                : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
    }
}

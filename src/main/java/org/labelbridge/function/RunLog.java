package org.labelbridge.function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.labelbridge.convert.ConversionListener;

/**
 * The function's log of its conversions: one JSON object per line on standard output, which
 * Lambda sends to CloudWatch Logs as one event each (so Logs Insights can query the fields,
 * and the Embedded Metric Format line becomes metrics). Per conversion: a line per stage
 * ({@code open}, {@code detect}, {@code convert}, {@code finish}, {@code upload}) with its
 * counts and duration, progress lines at most every {@link #progressIntervalMillis} while
 * items stream, then {@code converted} or {@code failed}, then one metrics line.
 */
final class RunLog {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrintStream out;
    private final Clock clock;
    private final long progressIntervalMillis;

    RunLog(PrintStream out, Clock clock, long progressIntervalMillis) {
        this.out = out;
        this.clock = clock;
        this.progressIntervalMillis = progressIntervalMillis;
    }

    static RunLog toStandardOutput() {
        return new RunLog(System.out, Clock.systemUTC(), 5_000);
    }

    /** A listener that logs the stages and progress of one job. */
    ConversionListener listener(ConversionJob job, String function) {
        return new ConversionListener() {
            @Override
            public void stage(String stage, long millis, Map<String, Object> counts) {
                Map<String, Object> line = start("INFO", "stage", job, function);
                line.put("stage", stage);
                line.put("duration_ms", millis);
                line.putAll(counts);
                write(line);
            }

            @Override
            public void progress(Progress progress) {
                Map<String, Object> line = start("INFO", "progress", job, function);
                line.put("items", progress.items());
                line.put("annotations", progress.annotations());
                if (progress.expectedItems() > 0) {
                    line.put("expected_items", progress.expectedItems());
                }
                line.put("elapsed_ms", progress.elapsedMillis());
                write(line);
            }

            @Override
            public long progressIntervalMillis() {
                return progressIntervalMillis;
            }
        };
    }

    void converted(ConversionJob job, String function, ConversionSummary summary) {
        Map<String, Object> line = start("INFO", "converted", job, function);
        line.put("output", summary.output());
        line.put("report", summary.report());
        line.put("detected", summary.detection().format());
        line.put("confidence", summary.detection().confidence());
        line.put("items_in", summary.itemsIn());
        line.put("items_out", summary.itemsOut());
        line.put("annotations_in", summary.annotationsIn());
        line.put("annotations_out", summary.annotationsOut());
        line.put("changes", summary.changes());
        line.put("duration_ms", summary.durationMs());
        write(line);
        write(EmbeddedMetrics.converted(clock.millis(), function, job, summary));
    }

    void failed(ConversionJob job, String function, String message, long millis) {
        Map<String, Object> line = start("ERROR", "failed", job, function);
        line.put("error", message);
        line.put("duration_ms", millis);
        write(line);
        write(EmbeddedMetrics.failed(clock.millis(), function, job, millis));
    }

    private Map<String, Object> start(String level, String event, ConversionJob job, String function) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("time", clock.instant().toString());
        line.put("level", level);
        line.put("event", event);
        line.put("function", function);
        line.put("input", job.input().toString());
        line.put("from", job.from());
        line.put("to", job.to());
        return line;
    }

    private void write(Map<String, Object> line) {
        String text;
        try {
            text = JSON.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            text = "{\"level\":\"ERROR\",\"event\":\"log\",\"error\":\"cannot write a log line as JSON\"}";
        }
        synchronized (out) {
            out.println(text);
            out.flush();
        }
    }
}

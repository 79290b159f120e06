package org.labelbridge.function;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One CloudWatch Embedded Metric Format object per conversion: a log line that CloudWatch
 * turns into metrics in the namespace {@value #NAMESPACE}, by function (the deployment's
 * {@code <from>-to-<to>}, or the pair a payload asked for). The other fields stay queryable
 * in Logs Insights. Metrics: {@code Conversions}, {@code Failures}, {@code Duration},
 * {@code ItemsIn}, {@code ItemsOut}, {@code AnnotationsIn}, {@code AnnotationsOut},
 * {@code BytesIn}, {@code BytesOut}, {@code DroppedAnnotations}, {@code DroppedItems}.
 */
final class EmbeddedMetrics {

    static final String NAMESPACE = "labelbridge";

    private EmbeddedMetrics() {
    }

    static Map<String, Object> converted(long timestamp, String function, ConversionJob job, ConversionSummary s) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("Conversions", 1);
        values.put("Failures", 0);
        values.put("Duration", s.durationMs());
        values.put("ItemsIn", s.itemsIn());
        values.put("ItemsOut", s.itemsOut());
        values.put("AnnotationsIn", s.annotationsIn());
        values.put("AnnotationsOut", s.annotationsOut());
        values.put("BytesIn", s.bytesIn());
        values.put("BytesOut", s.bytesOut());
        values.put("DroppedAnnotations", s.droppedAnnotations());
        values.put("DroppedItems", s.droppedItems());
        Map<String, Object> line = line(timestamp, dimension(function, job), values);
        line.put("input", job.input().toString());
        line.put("output", s.output());
        line.put("detected", s.detection().format());
        return line;
    }

    static Map<String, Object> failed(long timestamp, String function, ConversionJob job, long millis) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("Conversions", 1);
        values.put("Failures", 1);
        values.put("Duration", millis);
        Map<String, Object> line = line(timestamp, dimension(function, job), values);
        line.put("input", job.input().toString());
        return line;
    }

    private static String dimension(String function, ConversionJob job) {
        return function != null ? function : FunctionNames.of(job.from(), job.to());
    }

    private static Map<String, Object> line(long timestamp, String function, Map<String, Object> values) {
        List<Map<String, Object>> metrics = new ArrayList<>();
        for (String name : values.keySet()) {
            metrics.add(Map.of("Name", name, "Unit", unit(name)));
        }
        Map<String, Object> directive = new LinkedHashMap<>();
        directive.put("Namespace", NAMESPACE);
        directive.put("Dimensions", List.of(List.of("Function")));
        directive.put("Metrics", metrics);
        Map<String, Object> aws = new LinkedHashMap<>();
        aws.put("Timestamp", timestamp);
        aws.put("CloudWatchMetrics", List.of(directive));
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("_aws", aws);
        line.put("Function", function);
        line.putAll(values);
        return line;
    }

    private static String unit(String metric) {
        if (metric.equals("Duration")) {
            return "Milliseconds";
        }
        return metric.startsWith("Bytes") ? "Bytes" : "Count";
    }
}

package org.labelbridge.cli;

import static org.labelbridge.insight.ReportMaps.kinds;
import static org.labelbridge.insight.ReportMaps.list;
import static org.labelbridge.insight.ReportMaps.map;
import static org.labelbridge.insight.ReportMaps.number;
import static org.labelbridge.insight.ReportMaps.total;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/** The statistics section of a report as text for a terminal: tables and bar rows of '#'. */
final class StatisticsText {

    private static final int BAR = 30;

    private StatisticsText() {
    }

    static void print(Map<String, Object> statistics, PrintStream out) {
        out.println("subsets:");
        map(statistics.get("subsets")).forEach((name, v) -> {
            Map<String, Object> subset = map(v);
            out.printf("  %-20s %8s items  %8s without annotations  %s%n", name, subset.get("items"),
                    subset.get("items_without_annotations"), kinds(map(subset.get("annotations"))));
        });
        out.println("labels:");
        long max = 1;
        for (Object v : map(statistics.get("labels")).values()) {
            max = Math.max(max, total(map(map(v).get("annotations"))));
        }
        for (Map.Entry<String, Object> e : map(statistics.get("labels")).entrySet()) {
            Map<String, Object> label = map(e.getValue());
            long total = total(map(label.get("annotations")));
            out.printf("  %-20s %8d %-" + BAR + "s %s in %s items%n", e.getKey(), total, bar(total, max),
                    kinds(map(label.get("annotations"))), label.get("items"));
        }
        histogram("annotations per item", map(statistics.get("annotations_per_item")), out);
        Map<String, Object> boxes = map(statistics.get("boxes"));
        histogram("box width (px)", map(boxes.get("width")), out);
        histogram("box height (px)", map(boxes.get("height")), out);
        histogram("box area (px²)", map(boxes.get("area")), out);
        histogram("box aspect ratio (w/h)", map(boxes.get("aspect_ratio")), out);
        histogram("mask area (fraction of image)", map(statistics.get("mask_area_fraction")), out);
        Map<String, Object> images = map(statistics.get("images"));
        out.printf("image sizes: %s (%s items without a size)%n", images.get("sizes"), images.get("without_size"));
        Map<String, Object> attributes = map(statistics.get("attributes"));
        if (!attributes.isEmpty()) {
            out.println("attribute values:");
            attributes.forEach((name, values) -> out.printf("  %-20s %s%n", name, values));
        }
        Map<String, Object> tracks = map(statistics.get("tracks"));
        out.printf("tracks: %s%n", tracks.get("count"));
        if (tracks.get("count") instanceof Number n && n.longValue() > 0) {
            histogram("track length (visible frames)", map(tracks.get("visible_frames")), out);
        }
    }

    private static void histogram(String title, Map<String, Object> histogram, PrintStream out) {
        if (!(histogram.get("count") instanceof Number count) || count.longValue() == 0) {
            return;
        }
        out.printf("%s: %s values, min %s, mean %s, max %s%n", title, count, histogram.get("min"), histogram.get("mean"),
                histogram.get("max"));
        List<?> buckets = histogram.get("buckets") instanceof List<?> l ? l : List.of();
        long max = 1;
        for (Object b : buckets) {
            max = Math.max(max, number(map(b).get("count")));
        }
        for (Object b : buckets) {
            Map<String, Object> bucket = map(b);
            long n = number(bucket.get("count"));
            if (n == 0) {
                continue;
            }
            String range = bucket.get("from") == null ? "< " + bucket.get("to")
                    : bucket.get("to") == null ? ">= " + bucket.get("from") : bucket.get("from") + " - " + bucket.get("to");
            out.printf("  %20s %8d %s%n", range, n, bar(n, max));
        }
    }

    private static String bar(long value, long max) {
        int length = (int) Math.round(BAR * (double) value / Math.max(1, max));
        return "#".repeat(Math.max(value > 0 ? 1 : 0, length));
    }

}

package org.labelbridge.insight;

import static org.labelbridge.insight.ReportMaps.kinds;
import static org.labelbridge.insight.ReportMaps.list;
import static org.labelbridge.insight.ReportMaps.map;
import static org.labelbridge.insight.ReportMaps.number;
import static org.labelbridge.insight.ReportMaps.total;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report as one self-contained page ({@code <name>.report.html}): the conversion summary,
 * every drop and change, the validation findings, the statistics as tables and inline SVG bar
 * charts, and the preview embedded as a {@code data:} URI. No script, font or image is
 * fetched, so it opens the same from the S3 console or a local folder. It is written as
 * well-formed XHTML (sections {@code summary}, {@code changes}, {@code validation},
 * {@code statistics}, {@code preview}) from the report's JSON-ready map.
 */
public final class ReportPage {

    /** The sections, by id, in page order. */
    public static final List<String> SECTIONS = List.of("summary", "changes", "validation", "statistics", "preview");

    private static final String STYLE = """
            body{font:14px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:0;background:#f6f7f9;color:#1d2330}
            header{background:#1d2330;color:#fff;padding:18px 28px}header h1{margin:0;font-size:20px}
            header p{margin:4px 0 0;color:#b8c0cc}
            main{padding:8px 28px 40px;max-width:1180px}
            section{background:#fff;border:1px solid #dde1e7;border-radius:8px;padding:6px 20px 16px;margin:18px 0}
            h2{font-size:17px;border-bottom:1px solid #e6e9ee;padding-bottom:6px}h3{font-size:14px;margin:18px 0 6px}
            table{border-collapse:collapse;margin:6px 0 10px}td,th{padding:3px 10px;border-bottom:1px solid #eef0f3;
            text-align:left;vertical-align:top}th{background:#f0f2f5;font-weight:600}td.n{text-align:right;
            font-variant-numeric:tabular-nums}
            .sev{display:inline-block;border-radius:4px;padding:0 7px;font-size:12px;font-weight:600;color:#fff}
            .error{background:#d93f3f}.warning{background:#d98b1f}.info{background:#5b7fb5}.ok{color:#2e8540}
            .cards{display:flex;flex-wrap:wrap;gap:10px}.card{border:1px solid #dde1e7;border-radius:6px;padding:8px 14px;
            min-width:120px}.card b{display:block;font-size:20px}
            .charts{display:flex;flex-wrap:wrap;gap:8px 28px}.chart h3{margin-top:10px}
            ul.examples{margin:0;padding-left:18px;color:#4b5563;font-size:12.5px}
            img.preview{max-width:100%;border-radius:6px;border:1px solid #dde1e7}
            .swatch{display:inline-block;width:12px;height:12px;border-radius:2px;margin:0 5px -1px 12px}
            .muted{color:#6b7280}
            """;

    private final XhtmlWriter html;

    private ReportPage(XhtmlWriter html) {
        this.html = html;
    }

    /** Writes the page of {@code report} (a conversion's full report map) and its preview (may be null). */
    public static void write(Map<String, Object> report, PreviewSheet preview, OutputStream out) throws IOException {
        XhtmlWriter html = new XhtmlWriter(out);
        new ReportPage(html).page(report, preview);
        html.finish();
    }

    private void page(Map<String, Object> report, PreviewSheet preview) throws IOException {
        String title = "labelbridge: " + text(report.get("input"), "dataset") + " \u2192 " + text(report.get("to"), "?");
        html.open("html", "lang", "en").open("head");
        html.open("meta", "charset", "utf-8").end();
        html.open("meta", "name", "viewport", "content", "width=device-width, initial-scale=1").end();
        html.leaf("title", title);
        html.open("style").raw(STYLE).end();
        html.end().open("body");
        html.open("header").leaf("h1", title);
        html.leaf("p", "from " + text(report.get("from"), "?") + " to " + text(report.get("to"), "?")
                + (report.get("duration_ms") != null ? " in " + report.get("duration_ms") + " ms" : "")
                + (report.get("output") != null ? " \u2014 " + report.get("output") : ""));
        html.end().open("main");
        summary(report);
        changes(report);
        validation(map(report.get("validation")));
        statistics(map(report.get("statistics")));
        preview(preview);
        html.end().end().end();
    }

    // --- summary ---------------------------------------------------------------------------

    private void summary(Map<String, Object> report) throws IOException {
        section("summary", "Summary");
        Map<String, Object> items = map(report.get("items"));
        Map<String, Object> annotations = map(report.get("annotations"));
        html.open("div", "class", "cards");
        card("items in", items.get("in"));
        card("items out", items.get("out"));
        card("items dropped", items.get("dropped"));
        card("annotations in", annotations.get("total_in"));
        card("annotations out", annotations.get("total_out"));
        card("annotations dropped", annotations.get("dropped"));
        html.end();
        Map<String, Object> detection = map(report.get("detection"));
        table(List.of("", ""), List.of(
                List.of("source format", text(report.get("from"), "?") + (detection.isEmpty() ? ""
                        : " (detected with confidence " + detection.get("confidence") + ": " + text(detection.get("evidence"), "")
                        + ")")),
                List.of("target format", text(report.get("to"), "?")),
                List.of("input", text(report.get("input"), "")),
                List.of("output", text(report.get("output"), "") + (report.get("output_bytes") != null
                        ? " (" + report.get("output_bytes") + " bytes)" : "")),
                List.of("subsets written", text(items.get("subsets"), "")),
                List.of("options", text(report.get("options"), ""))), false);
        Map<String, Object> in = map(annotations.get("in"));
        Map<String, Object> out = map(annotations.get("out"));
        List<List<String>> rows = new ArrayList<>();
        for (String kind : union(in, out)) {
            rows.add(List.of(kind, text(in.get(kind), "0"), text(out.get(kind), "0")));
        }
        html.leaf("h3", "Annotations by kind");
        table(List.of("kind", "in", "out"), rows, true);
        html.end();
    }

    private void card(String name, Object value) throws IOException {
        html.open("div", "class", "card").leaf("b", text(value, "0")).text(name).end();
    }

    // --- drops and changes -------------------------------------------------------------------

    private void changes(Map<String, Object> report) throws IOException {
        section("changes", "Drops and changes");
        List<Object> changes = list(report.get("changes"));
        if (changes.isEmpty()) {
            html.leaf("p", "Nothing was dropped or changed: the conversion was lossless.", "class", "ok");
        } else {
            html.open("table").open("tr");
            for (String h : List.of("action", "kind", "count", "reason and examples")) {
                html.leaf("th", h);
            }
            html.end();
            for (Object o : changes) {
                Map<String, Object> change = map(o);
                html.open("tr").leaf("td", text(change.get("action"), "")).leaf("td", text(change.get("kind"), ""))
                        .leaf("td", text(change.get("count"), ""), "class", "n").open("td")
                        .text(text(change.get("reason"), ""));
                examples(list(change.get("examples")));
                html.end().end();
            }
            html.end();
        }
        Map<String, Object> problems = map(report.get("problems"));
        if (!problems.isEmpty()) {
            html.leaf("h3", "Content problems skipped: " + problems.get("count"));
            html.open("ul", "class", "examples");
            for (Object p : list(problems.get("listed"))) {
                html.leaf("li", text(p, ""));
            }
            html.end();
        }
        html.end();
    }

    // --- validation --------------------------------------------------------------------------

    private void validation(Map<String, Object> validation) throws IOException {
        section("validation", "Validation");
        if (validation.isEmpty()) {
            html.leaf("p", "Not run (option statistics=false).", "class", "muted").end();
            return;
        }
        List<Object> findings = list(validation.get("findings"));
        if (findings.isEmpty()) {
            html.leaf("p", "Every check passed.", "class", "ok");
        } else {
            html.open("table").open("tr");
            for (String h : List.of("severity", "check", "count", "what and where")) {
                html.leaf("th", h);
            }
            html.end();
            for (Object o : findings) {
                Map<String, Object> finding = map(o);
                String severity = text(finding.get("severity"), "info");
                html.open("tr").open("td").leaf("span", severity, "class", "sev " + severity).end()
                        .open("td").leaf("code", text(finding.get("id"), "")).end()
                        .leaf("td", text(finding.get("count"), ""), "class", "n")
                        .open("td").text(text(finding.get("description"), ""));
                examples(list(finding.get("examples")));
                html.end().end();
            }
            html.end();
        }
        Map<String, Object> notes = map(validation.get("notes"));
        if (!notes.isEmpty()) {
            html.open("ul", "class", "examples");
            for (Map.Entry<String, Object> note : notes.entrySet()) {
                html.leaf("li", note.getKey() + ": " + note.getValue());
            }
            html.end();
        }
        html.leaf("p", "thresholds: " + text(validation.get("thresholds"), ""), "class", "muted");
        html.end();
    }

    private void examples(List<Object> examples) throws IOException {
        if (!examples.isEmpty()) {
            html.open("ul", "class", "examples");
            for (Object e : examples) {
                html.leaf("li", text(e, ""));
            }
            html.end();
        }
    }

    // --- statistics --------------------------------------------------------------------------

    private void statistics(Map<String, Object> statistics) throws IOException {
        section("statistics", "Statistics");
        if (statistics.isEmpty()) {
            html.leaf("p", "Not counted (option statistics=false).", "class", "muted").end();
            return;
        }
        html.leaf("p", statistics.get("items") + " items written, " + statistics.get("items_without_annotations")
                + " without annotations.");
        html.leaf("h3", "Subsets");
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<String, Object> e : map(statistics.get("subsets")).entrySet()) {
            Map<String, Object> subset = map(e.getValue());
            rows.add(List.of(e.getKey(), text(subset.get("items"), "0"), text(subset.get("items_without_annotations"), "0"),
                    kinds(map(subset.get("annotations")))));
        }
        table(List.of("subset", "items", "without annotations", "annotations"), rows, true);
        labels(map(statistics.get("labels")));
        html.open("div", "class", "charts");
        chart("Annotations per item", map(statistics.get("annotations_per_item")), true);
        Map<String, Object> boxes = map(statistics.get("boxes"));
        chart("Box width (px)", map(boxes.get("width")), false);
        chart("Box height (px)", map(boxes.get("height")), false);
        chart("Box area (px\u00b2)", map(boxes.get("area")), false);
        chart("Box aspect ratio (w/h)", map(boxes.get("aspect_ratio")), false);
        chart("Mask area (fraction of image)", map(statistics.get("mask_area_fraction")), false);
        Map<String, Object> images = map(statistics.get("images"));
        chart("Image width (px)", map(images.get("width")), false);
        chart("Image height (px)", map(images.get("height")), false);
        Map<String, Object> tracks = map(statistics.get("tracks"));
        if (number(tracks.get("count")) > 0) {
            chart("Track length (visible frames)", map(tracks.get("visible_frames")), true);
        }
        html.end();
        html.leaf("h3", "Image sizes");
        countsTable("size", map(images.get("sizes")), "items");
        if (number(images.get("without_size")) > 0) {
            html.leaf("p", images.get("without_size") + " items without an image size.", "class", "muted");
        }
        html.leaf("p", "Tracks: " + text(tracks.get("count"), "0"));
        Map<String, Object> attributes = map(statistics.get("attributes"));
        if (!attributes.isEmpty()) {
            html.leaf("h3", "Attribute values");
            for (Map.Entry<String, Object> attribute : attributes.entrySet()) {
                if (attribute.getValue() instanceof Map<?, ?>) {
                    html.leaf("p", attribute.getKey(), "class", "muted");
                    countsTable("value", map(attribute.getValue()), "annotations");
                }
            }
        }
        html.end();
    }

    private void labels(Map<String, Object> labels) throws IOException {
        html.leaf("h3", "Labels");
        long max = 1;
        for (Object o : labels.values()) {
            max = Math.max(max, total(map(map(o).get("annotations"))));
        }
        html.open("table").open("tr");
        for (String h : List.of("label", "items", "annotations", "", "by kind")) {
            html.leaf("th", h);
        }
        html.end();
        for (Map.Entry<String, Object> e : labels.entrySet()) {
            Map<String, Object> label = map(e.getValue());
            Map<String, Object> kinds = map(label.get("annotations"));
            long total = total(kinds);
            html.open("tr").leaf("td", e.getKey()).leaf("td", text(label.get("items"), "0"), "class", "n")
                    .leaf("td", Long.toString(total), "class", "n").open("td");
            bar(total, max, 220);
            html.end().leaf("td", kinds(kinds)).end();
        }
        html.end();
    }

    /** A horizontal bar, {@code width} pixels for {@code max}. */
    private void bar(long value, long max, int width) throws IOException {
        int length = (int) Math.round(width * (double) value / Math.max(1, max));
        html.open("svg", "width", Integer.toString(width), "height", "12", "role", "img")
                .open("rect", "x", "0", "y", "1", "width", Integer.toString(width), "height", "10", "fill", "#eef0f3").end()
                .open("rect", "x", "0", "y", "1", "width", Integer.toString(Math.max(value > 0 ? 1 : 0, length)),
                        "height", "10", "fill", "#4f7cc9").end()
                .end();
    }

    /** A histogram as an SVG bar chart: one row per bucket, its range, its bar and its count. */
    private void chart(String title, Map<String, Object> histogram, boolean counts) throws IOException {
        if (histogram.isEmpty() || number(histogram.get("count")) == 0) {
            return;
        }
        List<Object> buckets = list(histogram.get("buckets"));
        int first = 0;
        int last = buckets.size() - 1;
        while (first < last && number(map(buckets.get(first)).get("count")) == 0) {
            first++;
        }
        while (last > first && number(map(buckets.get(last)).get("count")) == 0) {
            last--;
        }
        long max = 1;
        for (int i = first; i <= last; i++) {
            max = Math.max(max, number(map(buckets.get(i)).get("count")));
        }
        int rowHeight = 18;
        int labelWidth = 96;
        int barWidth = 220;
        int height = (last - first + 1) * rowHeight + 4;
        html.open("div", "class", "chart").leaf("h3", title);
        html.open("svg", "width", Integer.toString(labelWidth + barWidth + 70), "height", Integer.toString(height),
                "role", "img", "aria-label", title);
        for (int i = first; i <= last; i++) {
            Map<String, Object> bucket = map(buckets.get(i));
            long count = number(bucket.get("count"));
            int y = (i - first) * rowHeight + 2;
            int length = (int) Math.round(barWidth * (double) count / max);
            html.leaf("text", range(bucket, counts), "x", Integer.toString(labelWidth - 6), "y", Integer.toString(y + 12),
                    "text-anchor", "end", "font-size", "11", "fill", "#4b5563");
            html.open("rect", "x", Integer.toString(labelWidth), "y", Integer.toString(y), "width",
                    Integer.toString(Math.max(count > 0 ? 1 : 0, length)), "height", Integer.toString(rowHeight - 4),
                    "fill", "#4f7cc9").end();
            html.leaf("text", Long.toString(count), "x", Integer.toString(labelWidth + length + 4), "y",
                    Integer.toString(y + 12), "font-size", "11", "fill", "#1d2330");
        }
        html.end();
        html.leaf("p", "min " + text(histogram.get("min"), "") + ", mean " + text(histogram.get("mean"), "") + ", max "
                + text(histogram.get("max"), ""), "class", "muted");
        html.end();
    }

    /** A bucket's range; of {@code counts} (whole numbers from 0), the numbers it holds: 0, 1, 3–4, ≥ 100. */
    private static String range(Map<String, Object> bucket, boolean counts) {
        Object from = bucket.get("from");
        Object to = bucket.get("to");
        if (counts && to instanceof Number t) {
            long first = from instanceof Number f ? (long) Math.ceil(f.doubleValue()) : 0;
            long last = (long) Math.ceil(t.doubleValue()) - 1;
            return first == last ? Long.toString(first) : first + "\u2013" + last;
        }
        if (from == null) {
            return "< " + compact(to);
        }
        if (to == null) {
            return "\u2265 " + compact(from);
        }
        return compact(from) + "\u2013" + compact(to);
    }

    /** 16777216 as 16.8M, 0.125 as 0.125: bucket edges at a glance. */
    static String compact(Object value) {
        double v = value instanceof Number n ? n.doubleValue() : Double.NaN;
        if (Double.isNaN(v)) {
            return String.valueOf(value);
        }
        if (Math.abs(v) >= 1e6) {
            return trim(String.format(Locale.ROOT, "%.1f", v / 1e6)) + "M";
        }
        if (Math.abs(v) >= 1e4) {
            return trim(String.format(Locale.ROOT, "%.1f", v / 1e3)) + "k";
        }
        return trim(String.format(Locale.ROOT, "%.3f", v));
    }

    private static String trim(String number) {
        return number.contains(".") ? number.replaceAll("0+$", "").replaceAll("\\.$", "") : number;
    }

    private void countsTable(String what, Map<String, Object> counts, String unit) throws IOException {
        long max = 1;
        for (Object v : counts.values()) {
            max = Math.max(max, number(v));
        }
        html.open("table").open("tr").leaf("th", what).leaf("th", unit).leaf("th", "").end();
        for (Map.Entry<String, Object> e : counts.entrySet()) {
            html.open("tr").leaf("td", e.getKey()).leaf("td", text(e.getValue(), "0"), "class", "n").open("td");
            bar(number(e.getValue()), max, 160);
            html.end().end();
        }
        html.end();
    }

    // --- preview -----------------------------------------------------------------------------

    private void preview(PreviewSheet preview) throws IOException {
        section("preview", "Preview");
        if (preview == null) {
            html.leaf("p", "No preview was asked for (option preview=0).", "class", "muted");
        } else if (preview.error() != null) {
            html.leaf("p", "The preview could not be drawn: " + preview.error(), "class", "muted");
        } else {
            html.leaf("p", preview.items().size() + " items of the output, read back by labelbridge's own "
                    + "reader; '!' marks items the validation flagged.", "class", "muted");
            html.open("p");
            for (Map.Entry<String, String> e : preview.legend().entrySet()) {
                html.open("span", "class", "swatch", "style", "background:" + e.getValue()).end().text(e.getKey());
            }
            html.end();
            html.open("img", "class", "preview", "alt", "preview of " + preview.items().size() + " items", "width",
                    Integer.toString(preview.width()), "src",
                    "data:image/png;base64," + Base64.getEncoder().encodeToString(preview.png())).end();
        }
        html.end();
    }

    // --- common ------------------------------------------------------------------------------

    private void section(String id, String title) throws IOException {
        html.open("section", "id", id).leaf("h2", title);
    }

    private void table(List<String> headers, List<List<String>> rows, boolean numbers) throws IOException {
        html.open("table");
        if (headers.stream().anyMatch(h -> !h.isEmpty())) {
            html.open("tr");
            for (String h : headers) {
                html.leaf("th", h);
            }
            html.end();
        }
        for (List<String> row : rows) {
            html.open("tr");
            for (int i = 0; i < row.size(); i++) {
                html.leaf(i == 0 ? "th" : "td", row.get(i), "class", numbers && i > 0 && isNumber(row.get(i)) ? "n" : null);
            }
            html.end();
        }
        html.end();
    }

    private static boolean isNumber(String text) {
        return !text.isEmpty() && text.chars().allMatch(Character::isDigit);
    }

    private static List<String> union(Map<String, Object> a, Map<String, Object> b) {
        List<String> keys = new ArrayList<>(a.keySet());
        b.keySet().stream().filter(k -> !keys.contains(k)).forEach(keys::add);
        return keys;
    }

    private static String text(Object value, String none) {
        return value == null ? none : String.valueOf(value);
    }
}

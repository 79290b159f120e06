package org.labelbridge.convert;

import java.util.LinkedHashMap;
import java.util.Map;
import org.labelbridge.insight.DatasetInsight;
import org.labelbridge.insight.PreviewSheet;

/**
 * What a conversion did: the source format as detected, the target, the report, and the
 * statistics and validation of the items written ({@code insight}; null when option
 * {@code statistics} was off), and the preview drawn from the output (null when option
 * {@code preview} was 0).
 */
public record ConversionResult(DetectedSource source, String to, ConversionReport report,
                               ConversionOptions options, long millis, DatasetInsight insight,
                               PreviewSheet preview) {

    /** The full report as a JSON-ready map (what the CLI and the function write). */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("from", source.format().id());
        map.put("to", to);
        Map<String, Object> detection = new LinkedHashMap<>();
        detection.put("format", source.format().id());
        detection.put("confidence", source.detection().confidence());
        detection.put("evidence", source.detection().evidence());
        detection.put("root", source.rootPath());
        detection.put("candidates", source.candidates().stream()
                .filter(c -> c.confidence() > 0)
                .map(c -> Map.of("format", c.format(), "confidence", c.confidence(), "evidence", c.evidence()))
                .toList());
        map.put("detection", detection);
        map.put("options", options.toMap());
        map.putAll(report.toMap());
        if (insight != null) {
            map.put("statistics", insight.statistics().toMap());
            map.put("validation", insight.validation().toMap());
        }
        if (preview != null) {
            map.put("preview", preview.toMap());
        }
        map.put("duration_ms", millis);
        return map;
    }
}

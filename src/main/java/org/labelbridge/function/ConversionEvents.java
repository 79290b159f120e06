package org.labelbridge.function;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Tells the training side: after each conversion, one EventBridge event on the configured bus
 * ({@code source} {@value #SOURCE}, {@code detail-type} {@value #CONVERTED} or {@value #FAILED})
 * with the input, output and report URIs, the pair and the counts of the function's result.
 * {@link #NONE} (the default, {@code LABELBRIDGE_EVENTS_BUS=none}) sends nothing and builds
 * nothing, so a deployment without events pays nothing. An event that cannot be put (after the
 * call's own retries) is logged as an error; the conversion it describes stays written.
 */
public final class ConversionEvents {

    public static final String SOURCE = "labelbridge";
    public static final String CONVERTED = "Dataset converted";
    public static final String FAILED = "Conversion failed";

    private static final Logger LOG = Logger.getLogger(ConversionEvents.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Sends nothing. */
    public static final ConversionEvents NONE = new ConversionEvents(null, null);

    private final AwsJsonApi eventBridge;
    private final String bus;

    /** @param bus the event bus name or ARN ({@code default} for the account's default bus) */
    public ConversionEvents(AwsJsonApi eventBridge, String bus) {
        this.eventBridge = eventBridge;
        this.bus = bus;
    }

    /** Whether a setting of {@code LABELBRIDGE_EVENTS_BUS} turns events off. */
    public static boolean disabled(String bus) {
        return bus == null || bus.isBlank() || bus.equals("none");
    }

    void converted(ConversionJob job, String function, ConversionSummary s) {
        if (eventBridge == null) {
            return;
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("status", "converted");
        detail.put("function", function);
        detail.put("input", s.input());
        detail.put("output", s.output());
        detail.put("report", s.report());
        detail.put("pair", pair(s.from(), s.to(), job.from()));
        detail.put("detection", Map.of("format", s.detection().format(), "confidence", s.detection().confidence()));
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("items_in", s.itemsIn());
        counts.put("items_out", s.itemsOut());
        counts.put("annotations_in", s.annotationsIn());
        counts.put("annotations_out", s.annotationsOut());
        counts.put("dropped_items", s.droppedItems());
        counts.put("dropped_annotations", s.droppedAnnotations());
        counts.put("changes", s.changes());
        detail.put("counts", counts);
        detail.put("lossy", s.lossy());
        detail.put("bytes_in", s.bytesIn());
        detail.put("bytes_out", s.bytesOut());
        detail.put("duration_ms", s.durationMs());
        put(CONVERTED, detail, job);
    }

    void failed(ConversionJob job, String function, String message, boolean retryable) {
        if (eventBridge == null) {
            return;
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("status", "failed");
        detail.put("function", function);
        detail.put("input", job.input().toString());
        detail.put("output", null);
        detail.put("report", job.errorReport().toString());
        detail.put("pair", pair(job.from(), job.to(), job.from()));
        detail.put("error", message);
        detail.put("retryable", retryable);
        put(FAILED, detail, job);
    }

    private static Map<String, Object> pair(String from, String to, String requested) {
        Map<String, Object> pair = new LinkedHashMap<>();
        pair.put("from", from);
        pair.put("to", to);
        pair.put("requested_from", requested);
        return pair;
    }

    private void put(String detailType, Map<String, Object> detail, ConversionJob job) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("Source", SOURCE);
        entry.put("DetailType", detailType);
        entry.put("EventBusName", bus);
        try {
            entry.put("Detail", JSON.writeValueAsString(detail));
            var answer = eventBridge.call("PutEvents", Map.of("Entries", List.of(entry)));
            if (answer.path("FailedEntryCount").asInt(0) > 0) {
                var failed = answer.path("Entries").path(0);
                throw new IOException("EventBridge refused the event: " + failed.path("ErrorCode").asText() + " "
                        + failed.path("ErrorMessage").asText());
            }
        } catch (IOException | RuntimeException e) {
            LOG.errorf("could not put the '%s' event for %s on the event bus %s: %s", detailType, job.input(), bus,
                    e.getMessage());
        }
    }
}

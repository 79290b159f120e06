package org.labelbridge.function.cvat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * One webhook delivery, without Quarkus: the signature over the raw body first (401 without or
 * with a wrong one, and nothing else is done), then the payload (400 when it is not a CVAT
 * event), then the {@link ExportTrigger}; an export is claimed in the {@link ExportLedger}
 * (a replay answers 200 {@code duplicate}), started in CVAT, and followed for at most
 * {@code wait}: 200 {@code exported} when CVAT finished, 202 {@code exporting} when it is still
 * at work (the S3 trigger converts it when it lands), 502 when CVAT refused or failed, or runs
 * the same export already (the claim is released, and CVAT retries a 5xx delivery). Every
 * answer's body says why.
 */
public final class CvatWebhook {

    /** Where the export markers go in the input bucket (Terraform grants exactly this prefix). */
    public static final String MARKER_PREFIX = ExportLedger.PREFIX;

    private static final Logger LOG = Logger.getLogger(CvatWebhook.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param format         CVAT's export format name ({@code CVAT for images 1.1}, ...)
     * @param target         the labelbridge target format: exports go under {@code auto-to-<target>/}
     * @param cloudStorageId the id of the input bucket attached in CVAT as cloud storage
     * @param bucket         the input bucket (its markers; CVAT writes the export there)
     * @param followFor      how long to follow an export before answering 202
     * @param poll           the pause between two status requests
     */
    public record Settings(String format, boolean saveImages, String target, long cloudStorageId, ExportTrigger trigger,
                           String bucket, Optional<String> organization, Duration followFor, Duration poll) {

        /** Where exports go: the {@code auto-to-<target>/} prefix. */
        String prefix() {
            return "auto-to-" + target + "/";
        }
    }

    /** Where the CVAT URL, token and webhook secret come from. */
    interface Credentials {
        CvatCredentials get() throws IOException;
    }

    private final Settings settings;
    private final Credentials credentials;
    private final ExportLedger ledger;

    CvatWebhook(Settings settings, Credentials credentials, ExportLedger ledger) {
        this.settings = settings;
        this.credentials = credentials;
        this.ledger = ledger;
    }

    public FunctionUrlResponse handle(FunctionUrlRequest request) {
        if (request.method().isPresent() && !request.method().get().equals("POST")) {
            return answer(405, "refused", "CVAT delivers webhooks with POST, got " + request.method().get());
        }
        CvatCredentials cvat;
        try {
            cvat = credentials.get();
        } catch (IOException | RuntimeException e) {
            LOG.errorf("cannot read the CVAT secret: %s", e.getMessage());
            return answer(500, "misconfigured", "cannot read the CVAT secret: " + e.getMessage());
        }
        byte[] body = request.rawBody();
        Optional<String> signature = request.header(WebhookSignature.HEADER);
        if (signature.isEmpty()) {
            return answer(401, "unauthorized", "no " + WebhookSignature.HEADER + " header: give the webhook a secret in CVAT");
        }
        if (!WebhookSignature.matches(cvat.webhookSecret().getBytes(StandardCharsets.UTF_8), body, signature.get())) {
            return answer(401, "unauthorized", WebhookSignature.HEADER + " does not match the body under the webhook secret");
        }
        JsonNode payload;
        try {
            payload = JSON.readTree(body);
        } catch (IOException e) {
            return answer(400, "bad_request", "the body is not JSON: " + e.getMessage());
        }
        if (payload == null || !payload.isObject() || !payload.path("event").isTextual()) {
            return answer(400, "bad_request", "the body is not a CVAT webhook event (no 'event' field)");
        }
        if (payload.get("event").asText().equals("ping")) {
            return answer(200, "pong", "webhook " + payload.path("webhook").path("id").asText("?") + " reaches labelbridge");
        }
        CvatApi api = new CvatApi(cvat, settings.organization());
        try {
            ExportTrigger.Decision decision = settings.trigger().decide(payload, api);
            if (decision instanceof ExportTrigger.Ignore ignore) {
                return answer(200, "ignored", ignore.reason());
            }
            return export((ExportTrigger.Export) decision, payload, api);
        } catch (IOException e) {
            LOG.errorf("CVAT event %s: %s", payload.get("event").asText(), e.getMessage());
            return answer(502, "cvat_unavailable", e.getMessage());
        } catch (SdkException e) {
            LOG.errorf("CVAT event %s: the export marker in s3://%s/%s: %s", payload.get("event").asText(),
                    settings.bucket(), MARKER_PREFIX, e.getMessage());
            return answer(502, "storage_unavailable", "cannot claim the export in s3://" + settings.bucket() + "/"
                    + MARKER_PREFIX + ": " + e.getMessage());
        }
    }

    private FunctionUrlResponse export(ExportTrigger.Export export, JsonNode payload, CvatApi api) throws IOException {
        String name = (export.kind().equals("tasks") ? "task-" : "project-") + export.id() + "-"
                + export.updated().replaceAll("[^0-9A-Za-z]", "");
        String key = settings.prefix() + "cvat/" + name + ".zip";
        String output = "s3://" + settings.bucket() + "/" + key;
        Map<String, Object> marker = new LinkedHashMap<>();
        marker.put("event", payload.get("event").asText());
        marker.put("webhook_id", payload.path("webhook_id").asText(""));
        marker.put("export", export.kind() + "/" + export.id());
        marker.put("updated_date", export.updated());
        marker.put("format", settings.format());
        marker.put("output", output);
        if (!ledger.claim(name, JSON.writeValueAsString(marker))) {
            return answer(200, "duplicate", "already exported to " + output + " for this update", Map.of("output", output));
        }
        String rqId;
        try {
            rqId = api.startExport(new CvatApi.Export(export.kind(), export.id(), settings.format(), key,
                    settings.cloudStorageId(), settings.saveImages()));
        } catch (CvatApi.ExportBusyException e) {
            release(name);
            return answer(502, "export_busy", e.getMessage(), Map.of("output", output));
        } catch (IOException | RuntimeException e) {
            release(name);
            throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
        }
        long deadline = System.nanoTime() + settings.followFor().toNanos();
        CvatApi.RequestStatus status = null;
        do {
            try {
                status = api.status(rqId);
            } catch (IOException e) {
                // The export runs in CVAT whether or not its status can be read: keep the claim.
                LOG.warnf("export %s of %s started, status unknown: %s", rqId, output, e.getMessage());
                return answer(202, "exporting", "export started, its status is not readable: " + e.getMessage(),
                        Map.of("output", output, "rq_id", rqId));
            }
            if (status.finished()) {
                LOG.infof("CVAT exported %s/%d to %s (%s)", export.kind(), export.id(), output, rqId);
                return answer(200, "exported", "CVAT exported " + export.kind() + "/" + export.id() + " to " + output,
                        Map.of("output", output, "rq_id", rqId));
            }
            if (status.failed()) {
                release(name);
                return answer(502, "export_failed", "CVAT's export " + rqId + " failed: " + status.message(),
                        Map.of("output", output, "rq_id", rqId));
            }
            pause();
        } while (System.nanoTime() < deadline);
        return answer(202, "exporting", "CVAT is exporting (" + status.status() + "); it lands at " + output,
                Map.of("output", output, "rq_id", rqId));
    }

    /** Gives the export back for CVAT's retry; a marker that cannot be deleted is logged (the export then waits for a new update). */
    private void release(String name) {
        try {
            ledger.release(name);
        } catch (SdkException e) {
            LOG.errorf("cannot release the export marker %s: %s", ExportLedger.markerKey(name), e.getMessage());
        }
    }

    private void pause() throws IOException {
        try {
            Thread.sleep(settings.poll().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while following the export", e);
        }
    }

    private static FunctionUrlResponse answer(int status, String what, String message) {
        return answer(status, what, message, Map.of());
    }

    private static FunctionUrlResponse answer(int status, String what, String message, Map<String, String> more) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", what);
        body.put("message", message);
        body.putAll(more);
        return FunctionUrlResponse.json(status, body);
    }
}

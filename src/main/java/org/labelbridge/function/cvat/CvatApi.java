package org.labelbridge.function.cvat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The few CVAT REST calls the webhook makes (CVAT 2.x, {@code /api}): start a dataset export to
 * cloud storage, follow its request, read a task and list its jobs. Every error names the call
 * and CVAT's answer.
 */
final class CvatApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final String authorization;
    private final Optional<String> organization;
    private final HttpClient http;

    CvatApi(CvatCredentials credentials, Optional<String> organization) {
        this.base = credentials.url();
        this.authorization = credentials.authorization();
        this.organization = organization.filter(s -> !s.isBlank());
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** A CVAT call that did not answer as expected. */
    static class CvatCallException extends IOException {
        CvatCallException(String message) {
            super(message);
        }
    }

    /** CVAT runs the same export already (409). */
    static final class ExportBusyException extends CvatCallException {
        ExportBusyException(String message) {
            super(message);
        }
    }

    /** An export to start: {@code kind} is {@code tasks} or {@code projects}. */
    record Export(String kind, long id, String format, String filename, long cloudStorageId, boolean saveImages) {
    }

    /** A request's state: {@code queued}, {@code started}, {@code finished} or {@code failed}. */
    record RequestStatus(String status, String message) {
        boolean finished() {
            return status.equals("finished");
        }

        boolean failed() {
            return status.equals("failed");
        }
    }

    /**
     * {@code POST /api/<kind>/<id>/dataset/export}: answers the request id (rq_id) of the export
     * it started; an {@link ExportBusyException} when the same export is already running (409).
     */
    String startExport(Export export) throws IOException {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("format", export.format());
        query.put("filename", export.filename());
        query.put("location", "cloud_storage");
        query.put("cloud_storage_id", Long.toString(export.cloudStorageId()));
        query.put("save_images", Boolean.toString(export.saveImages()));
        String path = "/api/" + export.kind() + "/" + export.id() + "/dataset/export";
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path, query))
                .POST(HttpRequest.BodyPublishers.noBody()), path);
        JsonNode body = readJson(response.body());
        String rqId = body.path("rq_id").asText("");
        if (response.statusCode() == 202 && !rqId.isEmpty()) {
            return rqId;
        }
        if (response.statusCode() == 409) {
            // One export per task, format and user runs at a time; the running one may be of an
            // earlier update, under another file name: this one must be asked again later.
            throw new ExportBusyException("CVAT is already exporting " + export.kind() + "/" + export.id() + " as '"
                    + export.format() + "'" + (rqId.isEmpty() ? "" : " (" + rqId + ")") + "; this export must be asked"
                    + " again when it has finished");
        }
        throw new CvatCallException("CVAT POST " + path + " (format '" + export.format() + "') answered "
                + response.statusCode() + ": " + excerpt(response.body()));
    }

    /** {@code GET /api/requests/<rq_id>}. */
    RequestStatus status(String rqId) throws IOException {
        String path = "/api/requests/" + URLEncoder.encode(rqId, StandardCharsets.UTF_8);
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path, Map.of())).GET(), path);
        JsonNode body = readJson(response.body());
        if (response.statusCode() != 200 || !body.path("status").isTextual()) {
            throw new CvatCallException("CVAT GET " + path + " answered " + response.statusCode() + ": "
                    + excerpt(response.body()));
        }
        return new RequestStatus(body.get("status").asText(), body.path("message").asText(""));
    }

    /** {@code GET /api/tasks/<id>}. */
    JsonNode task(long id) throws IOException {
        String path = "/api/tasks/" + id;
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path, Map.of())).GET(), path);
        if (response.statusCode() != 200) {
            throw new CvatCallException("CVAT GET " + path + " answered " + response.statusCode() + ": "
                    + excerpt(response.body()));
        }
        return readJson(response.body());
    }

    /** {@code GET /api/jobs?task_id=<id>}, every page. */
    List<JsonNode> jobsOf(long taskId) throws IOException {
        List<JsonNode> jobs = new ArrayList<>();
        for (int page = 1; ; page++) {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("task_id", Long.toString(taskId));
            query.put("page_size", "100");
            query.put("page", Integer.toString(page));
            HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/jobs", query)).GET(), "/api/jobs");
            JsonNode body = readJson(response.body());
            if (response.statusCode() != 200 || !body.path("results").isArray()) {
                throw new CvatCallException("CVAT GET /api/jobs?task_id=" + taskId + " answered " + response.statusCode()
                        + ": " + excerpt(response.body()));
            }
            body.get("results").forEach(jobs::add);
            if (body.path("next").isNull() || body.path("next").asText("").isEmpty() || body.get("results").isEmpty()) {
                return jobs;
            }
        }
    }

    private URI uri(String path, Map<String, String> query) {
        String q = query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return URI.create(base + path + (q.isEmpty() ? "" : "?" + q));
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String path) throws IOException {
        request.header("Authorization", authorization).header("Accept", "application/json")
                .timeout(Duration.ofSeconds(20));
        organization.ifPresent(org -> request.header("X-Organization", org));
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("CVAT " + path + ": interrupted", e);
        } catch (IOException e) {
            throw new IOException("CVAT at " + base + " did not answer " + path + ": " + e.getMessage(), e);
        }
    }

    private static JsonNode readJson(String body) {
        try {
            return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    private static String excerpt(String body) {
        String text = body == null ? "" : body.strip();
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}

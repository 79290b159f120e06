package org.labelbridge.function.cvat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CVAT's REST API on loopback, as much as the webhook uses of it (CVAT 2.x): the dataset export
 * ({@code POST /api/<tasks|projects>/<id>/dataset/export}, 202 with an rq_id, or 409 while the
 * same export runs), its request ({@code GET /api/requests/<rq_id>}: the statuses a test lines up,
 * e.g. queued, started, finished), a task and its jobs. Requests without the expected
 * {@code Authorization} get 401, as CVAT answers them. When a request turns {@code finished}, the
 * export is handed to {@link #onExportFinished} (a test uploads the dataset, as CVAT does to its
 * cloud storage).
 */
final class FakeCvat implements AutoCloseable {

    static final String TOKEN = "pat-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern EXPORT = Pattern.compile("/api/(tasks|projects)/(\\d+)/dataset/export");

    /** One request CVAT received. */
    record Request(String method, String path, Map<String, String> query, String authorization, String organization) {
    }

    private final HttpServer server;
    private final List<Request> requests = new ArrayList<>();
    private final Deque<String> statuses = new ArrayDeque<>();
    private final Map<Long, ObjectNode> tasks = new LinkedHashMap<>();
    private final Map<Long, List<ObjectNode>> jobs = new LinkedHashMap<>();
    private int exportStatus = 202;
    private String failureMessage = "";
    private Request lastExport;
    private Consumer<Request> onExportFinished = r -> { };

    private FakeCvat(HttpServer server) {
        this.server = server;
    }

    static FakeCvat start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        FakeCvat cvat = new FakeCvat(server);
        server.createContext("/", cvat::handle);
        server.start();
        return cvat;
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The statuses {@code GET /api/requests/<id>} answers, one per call; the last one stays. */
    synchronized FakeCvat statuses(String... sequence) {
        statuses.clear();
        statuses.addAll(List.of(sequence));
        return this;
    }

    synchronized FakeCvat failingWith(String message) {
        failureMessage = message;
        return statuses("started", "failed");
    }

    /** The export answers 409 with the running request's id (CVAT: "Exporting is already in progress"). */
    synchronized FakeCvat exportAlreadyRunning() {
        exportStatus = 409;
        return this;
    }

    synchronized FakeCvat exportAccepted() {
        exportStatus = 202;
        return this;
    }

    synchronized FakeCvat onExportFinished(Consumer<Request> upload) {
        onExportFinished = upload;
        return this;
    }

    synchronized FakeCvat task(long id, Long projectId, String updatedDate, String... jobStates) {
        ObjectNode task = JSON.createObjectNode().put("id", id).put("name", "task " + id)
                .put("updated_date", updatedDate);
        if (projectId == null) {
            task.putNull("project_id");
        } else {
            task.put("project_id", projectId);
        }
        tasks.put(id, task);
        List<ObjectNode> list = new ArrayList<>();
        for (int i = 0; i < jobStates.length; i++) {
            list.add(JSON.createObjectNode().put("id", id * 10 + i).put("task_id", id).put("state", jobStates[i])
                    .put("stage", jobStates[i].equals("completed") ? "acceptance" : "annotation"));
        }
        jobs.put(id, list);
        return this;
    }

    synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    synchronized List<Request> exports() {
        return requests.stream().filter(r -> r.method().equals("POST")).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI uri = exchange.getRequestURI();
            Map<String, String> query = new LinkedHashMap<>();
            if (uri.getRawQuery() != null) {
                for (String pair : uri.getRawQuery().split("&")) {
                    String[] kv = pair.split("=", 2);
                    query.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                            kv.length < 2 ? "" : URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
                }
            }
            String path = uri.getRawPath();
            Request request = new Request(exchange.getRequestMethod(), path, query,
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("X-Organization"));
            synchronized (this) {
                requests.add(request);
            }
            if (!("Bearer " + TOKEN).equals(request.authorization())) {
                reply(exchange, 401, "{\"detail\":\"Authentication credentials were not provided.\"}");
                return;
            }
            Matcher export = EXPORT.matcher(path);
            if (request.method().equals("POST") && export.matches()) {
                exportRequested(exchange, request, export);
            } else if (request.method().equals("GET") && path.startsWith("/api/requests/")) {
                requestStatus(exchange, URLDecoder.decode(path.substring("/api/requests/".length()), StandardCharsets.UTF_8));
            } else if (request.method().equals("GET") && path.matches("/api/tasks/\\d+")) {
                ObjectNode task = tasks.get(Long.parseLong(path.substring("/api/tasks/".length())));
                reply(exchange, task == null ? 404 : 200, task == null ? "{\"detail\":\"Not found.\"}" : task.toString());
            } else if (request.method().equals("GET") && path.equals("/api/jobs")) {
                List<ObjectNode> list = jobs.getOrDefault(Long.parseLong(query.get("task_id")), List.of());
                ArrayNode results = JSON.createArrayNode();
                list.forEach(results::add);
                ObjectNode page = JSON.createObjectNode().put("count", list.size());
                page.putNull("next");
                page.putNull("previous");
                page.set("results", results);
                reply(exchange, 200, page.toString());
            } else {
                reply(exchange, 404, "{\"detail\":\"Not found.\"}");
            }
        }
    }

    private synchronized void exportRequested(HttpExchange exchange, Request request, Matcher export) throws IOException {
        lastExport = request;
        String rqId = "action=export&target=" + export.group(1).replaceAll("s$", "") + "&target_id=" + export.group(2)
                + "&sub_resource=dataset&format=" + request.query().get("format") + "&user_id=1";
        reply(exchange, exportStatus, JSON.createObjectNode().put("rq_id", rqId).toString());
    }

    private void requestStatus(HttpExchange exchange, String rqId) throws IOException {
        String status;
        Request export;
        Consumer<Request> upload;
        synchronized (this) {
            status = statuses.size() > 1 ? statuses.poll() : statuses.peek();
            export = lastExport;
            upload = onExportFinished;
        }
        if (status == null || export == null) {
            reply(exchange, 404, "{\"detail\":\"Not found.\"}");
            return;
        }
        if (status.equals("finished")) {
            upload.accept(export);
            onExportFinished(r -> { });
        }
        ObjectNode body = JSON.createObjectNode().put("status", status).put("id", rqId)
                .put("message", status.equals("failed") ? failureMessage : "");
        body.putNull("result_url");
        reply(exchange, 200, body.toString());
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

package org.labelbridge.function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * An AWS JSON 1.1 endpoint on loopback (EventBridge, Secrets Manager, SSM as the functions call
 * them): records every request (its {@code X-Amz-Target}, headers and JSON body) and answers by
 * target; {@code AWSEvents.PutEvents} is accepted unless told otherwise.
 */
public final class FakeAwsJsonEndpoint implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request: its target, its headers (names lower-cased) and its body. */
    public record Call(String target, Map<String, String> headers, JsonNode body) {

        /** The only entry of a {@code PutEvents} call, with its {@code Detail} parsed in place of the text. */
        public JsonNode singleEvent() {
            JsonNode entries = body.path("Entries");
            if (entries.size() != 1) {
                throw new AssertionError("expected one PutEvents entry, got " + entries);
            }
            com.fasterxml.jackson.databind.node.ObjectNode entry = entries.get(0).deepCopy();
            try {
                entry.set("Detail", JSON.readTree(entry.path("Detail").asText()));
            } catch (IOException e) {
                throw new AssertionError("Detail is not JSON: " + entry, e);
            }
            return entry;
        }
    }

    /** An answer: the status and the JSON text. */
    public record Answer(int status, String json) {
    }

    private final HttpServer server;
    private final List<Call> calls = new ArrayList<>();
    private final Map<String, Function<JsonNode, Answer>> answers = new ConcurrentHashMap<>();

    private FakeAwsJsonEndpoint(HttpServer server) {
        this.server = server;
        answers.put("AWSEvents.PutEvents", body -> new Answer(200,
                "{\"FailedEntryCount\":0,\"Entries\":[{\"EventId\":\"11710aed-b79e-4468-a20b-bb3c0c3b4860\"}]}"));
    }

    public static FakeAwsJsonEndpoint start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            FakeAwsJsonEndpoint endpoint = new FakeAwsJsonEndpoint(server);
            server.createContext("/", endpoint::handle);
            server.start();
            return endpoint;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the loopback AWS endpoint", e);
        }
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Answers requests for {@code target} (e.g. {@code secretsmanager.GetSecretValue}) with this. */
    public FakeAwsJsonEndpoint answer(String target, Function<JsonNode, Answer> answer) {
        answers.put(target, answer);
        return this;
    }

    public synchronized List<Call> calls(String target) {
        return calls.stream().filter(c -> c.target().equals(target)).toList();
    }

    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), String.join(",", v)));
            String target = headers.getOrDefault("x-amz-target", "");
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            synchronized (this) {
                calls.add(new Call(target, headers, body));
            }
            Function<JsonNode, Answer> answer = answers.get(target);
            Answer a = answer == null ? new Answer(400, "{\"__type\":\"UnknownOperationException\"}") : answer.apply(body);
            byte[] bytes = a.json().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
            exchange.sendResponseHeaders(a.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

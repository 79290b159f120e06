package org.labelbridge.function;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A small HTTP/1.1 proxy on loopback between the AWS SDK and S3Proxy that forwards every
 * request as it is (so signatures still hold) and injects faults where a test asks: an S3 error
 * (500 InternalError, 503 SlowDown), a connection reset before any answer, or an answer whose
 * body is cut off halfway. Rules match a method and a pattern over the request target
 * ({@code /bucket/key?query}) and fire a given number of times. Every request is logged.
 */
public final class FaultProxy implements AutoCloseable {

    /** What to do instead of (or to) S3's answer. */
    public enum Fault {
        /** Answer 500 InternalError without forwarding. */
        INTERNAL_ERROR,
        /** Answer 503 SlowDown without forwarding. */
        SLOW_DOWN,
        /** Read the request, forward nothing, reset the connection. */
        RESET,
        /** Read the request, forward nothing, close the connection without an answer (as a server closing an idle kept-alive connection does). */
        CLOSE,
        /** Forward, then send S3's headers and half of its body, and close. */
        TRUNCATE_BODY
    }

    private record Rule(String method, Pattern target, Fault fault, int[] left) {
    }

    private final int upstreamPort;
    private final ServerSocket server;
    private final List<Rule> rules = new ArrayList<>();
    private final List<String> log = new ArrayList<>();
    private final Thread acceptor;

    public FaultProxy(int upstreamPort) throws IOException {
        this.upstreamPort = upstreamPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::accept, "fault-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** From now on, the next {@code times} requests of {@code method} whose target matches meet {@code fault}. */
    public synchronized FaultProxy inject(String method, String targetRegex, Fault fault, int times) {
        rules.add(new Rule(method, Pattern.compile(targetRegex), fault, new int[] {times}));
        return this;
    }

    /** Forgets the rules and the log. */
    public synchronized void reset() {
        rules.clear();
        log.clear();
    }

    /** {@code "GET /bucket/key -> 200"} or {@code "... -> RESET"}, in order. */
    public synchronized List<String> log() {
        return List.copyOf(log);
    }

    private synchronized Fault faultFor(String method, String target) {
        for (Iterator<Rule> it = rules.iterator(); it.hasNext(); ) {
            Rule rule = it.next();
            if (rule.method().equals(method) && rule.target().matcher(target).find() && rule.left()[0] > 0) {
                rule.left()[0]--;
                return rule.fault();
            }
        }
        return null;
    }

    private synchronized void logged(String line) {
        log.add(line);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread handler = new Thread(() -> serve(client), "fault-proxy-connection");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    /** One client connection: requests one after another (the SDK keeps connections alive). */
    private void serve(Socket client) {
        try (client) {
            InputStream in = new BufferedInputStream(client.getInputStream());
            OutputStream out = client.getOutputStream();
            while (true) {
                Message request = Message.head(in);
                if (request == null) {
                    return;
                }
                String method = request.firstLine.split(" ")[0];
                String target = request.firstLine.split(" ")[1];
                Fault fault = faultFor(method, target);
                String line = method + " " + target + " -> ";
                if (fault == Fault.CLOSE) {
                    // Before any answer, even before "100 Continue": a client that sent
                    // "Expect: 100-continue" learns of it while it waits to send the body.
                    logged(line + "CLOSE");
                    return;
                }
                request.readBody(in, out);
                if (fault == Fault.RESET) {
                    logged(line + "RESET");
                    client.setSoLinger(true, 0);
                    return;
                }
                if (fault == Fault.INTERNAL_ERROR || fault == Fault.SLOW_DOWN) {
                    logged(line + fault);
                    boolean slow = fault == Fault.SLOW_DOWN;
                    byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>"
                            + (slow ? "SlowDown" : "InternalError") + "</Code><Message>injected by FaultProxy</Message>"
                            + "</Error>").getBytes(StandardCharsets.UTF_8);
                    out.write(((slow ? "HTTP/1.1 503 Slow Down" : "HTTP/1.1 500 Internal Server Error")
                            + "\r\nContent-Type: application/xml\r\nContent-Length: " + body.length + "\r\n\r\n")
                            .getBytes(StandardCharsets.ISO_8859_1));
                    out.write(body);
                    out.flush();
                    continue;
                }
                Message response = forward(request, method.equals("HEAD"));
                if (fault == Fault.TRUNCATE_BODY) {
                    logged(line + response.status() + " TRUNCATE_BODY");
                    response.writeTo(out, method.equals("HEAD"), response.body.length / 2);
                    out.flush();
                    return;
                }
                logged(line + response.status());
                response.writeTo(out, method.equals("HEAD"), response.body.length);
                out.flush();
            }
        } catch (SocketException e) {
            // the client went away
        } catch (IOException e) {
            logged("proxy error: " + e);
        }
    }

    /** Sends the request to S3Proxy on a fresh connection and reads its whole answer. */
    private Message forward(Message request, boolean head) throws IOException {
        try (Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort)) {
            request.headers.put("connection", new String[] {"Connection", "close"});
            request.writeTo(upstream.getOutputStream(), false, request.body.length);
            upstream.getOutputStream().flush();
            InputStream in = new BufferedInputStream(upstream.getInputStream());
            while (true) {
                Message response = Message.readResponse(in, head);
                if (!response.status().startsWith("1")) {
                    return response;
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    /** An HTTP message: first line, headers (by lower-case name: original name and value), body. */
    private static final class Message {
        final String firstLine;
        final Map<String, String[]> headers;
        byte[] body;

        private Message(String firstLine, Map<String, String[]> headers) {
            this.firstLine = firstLine;
            this.headers = headers;
        }

        String status() {
            return firstLine.split(" ")[1];
        }

        String header(String name) {
            String[] h = headers.get(name);
            return h == null ? null : h[1];
        }

        /** Reads a request's body after its {@link #head}, answering {@code Expect: 100-continue} itself. */
        void readBody(InputStream in, OutputStream continueTo) throws IOException {
            if ("100-continue".equalsIgnoreCase(header("expect"))) {
                continueTo.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                continueTo.flush();
            }
            body = body(in, this, false);
        }

        static Message readResponse(InputStream in, boolean head) throws IOException {
            Message m = head(in);
            if (m == null) {
                throw new IOException("S3Proxy closed the connection without an answer");
            }
            boolean noBody = head || m.status().startsWith("1") || m.status().equals("204") || m.status().equals("304");
            m.body = noBody ? new byte[0] : body(in, m, true);
            return m;
        }

        /** A message's first line and headers, or null at the end of the connection. */
        static Message head(InputStream in) throws IOException {
            String first = line(in);
            if (first == null || first.isEmpty()) {
                return null;
            }
            Map<String, String[]> headers = new LinkedHashMap<>();
            for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
                int colon = h.indexOf(':');
                headers.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        new String[] {h.substring(0, colon).trim(), h.substring(colon + 1).trim()});
            }
            return new Message(first, headers);
        }

        private static byte[] body(InputStream in, Message m, boolean untilClose) throws IOException {
            String length = m.header("content-length");
            if ("chunked".equalsIgnoreCase(m.header("transfer-encoding"))) {
                ByteArrayOutputStream body = new ByteArrayOutputStream();
                for (int size = Integer.parseInt(line(in).split(";")[0].trim(), 16); size > 0;
                     size = Integer.parseInt(line(in).split(";")[0].trim(), 16)) {
                    body.write(in.readNBytes(size));
                    line(in);
                }
                for (String trailer = line(in); trailer != null && !trailer.isEmpty(); trailer = line(in)) {
                    // trailers are not kept
                }
                m.headers.remove("transfer-encoding");
                return body.toByteArray();
            }
            if (length != null) {
                return in.readNBytes(Integer.parseInt(length));
            }
            return untilClose ? in.readAllBytes() : new byte[0];
        }

        private static String line(InputStream in) throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int c = in.read(); c >= 0; c = in.read()) {
                if (c == '\n') {
                    String text = line.toString(StandardCharsets.ISO_8859_1);
                    return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
                }
                line.write(c);
            }
            return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
        }

        /** Writes the message with a content length of the whole body, but only {@code send} bytes of it. */
        void writeTo(OutputStream out, boolean head, int send) throws IOException {
            StringBuilder text = new StringBuilder(firstLine).append("\r\n");
            for (String[] h : headers.values()) {
                String name = h[0].toLowerCase(Locale.ROOT);
                if (!name.equals("content-length") && !name.equals("transfer-encoding") && !name.equals("connection")) {
                    text.append(h[0]).append(": ").append(h[1]).append("\r\n");
                }
            }
            String connection = header("connection");
            if (connection != null && firstLine.startsWith("HTTP/")) {
                text.append("Connection: keep-alive\r\n");
            } else if (connection != null) {
                text.append("Connection: ").append(connection).append("\r\n");
            }
            boolean response = firstLine.startsWith("HTTP/");
            if (head) {
                if (headers.containsKey("content-length")) {
                    text.append("Content-Length: ").append(header("content-length")).append("\r\n");
                }
            } else if (response || body.length > 0 || headers.containsKey("content-length")) {
                text.append("Content-Length: ").append(body.length).append("\r\n");
            }
            text.append("\r\n");
            out.write(text.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body, 0, Math.min(send, body.length));
        }
    }
}

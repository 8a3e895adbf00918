package io.scenery.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;

/**
 * An OpenAI-compatible chat-completions server on 127.0.0.1 that replies from a script: each call takes the next
 * scripted reply, and the last one repeats. With a responder set, the responder builds each reply from the request
 * body instead. It records when each call arrived and its request body.
 */
public final class MockModelServer implements AutoCloseable {

    /** JDK HTTP server setting for TCP_NODELAY on accepted connections. */
    private static final String NO_DELAY_PROPERTY = "sun.net.httpserver.nodelay";

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(32);
    private final Deque<Reply> script = new ConcurrentLinkedDeque<>();
    private final List<Long> callNanos = new CopyOnWriteArrayList<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile Reply fallback = Reply.content("{\"elements\":[]}");
    private volatile Function<String, Reply> responder;

    /** Starts the server on a free port of 127.0.0.1. */
    public MockModelServer() throws IOException {
        this(0);
    }

    /**
     * Starts the server on the given port of 127.0.0.1, or on a free one for port 0. The JDK server writes a
     * response's headers and body apart, and without TCP_NODELAY the body waits for the client's delayed ACK, about
     * 40 ms on Linux. Servers in front of models set TCP_NODELAY (nginx by default, Python's asyncio on every TCP
     * connection), so this one does too, and a reply comes after its delay only.
     * The JDK server reads the setting once, so it is set before the first server starts in the JVM.
     */
    public MockModelServer(int port) throws IOException {
        if (System.getProperty(NO_DELAY_PROPERTY) == null) {
            System.setProperty(NO_DELAY_PROPERTY, "true");
        }
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        server.createContext("/v1/chat/completions", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** Replaces the script. Once the script is used up, its last reply is returned to every further call. */
    public void script(Reply... replies) {
        script.clear();
        callNanos.clear();
        requests.clear();
        for (Reply reply : replies) {
            script.add(reply);
        }
        fallback = replies[replies.length - 1];
    }

    /** Builds every reply from the request body with the given function, in place of the script. */
    public void respondWith(Function<String, Reply> responder) {
        this.responder = responder;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public int calls() {
        return callNanos.size();
    }

    /** Milliseconds between the arrival of call {@code index} and the call before it. */
    public long millisBefore(int index) {
        return (callNanos.get(index) - callNanos.get(index - 1)) / 1_000_000;
    }

    /** Returns the {@link System#nanoTime()} at which the first call arrived. */
    public long firstCallNanos() {
        return callNanos.get(0);
    }

    /** Milliseconds between the arrival of call {@code from} and that of the later call {@code to}. */
    public double millisBetween(int from, int to) {
        return (callNanos.get(to) - callNanos.get(from)) / 1e6;
    }

    public List<String> requests() {
        return new ArrayList<>(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        callNanos.add(System.nanoTime());
        String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(request);
        Function<String, Reply> currentResponder = responder;
        Reply reply = currentResponder == null ? script.poll() : currentResponder.apply(request);
        if (reply == null) {
            reply = fallback;
        }
        try {
            if (reply.delayMillis() > 0) {
                Thread.sleep(reply.delayMillis());
            }
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.sendResponseHeaders(reply.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // The client gave up (timeout) and closed the connection.
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** One scripted reply. */
    public record Reply(int status, Map<String, String> headers, String body, long delayMillis) {

        /** Returns a 200 chat completion whose message content is the given text, with token usage 100 in, 20 out. */
        public static Reply content(String text) {
            return new Reply(200, Map.of(), completion(text), 0);
        }

        public static Reply error(int status, Map<String, String> headers) {
            return new Reply(status, headers, "{\"error\":{\"message\":\"scripted " + status + "\"}}", 0);
        }

        public Reply after(long millis) {
            return new Reply(status, headers, body, millis);
        }

        private static String completion(String text) {
            String escaped = text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
            return "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"mock-vision\","
                    + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"" + escaped
                    + "\"},\"finish_reason\":\"stop\"}],"
                    + "\"usage\":{\"prompt_tokens\":100,\"completion_tokens\":20,\"total_tokens\":120}}";
        }
    }
}

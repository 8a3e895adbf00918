package io.scenery.testing;

import io.scenery.testing.MockModelServer.Reply;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs {@link MockModelServer} as a stand-in vision model for local runs, so that the vlm and hybrid detector modes
 * can be tried without a real model. It ignores the picture, so its replies are fixed and contain "mock".
 * <ul>
 *     <li>To a detection prompt (vlm mode) it returns a button, an input and a text line at fixed fractions of the
 *     image size the prompt gives, as many as the detect type requests, in pixels.</li>
 *     <li>To a labelling prompt (hybrid mode) it types every odd-numbered candidate as a button labelled
 *     "mock label N" and leaves the even-numbered ones to the offline detector.</li>
 * </ul>
 * Usage: {@code MockVisionModel [--port N] [--latency-ms N] [--port-file FILE]}; port 0 (the default) takes a free
 * port. It prints the base URL, writes the port to the port file when given, and runs until it is killed.
 */
public final class MockVisionModel {

    private static final Pattern IMAGE_SIZE = Pattern.compile("(\\d+)x(\\d+) pixels");
    private static final Pattern CANDIDATES = Pattern.compile("numbered 1 to (\\d+)");

    private MockVisionModel() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        int port = 0;
        long latencyMillis = 200;
        Path portFile = null;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(required(args[i], value));
                case "--latency-ms" -> latencyMillis = Long.parseLong(required(args[i], value));
                case "--port-file" -> portFile = Path.of(required(args[i], value));
                default -> throw new IllegalArgumentException("unknown option '" + args[i]
                        + "'; expected --port, --latency-ms or --port-file");
            }
            i++;
        }

        MockModelServer server = new MockModelServer(port);
        long latency = latencyMillis;
        server.respondWith(request -> reply(request).after(latency));
        System.out.println("mock vision model listening on " + server.baseUrl());
        if (portFile != null) {
            Files.writeString(portFile, Integer.toString(server.port()), StandardCharsets.UTF_8);
        }
        new CountDownLatch(1).await();
    }

    /** Builds the reply to one chat-completions request body. */
    public static Reply reply(String request) {
        Matcher candidates = CANDIDATES.matcher(request);
        if (candidates.find()) {
            return Reply.content(labels(Integer.parseInt(candidates.group(1))));
        }
        Matcher size = IMAGE_SIZE.matcher(request);
        if (size.find()) {
            return Reply.content(elements(request, Integer.parseInt(size.group(1)), Integer.parseInt(size.group(2))));
        }
        return Reply.error(400, Map.of());
    }

    private static String labels(int candidates) {
        List<String> items = new ArrayList<>();
        for (int id = 1; id <= candidates; id += 2) {
            items.add("{\"id\":" + id + ",\"type\":\"button\",\"label\":\"mock label " + id + "\"}");
        }
        return "{\"elements\":[" + String.join(",", items) + "]}";
    }

    private static String elements(String request, int width, int height) {
        boolean controls = !request.contains("every piece of visible text, one element per line");
        boolean text = !request.contains("(no plain text)");
        List<String> items = new ArrayList<>();
        if (controls) {
            items.add(element("button", "mock button", width, height, 0.05, 0.05, 0.25, 0.12));
            items.add(element("input", "mock input", width, height, 0.30, 0.05, 0.70, 0.12));
        }
        if (text) {
            items.add(element("text", "mock text", width, height, 0.05, 0.20, 0.50, 0.25));
        }
        return "{\"elements\":[" + String.join(",", items) + "]}";
    }

    private static String element(String type, String label, int width, int height, double left, double top,
                                  double right, double bottom) {
        return String.format(Locale.ROOT, "{\"type\":\"%s\",\"label\":\"%s\",\"box\":[%d,%d,%d,%d],"
                        + "\"confidence\":0.9}", type, label, Math.round(left * width), Math.round(top * height),
                Math.round(right * width), Math.round(bottom * height));
    }

    private static String required(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException("option " + option + " needs a value");
        }
        return value;
    }
}

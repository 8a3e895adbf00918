package io.scenery.vlm;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.scenery.testing.MockModelServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** Starts a {@link MockModelServer} and points the service's vision model at it, in vlm mode. */
public class MockModelResource implements QuarkusTestResourceLifecycleManager {

    static volatile MockModelServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = new MockModelServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // The throughput benchmark sets its concurrency C: C model calls at once, and twice as many scene workers
        // so that decoding, encoding and saving overlap with the calls.
        String concurrency = System.getProperty("scenery.bench.concurrency");
        String sceneConcurrency = concurrency == null ? "1" : Integer.toString(2 * Integer.parseInt(concurrency));
        String modelConcurrency = concurrency == null ? "4" : concurrency;
        return Map.ofEntries(
                Map.entry("scenery.vlm.detector.mode", "vlm"),
                Map.entry("scenery.vlm.model.base-url", server.baseUrl()),
                Map.entry("scenery.vlm.model.name", "mock-vision"),
                Map.entry("scenery.vlm.model.max-image-side", "640"),
                Map.entry("scenery.vlm.model.timeout", concurrency == null ? "1s" : "30s"),
                Map.entry("scenery.vlm.model.max-attempts", "3"),
                Map.entry("scenery.vlm.model.initial-backoff", "50ms"),
                Map.entry("scenery.vlm.model.max-backoff", "5s"),
                Map.entry("scenery.vlm.model.circuit-failure-threshold", "1000"),
                Map.entry("scenery.vlm.scene-concurrency", sceneConcurrency),
                Map.entry("scenery.vlm.model.max-concurrency", modelConcurrency),
                Map.entry("scenery.vlm.failure-policy", "partial"));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
    }
}

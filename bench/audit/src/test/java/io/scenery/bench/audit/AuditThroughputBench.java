package io.scenery.bench.audit;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.scenery.events.AuditEvent;
import io.scenery.events.audit.AuditTrail;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Publishes events through {@link AuditTrail} from several threads into a real broker and the packaged
 * audit-service, and measures events per second from the first record call to the last committed row. Also times
 * each record call on the calling thread. Run it with {@code bench/audit/run.sh}.
 */
@QuarkusTest
@QuarkusTestResource(value = RestartableKafkaResource.class, restrictToAnnotatedClass = false)
class AuditThroughputBench {

    private static final int EVENTS = Integer.getInteger("bench.events", 200_000);
    private static final int THREADS = Integer.getInteger("bench.threads", 4);
    // Fresh broker, service and publisher JVMs compile their hot code during the first tens of thousands of events.
    private static final int WARM_UP_EVENTS = Integer.getInteger("bench.warm-up-events", 50_000);
    private static final Duration STORE_TIMEOUT = Duration.ofMinutes(5);
    private static final Path RESULT = Path.of("target", "audit-bench-result.txt");

    @Inject
    AuditTrail trail;

    @Test
    void eventsPerSecond() throws Exception {
        BenchDatabase.create();
        List<String> settings = Arrays.stream(System.getProperty("bench.service-settings", "").split(","))
                .filter(setting -> !setting.isBlank())
                .toList();
        String run = UUID.randomUUID().toString();
        try (AuditServiceLauncher service = AuditServiceLauncher.start(RestartableKafkaResource.bootstrapServers(),
                BenchDatabase.URL, settings, Path.of("target", "audit-service.log"))) {
            String warmUp = "bench.warm-up." + run;
            publish(warmUp, WARM_UP_EVENTS, THREADS);
            awaitStored(warmUp, WARM_UP_EVENTS);
            BenchDatabase.truncate();

            String action = "bench.throughput." + run;
            long failuresBefore = trail.failedDeliveries();
            Instant started = Instant.now();
            long[] callNanos = publish(action, EVENTS, THREADS);
            Instant handedOver = Instant.now();
            Instant acknowledged = awaitAcknowledged();
            BenchDatabase.StoredRows stored = awaitStored(action, EVENTS);

            long lost = EVENTS - stored.distinctIds();
            long duplicates = stored.rows() - stored.distinctIds();
            double seconds = Duration.between(started, stored.lastReceivedAt()).toNanos() / 1e9;
            Arrays.sort(callNanos);
            List<String> lines = new ArrayList<>();
            lines.add(String.format("events: %d from %d threads, audit-service settings: %s", EVENTS, THREADS,
                    settings.isEmpty() ? "defaults" : String.join(" ", settings)));
            lines.add("publisher settings: " + publisherSettings() + ", broker JVM: "
                    + String.join(" ", RestartableKafkaResource.jvmOptions()));
            lines.add(String.format("record() on the calling thread: p50 %.1f us, p99 %.1f us, p99.9 %.1f us, max %.1f us",
                    micros(callNanos, 0.50), micros(callNanos, 0.99), micros(callNanos, 0.999),
                    callNanos[callNanos.length - 1] / 1e3));
            lines.add(String.format("handed over after %.2f s, acknowledged by Kafka after %.2f s, "
                            + "last row committed after %.2f s, delivery failures: %d",
                    Duration.between(started, handedOver).toNanos() / 1e9,
                    Duration.between(started, acknowledged).toNanos() / 1e9, seconds,
                    trail.failedDeliveries() - failuresBefore));
            lines.add(String.format("audit events/s: %d, lost: %d, duplicates: %d",
                    Math.round(stored.distinctIds() / seconds), lost, duplicates));
            write(lines);

            assertThat(lost).as("events lost").isZero();
            assertThat(duplicates).as("events stored twice").isZero();
        }
    }

    /** Records the events from the given number of threads and returns the time of each record call. */
    private long[] publish(String action, int events, int threads) throws InterruptedException {
        long[] callNanos = new long[events];
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int first = t;
            Thread worker = new Thread(() -> {
                Map<String, String> attributes = Map.of("thread", Integer.toString(first));
                for (int i = first; i < events; i += threads) {
                    long before = System.nanoTime();
                    trail.record(action, "bench", "task-" + (i % 256), AuditEvent.SUCCESS, Duration.ofMillis(1),
                            attributes);
                    callNanos[i] = System.nanoTime() - before;
                }
            }, "audit-bench-" + t);
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return callNanos;
    }

    /** Waits until Kafka acknowledged or failed every recorded event and returns when that happened. */
    private Instant awaitAcknowledged() throws InterruptedException {
        long deadline = System.nanoTime() + STORE_TIMEOUT.toNanos();
        while (trail.pendingDeliveries() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return Instant.now();
    }

    private static BenchDatabase.StoredRows awaitStored(String action, int events) throws InterruptedException {
        long deadline = System.nanoTime() + STORE_TIMEOUT.toNanos();
        BenchDatabase.StoredRows stored = BenchDatabase.count(action);
        while (stored.distinctIds() < events && System.nanoTime() < deadline) {
            Thread.sleep(500);
            stored = BenchDatabase.count(action);
        }
        return stored;
    }

    /** Returns the audit trail's settings given as system properties, which override its defaults. */
    private static String publisherSettings() {
        List<String> settings = System.getProperties().stringPropertyNames().stream()
                .filter(name -> name.startsWith("scenery.audit-trail."))
                .sorted()
                .map(name -> name + "=" + System.getProperty(name))
                .toList();
        return settings.isEmpty() ? "defaults" : String.join(" ", settings);
    }

    private static double micros(long[] sortedNanos, double quantile) {
        int index = (int) Math.min(sortedNanos.length - 1, Math.ceil(quantile * sortedNanos.length) - 1);
        return sortedNanos[Math.max(0, index)] / 1e3;
    }

    private static void write(List<String> lines) throws IOException {
        Files.createDirectories(RESULT.getParent());
        Files.write(RESULT, lines);
        lines.forEach(System.out::println);
    }
}

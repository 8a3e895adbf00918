package io.scenery.audit.zeroloss;

import io.scenery.testing.KafkaBrokerProcess;
import io.scenery.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two producers send {@value #EVENTS} audit events while the broker is killed and restarted once and the packaged
 * audit-service is killed with SIGKILL and restarted once. Afterwards the table contains each event exactly once.
 * Runs after {@code package}, because it starts {@code target/quarkus-app/quarkus-run.jar}.
 */
class ZeroLossIT {

    private static final int EVENTS = 100_000;
    private static final int EVENTS_PER_SECOND_PER_PRODUCER = 2_500;
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(120);
    private static final String JDBC_URL = PostgresTestResource.SERVER_URL + PostgresTestResource.DATABASE;

    @Test
    void eventsStoredOnceAcrossBrokerAndServiceCrashes() throws Exception {
        PostgresTestResource.ensureDatabase(PostgresTestResource.DATABASE);
        String service = "zero-loss-" + UUID.randomUUID();
        AuditTable table = new AuditTable(JDBC_URL, PostgresTestResource.USER);
        int port = KafkaBrokerProcess.freePort();
        int controllerPort = KafkaBrokerProcess.freePort();
        Path workDir = Path.of("target", "zero-loss-" + port).toAbsolutePath();
        Path dataDir = workDir.resolve("kafka");
        Path serviceLog = workDir.resolve("audit-service.log");

        KafkaBrokerProcess broker = KafkaBrokerProcess.start(port, controllerPort, dataDir);
        AuditServiceProcess auditService = AuditServiceProcess.start(broker.bootstrapServers(), JDBC_URL, serviceLog);
        EventProducer first = new EventProducer(broker.bootstrapServers(), service, EVENTS / 2,
                EVENTS_PER_SECOND_PER_PRODUCER);
        EventProducer second = new EventProducer(broker.bootstrapServers(), service, EVENTS - EVENTS / 2,
                EVENTS_PER_SECOND_PER_PRODUCER);
        Thread firstThread = new Thread(first, "zero-loss-producer-1");
        Thread secondThread = new Thread(second, "zero-loss-producer-2");
        long started = System.nanoTime();
        try {
            firstThread.start();
            secondThread.start();

            await("15% of the events acknowledged", () -> first.acknowledged() + second.acknowledged() >= EVENTS * 15L / 100);
            broker.kill();
            log(started, "broker killed at " + (first.acknowledged() + second.acknowledged()) + " acknowledged events");
            Thread.sleep(2_000);
            broker = KafkaBrokerProcess.start(port, controllerPort, dataDir);
            log(started, "broker restarted on port " + port);

            await("half of the events stored", () -> table.countRows(service) >= EVENTS / 2);
            auditService.kill();
            log(started, "audit-service killed at " + table.countRows(service) + " stored events");
            Thread.sleep(2_000);
            auditService = AuditServiceProcess.start(broker.bootstrapServers(), JDBC_URL, serviceLog);
            log(started, "audit-service restarted");

            firstThread.join(STEP_TIMEOUT.toMillis());
            secondThread.join(STEP_TIMEOUT.toMillis());
            await("every event stored", () -> table.countRows(service) >= EVENTS);
            log(started, "every event stored");
        } finally {
            first.close();
            second.close();
            auditService.kill();
            broker.close();
        }

        Set<UUID> sent = new HashSet<>(first.sent());
        sent.addAll(second.sent());
        Set<UUID> lost = new HashSet<>(sent);
        lost.removeAll(table.eventIds(service));
        long duplicates = table.countDuplicates(service);
        log(started, "sent " + sent.size() + ", lost " + lost.size() + ", duplicates " + duplicates);

        assertThat(sent).hasSize(EVENTS);
        assertThat(first.failed() + second.failed()).as("sends that failed for good").isZero();
        assertThat(lost).as("events sent but not stored").isEmpty();
        assertThat(duplicates).as("rows of events stored twice").isZero();
        assertThat(table.countRows(service)).isEqualTo(EVENTS);
    }

    private static void await(String condition, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + STEP_TIMEOUT.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within " + STEP_TIMEOUT.toSeconds() + " s: " + condition);
            }
            Thread.sleep(200);
        }
    }

    private static void log(long startedNanos, String message) {
        System.out.printf("ZeroLossIT %.1f s: %s%n", (System.nanoTime() - startedNanos) / 1e9, message);
    }
}

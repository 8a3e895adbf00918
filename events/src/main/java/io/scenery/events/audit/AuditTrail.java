package io.scenery.events.audit;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.metrics.LongCounter;
import io.scenery.events.AuditEvent;
import io.scenery.events.Topics;
import io.scenery.events.messaging.KeyedMessages;
import io.scenery.events.messaging.TraceContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes audit events on {@value Topics#AUDIT_EVENTS} without blocking the caller.
 *
 * <p>Each service configures the outgoing channel of that name with {@code acks=all} and
 * {@code enable.idempotence=true}: the broker acknowledges an event only once it is in the log, and the producer's
 * retries never write it twice. While Kafka is unreachable the producer retries each event until
 * {@code mp.messaging.outgoing.audit-events.delivery.timeout.ms} passes (Kafka's default is 120000 ms). Events that
 * the producer has not taken yet wait in an unbounded emitter buffer, so a burst or an outage never drops an event
 * at the emitter.
 *
 * <p>A delivery that fails for good is logged with the whole event and counted: {@link #failedDeliveries()} and the
 * OpenTelemetry counter {@value #FAILURES_METRIC}.
 */
@ApplicationScoped
public class AuditTrail {

    /** Name of the OpenTelemetry counter of audit events that were not delivered. */
    public static final String FAILURES_METRIC = "scenery.audit.delivery.failures";

    private static final Logger LOG = Logger.getLogger(AuditTrail.class);

    private final Emitter<AuditEvent> emitter;
    private final String service;
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong pending = new AtomicLong();
    private final LongCounter failureCounter;

    // NOTE: the unbounded buffer keeps events in memory while the broker is down, so a long outage at a high event
    // rate costs heap until the delivery timeout fails the queued events.
    public AuditTrail(@Channel(Topics.AUDIT_EVENTS) @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
                      Emitter<AuditEvent> emitter,
                      @ConfigProperty(name = "quarkus.application.name") String service,
                      Instance<OpenTelemetry> openTelemetry) {
        this.emitter = emitter;
        this.service = service;
        OpenTelemetry telemetry = openTelemetry.isResolvable() ? openTelemetry.get() : OpenTelemetry.noop();
        this.failureCounter = telemetry.getMeter("io.scenery.events.audit")
                .counterBuilder(FAILURES_METRIC)
                .setDescription("Audit events that Kafka did not acknowledge within the delivery timeout")
                .build();
    }

    /**
     * Records an action on a task by the system. The returned future completes when Kafka acknowledged the event;
     * callers on the hot path may ignore it, because failures are logged and counted here.
     */
    public CompletableFuture<Void> record(String action, UUID taskId, String outcome, Duration duration,
                                          Map<String, String> attributes) {
        return record(action, AuditEvent.SYSTEM_ACTOR, taskId.toString(), outcome, duration, attributes);
    }

    /** Records an action on a task by the given actor. */
    public CompletableFuture<Void> record(String action, String actor, UUID taskId, String outcome,
                                          Duration duration, Map<String, String> attributes) {
        return record(action, actor, taskId.toString(), outcome, duration, attributes);
    }

    /** Records an action by the given actor on any target, such as a task or video id. */
    public CompletableFuture<Void> record(String action, String actor, String target, String outcome,
                                          Duration duration, Map<String, String> attributes) {
        AuditEvent event = new AuditEvent(AuditEvent.SCHEMA_VERSION, UUID.randomUUID(), TraceContext.currentTraceId(),
                service, action, actor, target, outcome, duration.toNanos() / 1000,
                Map.copyOf(attributes), Instant.now());
        pending.incrementAndGet();
        CompletableFuture<Void> acknowledged = KeyedMessages.send(emitter, target, event);
        acknowledged.whenComplete((ignored, error) -> {
            pending.decrementAndGet();
            if (error != null) {
                failures.incrementAndGet();
                failureCounter.add(1);
                LOG.errorf(error, "Audit event not delivered for target %s: %s", target, event);
            }
        });
        return acknowledged;
    }

    /** Returns the number of audit events that were not delivered since the service started. */
    public long failedDeliveries() {
        return failures.get();
    }

    /** Returns the number of audit events handed over and not yet acknowledged or failed. */
    public long pendingDeliveries() {
        return pending.get();
    }
}

package io.scenery.events.audit;

import io.scenery.events.AuditEvent;
import io.scenery.events.Topics;
import io.scenery.events.messaging.KeyedMessages;
import io.scenery.events.messaging.TraceContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Publishes audit events on {@value Topics#AUDIT_EVENTS}. Each service configures the outgoing channel of that
 * name with {@code acks=all} and an idempotent producer. A send that fails is logged with the whole event.
 */
@ApplicationScoped
public class AuditTrail {

    private static final Logger LOG = Logger.getLogger(AuditTrail.class);

    private final Emitter<AuditEvent> emitter;
    private final String service;

    public AuditTrail(@Channel(Topics.AUDIT_EVENTS) Emitter<AuditEvent> emitter,
                      @ConfigProperty(name = "quarkus.application.name") String service) {
        this.emitter = emitter;
        this.service = service;
    }

    /**
     * Records an action on a task by the system. The returned future completes when Kafka acknowledged the event;
     * callers on the hot path may ignore it, because failures are logged here.
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
        CompletableFuture<Void> acknowledged = KeyedMessages.send(emitter, target, event);
        acknowledged.whenComplete((ignored, error) -> {
            if (error != null) {
                LOG.errorf(error, "Audit event not delivered for target %s: %s", target, event);
            }
        });
        return acknowledged;
    }
}

package io.scenery.events.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.scenery.events.AuditEvent;
import io.scenery.events.Topics;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Publishes audit events on {@value Topics#AUDIT_EVENTS} without blocking the caller.
 *
 * <p>{@code record} builds the event and appends it to an unbounded queue. One background thread hands the queued
 * events to a Kafka producer with {@code acks=all} and {@code enable.idempotence=true}: the broker acknowledges an
 * event only once it is in the log, and the producer's retries never write it twice. While Kafka is unreachable the
 * event is retried until {@code scenery.audit-trail.delivery-timeout} passes. A burst or an outage never drops an
 * event before that.
 *
 * <p>A delivery that fails for good is logged with the whole event and counted: {@link #failedDeliveries()}, the
 * readiness check {@code audit-trail} and the OpenTelemetry counter {@value #FAILURES_METRIC}.
 */
@ApplicationScoped
public class AuditTrail {

    /** Name of the OpenTelemetry counter of audit events that were not delivered. */
    public static final String FAILURES_METRIC = "scenery.audit.delivery.failures";

    private static final Logger LOG = Logger.getLogger(AuditTrail.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    private final AuditEventSender sender;
    private final String service;
    private final DeliveryCounters counters = new DeliveryCounters();
    private final LongCounter failureCounter;
    private final AuditTrailConfig config;

    // NOTE: the unbounded queue keeps events in memory while the broker is down, so a long outage at a high event
    // rate costs heap until the delivery timeout fails the queued events.
    @Inject
    public AuditTrail(AuditTrailConfig config,
                      @Identifier("default-kafka-broker") Instance<Map<String, Object>> kafkaConfig,
                      ObjectMapper json,
                      @ConfigProperty(name = "quarkus.application.name") String service,
                      Instance<OpenTelemetry> openTelemetry) {
        this(config, kafkaConfig.isResolvable() ? kafkaConfig.get() : Map.of(), json, service,
                openTelemetry.isResolvable() ? openTelemetry.get() : OpenTelemetry.noop());
    }

    /**
     * Creates a trail outside CDI, for example in a benchmark. {@code kafkaConfig} contains Kafka client properties such as
     * {@code bootstrap.servers}; call {@link #close()} to stop the sender thread.
     */
    public AuditTrail(AuditTrailConfig config, Map<String, Object> kafkaConfig, ObjectMapper json, String service,
                      OpenTelemetry telemetry) {
        this.config = config;
        this.service = service;
        this.sender = new AuditEventSender(new KafkaProducer<>(producerProperties(config, kafkaConfig, service)), json,
                config.deliveryTimeout(), "audit-trail-sender");
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
        SpanContext span = Span.current().getSpanContext();
        AuditEvent event = new AuditEvent(AuditEvent.SCHEMA_VERSION, UUID.randomUUID(),
                span.isValid() ? span.getTraceId() : null, service, action, actor, target, outcome,
                duration.toNanos() / 1000, Map.copyOf(attributes), Instant.now());
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        acknowledged.whenComplete((ignored, error) -> {
            if (error == null) {
                counters.acknowledged();
            } else {
                counters.failed();
                failureCounter.add(1);
                LOG.errorf(error, "Audit event not delivered for target %s: %s", target, event);
            }
        });

        counters.recorded();
        sender.enqueue(new AuditEventSender.Delivery(event, span, System.nanoTime(), acknowledged));
        return acknowledged;
    }

    /** Returns the number of audit events that were not delivered since the service started. */
    public long failedDeliveries() {
        return counters.failedCount();
    }

    /** Returns the number of audit events that Kafka acknowledged since the service started. */
    public long acknowledgedDeliveries() {
        return counters.acknowledgedCount();
    }

    /** Returns the number of audit events handed over and not yet acknowledged or failed. */
    public long pendingDeliveries() {
        return counters.pending();
    }

    /**
     * Returns why deliveries look broken, or null when they work: events have waited longer than
     * {@code scenery.audit-trail.stall-timeout} without any acknowledgement, or an event failed within that time and
     * none was acknowledged since.
     */
    public String deliveryProblem() {
        long stallNanos = config.stallTimeout().toNanos();
        if (counters.pending() > 0 && counters.nanosSinceProgress() > stallNanos) {
            return counters.pending() + " audit events waited longer than " + config.stallTimeout().toSeconds()
                    + " s without any acknowledgement from Kafka";
        }
        long sinceFailure = counters.nanosSinceUnrecoveredFailure();
        if (sinceFailure >= 0 && sinceFailure <= stallNanos) {
            return "an audit event failed " + Duration.ofNanos(sinceFailure).toSeconds()
                    + " s ago and none was delivered since";
        }
        return null;
    }

    /** Sends what is queued, waiting up to 10 s, and stops the sender thread and the producer. */
    @PreDestroy
    public void close() {
        sender.close(CLOSE_TIMEOUT);
    }

    /**
     * Builds the producer settings: the application's {@code kafka.*} settings, then the delivery guarantees, then the
     * tunables of {@link AuditTrailConfig}, then its {@code producer} map.
     */
    static Map<String, Object> producerProperties(AuditTrailConfig config, Map<String, Object> kafkaConfig,
                                                  String service) {
        Map<String, Object> properties = new HashMap<>(kafkaConfig);
        properties.putIfAbsent(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092");
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, service + "-audit-trail");
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        properties.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");

        long lingerMillis = config.linger().toMillis();
        long deliveryMillis = config.deliveryTimeout().toMillis();
        properties.put(ProducerConfig.LINGER_MS_CONFIG, Long.toString(lingerMillis));
        properties.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(config.batchSizeBytes()));
        properties.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, config.compression());
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Long.toString(deliveryMillis));
        // Kafka requires delivery.timeout.ms >= linger.ms + request.timeout.ms (default 30 s).
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                Long.toString(Math.max(1, Math.min(30_000, deliveryMillis - lingerMillis))));
        // The sender thread waits this long for topic metadata before it tries again, so that it notices the
        // delivery timeout of queued events.
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(Math.min(10_000, deliveryMillis)));
        // Settings of the consumer side or of other clients in kafka.* mean nothing to a producer.
        properties.keySet().removeIf(key -> key.startsWith("group.") || key.startsWith("auto.offset"));

        properties.putAll(config.producer());
        return properties;
    }
}

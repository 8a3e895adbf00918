package io.scenery.audit.zeroloss;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.scenery.events.AuditEvent;
import io.scenery.events.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends audit events at a steady pace with a producer configured as every service's audit channel: acks=all,
 * idempotent, unlimited retries within a generous delivery timeout. It remembers every event id it handed over and
 * counts the sends that failed for good.
 */
final class EventProducer implements Runnable {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final KafkaProducer<String, byte[]> producer;
    private final String service;
    private final int events;
    private final int eventsPerSecond;
    private final Set<UUID> sent = ConcurrentHashMap.newKeySet();
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    EventProducer(String bootstrapServers, String service, int events, int eventsPerSecond) {
        this.service = service;
        this.events = events;
        this.eventsPerSecond = eventsPerSecond;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.RETRIES_CONFIG, Integer.MAX_VALUE,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Duration.ofMinutes(5).toMillis(),
                ProducerConfig.MAX_BLOCK_MS_CONFIG, Duration.ofMinutes(2).toMillis(),
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()));
    }

    @Override
    public void run() {
        long started = System.nanoTime();
        for (int i = 0; i < events; i++) {
            AuditEvent event = new AuditEvent(AuditEvent.SCHEMA_VERSION, UUID.randomUUID(), null, service,
                    "zero-loss.step", AuditEvent.SYSTEM_ACTOR, "task-" + (i % 64), AuditEvent.SUCCESS, i,
                    Map.of("sequence", Integer.toString(i)), Instant.now());
            sent.add(event.eventId());
            producer.send(new ProducerRecord<>(Topics.AUDIT_EVENTS, event.target(), json(event)), (metadata, error) -> {
                if (error == null) {
                    acknowledged.incrementAndGet();
                } else {
                    failed.incrementAndGet();
                }
            });
            pace(started, i + 1);
        }
        producer.flush();
    }

    private void pace(long startedNanos, int handedOver) {
        long dueNanos = startedNanos + handedOver * 1_000_000_000L / eventsPerSecond;
        long waitMillis = (dueNanos - System.nanoTime()) / 1_000_000;
        if (waitMillis > 0) {
            try {
                Thread.sleep(waitMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while sending audit events", e);
            }
        }
    }

    private static byte[] json(AuditEvent event) {
        try {
            return JSON.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit event cannot be written as JSON", e);
        }
    }

    Set<UUID> sent() {
        return sent;
    }

    long acknowledged() {
        return acknowledged.get();
    }

    long failed() {
        return failed.get();
    }

    void close() {
        producer.close(Duration.ofSeconds(10));
    }
}

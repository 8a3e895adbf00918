package io.scenery.events.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.SpanContext;
import io.scenery.events.AuditEvent;
import io.scenery.events.Topics;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends queued audit events to Kafka from one background thread. Callers only append to an unbounded queue, so they
 * never wait for the broker, for topic metadata or for free producer buffer memory. The thread serializes each event
 * and hands it to {@link Producer#send} with a callback, so many batches are in flight at once and acknowledgements
 * arrive on the producer's I/O thread.
 */
final class AuditEventSender implements AutoCloseable {

    /** W3C trace context header, so that consumers of the topic can join the publisher's trace. */
    static final String TRACEPARENT_HEADER = "traceparent";

    private static final Logger LOG = Logger.getLogger(AuditEventSender.class);
    private static final long POLL_MILLIS = 200;
    private static final int DRAIN_BATCH = 512;

    private final LinkedBlockingQueue<Delivery> queue = new LinkedBlockingQueue<>();
    private final Producer<String, byte[]> producer;
    private final ObjectMapper json;
    private final long deliveryTimeoutNanos;
    private final Thread thread;
    private volatile boolean closing;
    private volatile boolean stopped;

    /** One event on its way to Kafka. {@code recordedNanos} is the {@link System#nanoTime()} of the record call. */
    record Delivery(AuditEvent event, SpanContext span, long recordedNanos, CompletableFuture<Void> acknowledged) {
    }

    AuditEventSender(Producer<String, byte[]> producer, ObjectMapper json, Duration deliveryTimeout, String name) {
        this.producer = producer;
        this.json = json;
        this.deliveryTimeoutNanos = deliveryTimeout.toNanos();
        this.thread = new Thread(this::run, name);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Queues an event; the delivery's future completes when Kafka acknowledged it or it failed for good. */
    void enqueue(Delivery delivery) {
        if (stopped) {
            delivery.acknowledged().completeExceptionally(new IllegalStateException(
                    "the audit trail is stopped, so the event was not sent to Kafka"));
            return;
        }
        queue.add(delivery);
    }

    private void run() {
        List<Delivery> drained = new ArrayList<>(DRAIN_BATCH);
        while (true) {
            Delivery first;
            try {
                first = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                first = null;
            }
            if (first == null) {
                if (closing) {
                    return;
                }
                continue;
            }

            drained.add(first);
            queue.drainTo(drained, DRAIN_BATCH - 1);
            for (Delivery delivery : drained) {
                send(delivery);
            }
            drained.clear();
        }
    }

    /**
     * Hands one event to the producer. The producer rejects a record before queuing it when the topic's metadata does
     * not arrive within {@code max.block.ms}, for example while the broker is down; such a record is handed over
     * again until its delivery timeout has passed.
     */
    private void send(Delivery delivery) {
        ProducerRecord<String, byte[]> record;
        try {
            record = toRecord(delivery);
        } catch (JsonProcessingException e) {
            delivery.acknowledged().completeExceptionally(e);
            return;
        }

        while (true) {
            if (System.nanoTime() - delivery.recordedNanos() >= deliveryTimeoutNanos) {
                delivery.acknowledged().completeExceptionally(new TimeoutException(
                        "Kafka did not accept the event within the delivery timeout of "
                                + Duration.ofNanos(deliveryTimeoutNanos).toSeconds() + " s"));
                return;
            }
            Exception rejection = handOver(record, delivery);
            if (rejection == null) {
                return;
            }
            if (!(rejection instanceof RetriableException) || closing) {
                delivery.acknowledged().completeExceptionally(rejection);
                return;
            }
            LOG.warnf("Kafka rejected audit event %s before sending it (%s); trying again",
                    delivery.event().eventId(), rejection.getMessage());
        }
    }

    /** Returns the exception that rejected the record before it was queued in the producer, or null. */
    private Exception handOver(ProducerRecord<String, byte[]> record, Delivery delivery) {
        Exception[] rejection = new Exception[1];
        try {
            producer.send(record, (metadata, error) -> {
                if (error == null) {
                    delivery.acknowledged().complete(null);
                } else if (Thread.currentThread() == thread) {
                    // Called from within send(): the producer never queued the record.
                    rejection[0] = error;
                } else {
                    delivery.acknowledged().completeExceptionally(error);
                }
            });
        } catch (RuntimeException e) {
            return e;
        }
        return rejection[0];
    }

    private ProducerRecord<String, byte[]> toRecord(Delivery delivery) throws JsonProcessingException {
        AuditEvent event = delivery.event();
        RecordHeaders headers = new RecordHeaders();
        SpanContext span = delivery.span();
        if (span != null && span.isValid()) {
            String traceparent = "00-" + span.getTraceId() + "-" + span.getSpanId() + "-"
                    + span.getTraceFlags().asHex();
            headers.add(TRACEPARENT_HEADER, traceparent.getBytes(StandardCharsets.US_ASCII));
        }
        return new ProducerRecord<>(Topics.AUDIT_EVENTS, null, event.target(), json.writeValueAsBytes(event),
                headers);
    }

    /**
     * Stops taking new work after the queue is empty, waits up to {@code timeout} for the queued events to be sent and
     * acknowledged, and fails those that are still queued then.
     */
    void close(Duration timeout) {
        closing = true;
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            thread.join(Math.max(1, timeout.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread.interrupt();
        stopped = true;
        producer.close(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));

        List<Delivery> left = new ArrayList<>();
        queue.drainTo(left);
        for (Delivery delivery : left) {
            delivery.acknowledged().completeExceptionally(new IllegalStateException(
                    "the service stopped before the event was sent to Kafka"));
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(10));
    }
}

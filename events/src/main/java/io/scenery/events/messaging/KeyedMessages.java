package io.scenery.events.messaging;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Builds Kafka messages keyed by task id and sends them with a bounded wait for the broker's acknowledgement. */
public final class KeyedMessages {

    private KeyedMessages() {
    }

    /**
     * Wraps a payload in a message keyed by the task id, so that all events of one task stay on one partition.
     * The returned stage completes when the broker acknowledged the record, or fails with the send error.
     */
    public static <T> Message<T> keyed(UUID taskId, T payload, CompletableFuture<Void> acknowledged) {
        return keyed(taskId.toString(), payload, acknowledged);
    }

    /** Wraps a payload in a message with the given record key; see {@link #keyed(UUID, Object, CompletableFuture)}. */
    public static <T> Message<T> keyed(String key, T payload, CompletableFuture<Void> acknowledged) {
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(key)
                .build();
        return Message.of(payload)
                .addMetadata(metadata)
                .withAck(() -> {
                    acknowledged.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(error -> {
                    acknowledged.completeExceptionally(error);
                    return CompletableFuture.completedFuture(null);
                });
    }

    /** Sends a keyed message without waiting; the returned future completes once the broker acknowledged it. */
    public static <T> CompletableFuture<Void> send(Emitter<T> emitter, UUID taskId, T payload) {
        return send(emitter, taskId.toString(), payload);
    }

    /** Sends a message with the given record key without waiting; the future completes on the broker's acknowledgement. */
    public static <T> CompletableFuture<Void> send(Emitter<T> emitter, String key, T payload) {
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        try {
            emitter.send(keyed(key, payload, acknowledged));
        } catch (RuntimeException e) {
            // Emitter.send throws when the channel is down or its buffer is full; report it through the future.
            acknowledged.completeExceptionally(e);
        }
        return acknowledged;
    }

    /**
     * Sends a keyed message and blocks until the broker acknowledged it. Call only from a worker thread.
     *
     * @throws EventPublishException when the broker rejected the record or did not acknowledge it within the timeout
     */
    public static <T> void sendAndAwait(Emitter<T> emitter, UUID taskId, T payload, Duration timeout) {
        CompletableFuture<Void> acknowledged = send(emitter, taskId, payload);
        try {
            acknowledged.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventPublishException("interrupted while sending " + payload.getClass().getSimpleName()
                    + " for task " + taskId, e);
        } catch (ExecutionException e) {
            throw new EventPublishException("Kafka rejected " + payload.getClass().getSimpleName()
                    + " for task " + taskId + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new EventPublishException("Kafka did not acknowledge " + payload.getClass().getSimpleName()
                    + " for task " + taskId + " within " + timeout.toSeconds() + " s; is the broker reachable?", e);
        }
    }
}

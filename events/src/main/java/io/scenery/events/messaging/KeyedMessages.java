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
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(taskId.toString())
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
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        emitter.send(keyed(taskId, payload, acknowledged));
        return acknowledged;
    }

    /**
     * Sends a keyed message and blocks until the broker acknowledged it. Call only from a worker thread.
     *
     * @throws EventPublishException when the broker refused the record or did not answer within the timeout
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

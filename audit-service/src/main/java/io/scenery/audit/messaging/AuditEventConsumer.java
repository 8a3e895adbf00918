package io.scenery.audit.messaging;

import io.quarkus.logging.Log;
import io.scenery.audit.service.AuditEventWriter;
import io.scenery.audit.service.StoreFailedException;
import io.scenery.events.AuditEvent;
import io.scenery.events.Topics;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.DeserializationFailureHandler;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Consumes {@value Topics#AUDIT_EVENTS} in batches. Each batch is committed to PostgreSQL first, and then the records
 * that cannot be stored are sent to the dead-letter topic. Only after that is the batch acknowledged, so the
 * committed consumer offsets never pass a record that is neither stored nor dead-lettered.
 */
@ApplicationScoped
public class AuditEventConsumer {

    private static final String DEAD_LETTER_TOPIC = Topics.AUDIT_EVENTS + Topics.DEAD_LETTER_SUFFIX;

    private final AuditEventWriter writer;

    public AuditEventConsumer(AuditEventWriter writer) {
        this.writer = writer;
    }

    @Incoming(Topics.AUDIT_EVENTS)
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, AuditEvent> batch) {
        List<KafkaRecord<String, AuditEvent>> parsed = new ArrayList<>();
        List<KafkaRecord<String, AuditEvent>> unparsable = new ArrayList<>();
        for (KafkaRecord<String, AuditEvent> record : batch.getRecords()) {
            if (record.getPayload() != null) {
                parsed.add(record);
            } else if (isDeserializationFailure(record)) {
                unparsable.add(record);
            } else {
                // A tombstone (null value) carries no event, so there is nothing to store.
                Log.warnf("Skipped audit record without a value for task %s at %s", record.getKey(), position(record));
            }
        }

        List<AuditEvent> events = parsed.stream().map(KafkaRecord::getPayload).toList();
        Map<Integer, String> rejected;
        long storeStarted = System.nanoTime();
        try {
            rejected = writer.store(events);
        } catch (StoreFailedException e) {
            // NOTE: a PostgreSQL outage longer than the configured store attempts sends whole batches to the
            // dead-letter topic, and nothing replays them from there automatically.
            Log.errorf(e, "Audit batch of %d records not stored, so all of them go to %s",
                    batch.getRecords().size(), DEAD_LETTER_TOPIC);
            return batch.nack(e);
        }

        List<CompletableFuture<Void>> deadLetters = new ArrayList<>();
        for (KafkaRecord<String, AuditEvent> record : unparsable) {
            deadLetters.add(deadLetter(record, "value is not AuditEvent JSON: " + failureReason(record)));
        }
        for (Map.Entry<Integer, String> rejection : rejected.entrySet()) {
            deadLetters.add(deadLetter(parsed.get(rejection.getKey()), rejection.getValue()));
        }

        // Waiting here keeps the acknowledgement behind every dead-letter write. A failed write fails this stage,
        // which stops the channel without committing the batch's offsets.
        CompletableFuture.allOf(deadLetters.toArray(CompletableFuture[]::new)).join();
        Log.debugf("Stored %d audit events in %d ms and dead-lettered %d records", events.size() - rejected.size(),
                (System.nanoTime() - storeStarted) / 1_000_000, deadLetters.size());
        return batch.ack();
    }

    /** Distinguishes a record whose value failed to deserialize from a tombstone. Both arrive with a null payload. */
    private static boolean isDeserializationFailure(KafkaRecord<String, AuditEvent> record) {
        return record.getHeaders().lastHeader(DeserializationFailureHandler.DESERIALIZATION_FAILURE_DLQ) != null;
    }

    private static CompletableFuture<Void> deadLetter(KafkaRecord<String, AuditEvent> record, String reason) {
        Log.warnf("Audit record for task %s at %s sent to %s: %s", record.getKey(), position(record),
                DEAD_LETTER_TOPIC, reason);
        return record.nack(new InvalidAuditRecordException(reason)).toCompletableFuture();
    }

    private static String failureReason(KafkaRecord<String, AuditEvent> record) {
        Header reason = record.getHeaders().lastHeader(DeserializationFailureHandler.DESERIALIZATION_FAILURE_REASON);
        return reason == null ? "unknown deserialization failure" : new String(reason.value(), StandardCharsets.UTF_8);
    }

    private static String position(KafkaRecord<String, AuditEvent> record) {
        String offset = record.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(metadata -> Long.toString(metadata.getOffset()))
                .orElse("?");
        return record.getTopic() + "-" + record.getPartition() + "@" + offset;
    }
}

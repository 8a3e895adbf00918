package io.scenery.events.audit.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.scenery.events.AuditEvent;
import io.scenery.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads the audit topic from its start with a plain consumer and returns the events keyed by one target. */
final class AuditTopicReader {

    private AuditTopicReader() {
    }

    /** Reads until {@code expected} events of the target arrived or the timeout passed, then reads 1 s more. */
    static List<AuditEvent> eventsOf(String target, int expected, Duration timeout, ObjectMapper json) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RestartableKafkaResource.bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName()))) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(Topics.AUDIT_EVENTS)
                    .forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);

            List<AuditEvent> events = new ArrayList<>();
            long deadline = System.nanoTime() + timeout.toNanos();
            long extraReadEnd = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, extraReadEnd)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (target.equals(record.key())) {
                        events.add(json.readValue(record.value(), AuditEvent.class));
                    }
                }
                if (events.size() >= expected && extraReadEnd == Long.MAX_VALUE) {
                    // Reads on a little, so that a duplicate written after the expected events is seen too.
                    extraReadEnd = System.nanoTime() + Duration.ofSeconds(1).toNanos();
                }
            }
            return events;
        } catch (IOException e) {
            throw new UncheckedIOException("audit record is not AuditEvent JSON", e);
        }
    }
}

package io.scenery.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scenery.events.AuditEvent;
import io.scenery.events.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Writes to and reads from the audit topics of the test broker with plain kafka-clients. */
final class AuditTopic implements AutoCloseable {

    static final String DEAD_LETTER_TOPIC = Topics.AUDIT_EVENTS + Topics.DEAD_LETTER_SUFFIX;

    private final ObjectMapper objectMapper;
    private final KafkaProducer<String, byte[]> producer;

    AuditTopic(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()));
    }

    static String bootstrapServers() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    /** Builds a successful event on the target, with occurred_at already at PostgreSQL's microsecond precision. */
    static AuditEvent event(String target, String action, Instant occurredAt) {
        return new AuditEvent(AuditEvent.SCHEMA_VERSION, UUID.randomUUID(), "4bf92f3577b34da6a3ce929d0e0e4736",
                "slicer-service", action, AuditEvent.SYSTEM_ACTOR, target, AuditEvent.SUCCESS, 1500,
                Map.of("scenes", "3"), occurredAt.truncatedTo(ChronoUnit.MICROS));
    }

    /** Sends the event as JSON keyed by its target and waits for the broker's acknowledgement. */
    RecordMetadata send(AuditEvent event) {
        try {
            return sendBytes(event.target(), objectMapper.writeValueAsBytes(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("test event cannot be written as JSON", e);
        }
    }

    RecordMetadata sendBytes(String key, byte[] value) {
        try {
            return producer.send(new ProducerRecord<>(Topics.AUDIT_EVENTS, key, value)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("test record not acknowledged by the broker", e);
        }
    }

    /** Reads the dead-letter topic from its start until a record matches or the timeout passes. */
    static ConsumerRecord<String, byte[]> awaitDeadLetter(Predicate<ConsumerRecord<String, byte[]>> match,
                                                          Duration timeout) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName()))) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(DEAD_LETTER_TOPIC)
                    .forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);

            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (match.test(record)) {
                        return record;
                    }
                }
            }
            return null;
        }
    }

    /** Returns the offset that the audit-service consumer group committed for a partition, or -1 if none. */
    static long committedOffset(TopicPartition partition) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets("audit-service")
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            OffsetAndMetadata committed = offsets.get(partition);
            return committed == null ? -1 : committed.offset();
        } catch (Exception e) {
            throw new IllegalStateException("committed offsets of group audit-service not readable", e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}

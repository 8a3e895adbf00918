package io.scenery.slicer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Writes and reads the service's topics with plain Kafka clients, as another service would. */
final class KafkaTestClient implements AutoCloseable {

    private final String bootstrapServers;
    private final ObjectMapper mapper;
    private final KafkaProducer<String, String> producer;

    KafkaTestClient(ObjectMapper mapper) {
        this.bootstrapServers = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        this.mapper = mapper;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
    }

    void send(String topic, UUID taskId, Object payload) throws Exception {
        producer.send(new ProducerRecord<>(topic, taskId.toString(), mapper.writeValueAsString(payload)))
                .get(10, TimeUnit.SECONDS);
    }

    /**
     * Reads the topic from the beginning and returns the task's records, parsed as JSON, once {@code done} accepts
     * them; fails when the timeout passes first.
     */
    List<JsonNode> await(String topic, UUID taskId, Predicate<List<JsonNode>> done, Duration timeout) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);

            List<JsonNode> records = new ArrayList<>();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (taskId.toString().equals(record.key())) {
                        records.add(parse(record.value()));
                    }
                }
                if (done.test(records)) {
                    return records;
                }
            }
            throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + topic
                    + " records of task " + taskId + "; received: " + records);
        }
    }

    /** Waits until the task's slicing progress reached a terminal status and returns all its progress events. */
    List<JsonNode> awaitTerminalProgress(UUID taskId) {
        return await("analysis-progress", taskId, records -> records.stream().anyMatch(KafkaTestClient::isTerminal),
                Duration.ofSeconds(60));
    }

    static boolean isTerminal(JsonNode progress) {
        String status = progress.path("status").asText();
        return status.equals("completed") || status.equals("failed") || status.equals("cancelled");
    }

    private JsonNode parse(String json) {
        if (json == null) {
            return com.fasterxml.jackson.databind.node.NullNode.getInstance();
        }
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new AssertionError("record is not JSON: " + json, e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}

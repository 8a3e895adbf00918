package io.scenery.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.scenery.audit.service.TrailReceipts;
import io.scenery.events.AuditEvent;
import io.scenery.events.audit.TrailActions;
import io.scenery.testing.KafkaTestResource;
import io.scenery.testing.PostgresTestResource;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
class AuditEventConsumerTest {

    private static final Duration STORE_TIMEOUT = Duration.ofSeconds(60);

    @Inject
    ObjectMapper objectMapper;

    @Inject
    DataSource dataSource;

    private AuditTopic topic;
    private AuditRows rows;

    @BeforeEach
    void openTopic() {
        topic = new AuditTopic(objectMapper);
        rows = new AuditRows(dataSource);
    }

    @AfterEach
    void closeTopic() {
        topic.close();
    }

    @Test
    void eventsStoredOnceEach() {
        String taskId = UUID.randomUUID().toString();
        Instant start = Instant.parse("2025-03-01T10:00:00.123456Z");
        List<AuditEvent> events = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            events.add(AuditTopic.event(taskId, "slicing.step", start.plusMillis(i)));
        }

        events.forEach(topic::send);
        topic.send(events.get(0));
        RecordMetadata lastDuplicate = topic.send(events.get(7));

        // Every record has the task id as key, so the offset commit past the last duplicate covers them all.
        awaitCommitted(lastDuplicate);

        assertThat(rows.countByTarget(taskId)).isEqualTo(40);
        for (AuditEvent event : events) {
            assertThat(rows.countByEventId(event.eventId())).as("rows of event %s", event.eventId()).isEqualTo(1);
        }
    }

    @Test
    void uploadGetsOneReceipt() {
        String taskId = UUID.randomUUID().toString();
        AuditEvent upload = new AuditEvent(AuditEvent.SCHEMA_VERSION, UUID.randomUUID(),
                "4bf92f3577b34da6a3ce929d0e0e4736", "ingest-service", TrailActions.UPLOAD_ACCEPTED,
                AuditEvent.SYSTEM_ACTOR, taskId, AuditEvent.SUCCESS, 900, Map.of(), Instant.now());
        String receiptId = TrailReceipts.receiptId(upload.eventId()).toString();

        topic.send(upload);
        RecordMetadata redelivered = topic.send(upload);
        awaitCommitted(redelivered);

        assertThat(rows.countByTarget(taskId)).isEqualTo(2);
        assertThat(rows.countByEventId(UUID.fromString(receiptId))).isEqualTo(1);
        given().queryParam("taskId", taskId).queryParam("service", "audit-service")
                .when().get("/api/v1/audit-events")
                .then().statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0].eventId", equalTo(receiptId))
                .body("items[0].action", equalTo(TrailActions.TRAIL_OPENED))
                .body("items[0].traceId", equalTo(upload.traceId()))
                .body("items[0].actor", equalTo(AuditEvent.SYSTEM_ACTOR))
                .body("items[0].outcome", equalTo(AuditEvent.SUCCESS))
                .body("items[0].attributes.uploadEventId", equalTo(upload.eventId().toString()))
                .body("items[0].attributes.uploadService", equalTo("ingest-service"));
    }

    @Test
    void storedEventKeepsEveryField() {
        String taskId = UUID.randomUUID().toString();
        AuditEvent event = new AuditEvent(AuditEvent.SCHEMA_VERSION, UUID.randomUUID(),
                "0af7651916cd43dd8448eb211c80319c", "vlm-service", "analysis.failed", "alice", taskId,
                AuditEvent.failed("TimeoutException"), 123456789L, Map.of("model", "qwen2-vl", "scene", "4"),
                Instant.parse("2025-04-05T06:07:08.654321Z"));

        topic.send(event);

        await().atMost(STORE_TIMEOUT).until(() -> rows.countByTarget(taskId) == 1);
        given().queryParam("taskId", taskId)
                .when().get("/api/v1/audit-events")
                .then().statusCode(200)
                .body("items[0].eventId", equalTo(event.eventId().toString()))
                .body("items[0].traceId", equalTo("0af7651916cd43dd8448eb211c80319c"))
                .body("items[0].service", equalTo("vlm-service"))
                .body("items[0].action", equalTo("analysis.failed"))
                .body("items[0].actor", equalTo("alice"))
                .body("items[0].target", equalTo(taskId))
                .body("items[0].outcome", equalTo("failed:TimeoutException"))
                .body("items[0].durationMicros", equalTo(123456789))
                .body("items[0].attributes.model", equalTo("qwen2-vl"))
                .body("items[0].attributes.scene", equalTo("4"))
                .body("items[0].occurredAt", equalTo("2025-04-05T06:07:08.654321Z"))
                .body("items[0].receivedAt", notNullValue());
    }

    @Test
    void csvSpecialCharactersStoredVerbatim() {
        String taskId = UUID.randomUUID().toString();
        Map<String, String> attributes = Map.of(
                "quoted", "say \"hi\", then leave",
                "lines", "first\nsecond\r\nthird",
                "backslash", "C:\\temp\\N",
                "empty", "",
                "unicode", "场景 ✓");
        AuditEvent event = new AuditEvent(AuditEvent.SCHEMA_VERSION, UUID.randomUUID(), null, "ingest-service",
                "upload,accepted", "\"bob\"", taskId, AuditEvent.SUCCESS, 7, attributes,
                Instant.parse("2025-05-06T07:08:09.000001Z"));

        topic.send(event);

        await().atMost(STORE_TIMEOUT).until(() -> rows.countByTarget(taskId) == 1);
        given().queryParam("taskId", taskId)
                .when().get("/api/v1/audit-events")
                .then().statusCode(200)
                .body("items[0].traceId", equalTo(null))
                .body("items[0].action", equalTo("upload,accepted"))
                .body("items[0].actor", equalTo("\"bob\""))
                .body("items[0].attributes", equalTo(attributes))
                .body("items[0].occurredAt", equalTo("2025-05-06T07:08:09.000001Z"));
    }

    @Test
    void garbageRecordDeadLettered() {
        String taskId = UUID.randomUUID().toString();
        byte[] garbage = ("{not json " + taskId).getBytes(StandardCharsets.UTF_8);
        AuditEvent valid = AuditTopic.event(taskId, "after.garbage", Instant.now());

        RecordMetadata garbageMetadata = topic.sendBytes(taskId, garbage);
        RecordMetadata validMetadata = topic.send(valid);

        assertThat(validMetadata.partition()).isEqualTo(garbageMetadata.partition());
        await().atMost(STORE_TIMEOUT).until(() -> rows.countByEventId(valid.eventId()) == 1);

        ConsumerRecord<String, byte[]> deadLetter = AuditTopic.awaitDeadLetter(
                record -> taskId.equals(record.key()), STORE_TIMEOUT);
        assertThat(deadLetter).as("dead letter keyed %s", taskId).isNotNull();
        assertThat(deadLetter.value()).isEqualTo(garbage);
        assertThat(header(deadLetter, "dead-letter-reason")).contains("not AuditEvent JSON");
        assertThat(header(deadLetter, "dead-letter-topic")).isEqualTo("audit-events");
        assertThat(header(deadLetter, "dead-letter-offset")).isEqualTo(Long.toString(garbageMetadata.offset()));
        awaitCommitted(validMetadata);
    }

    @Test
    void eventWithoutIdDeadLettered() throws Exception {
        String taskId = UUID.randomUUID().toString();
        AuditEvent withoutId = new AuditEvent(AuditEvent.SCHEMA_VERSION, null, null, "ingest-service",
                "upload.accepted", AuditEvent.SYSTEM_ACTOR, taskId, AuditEvent.SUCCESS, 10, Map.of(), Instant.now());
        AuditEvent valid = AuditTopic.event(taskId, "after.invalid", Instant.now());

        topic.sendBytes(taskId, objectMapper.writeValueAsBytes(withoutId));
        RecordMetadata validMetadata = topic.send(valid);

        await().atMost(STORE_TIMEOUT).until(() -> rows.countByEventId(valid.eventId()) == 1);
        ConsumerRecord<String, byte[]> deadLetter = AuditTopic.awaitDeadLetter(
                record -> taskId.equals(record.key()), STORE_TIMEOUT);
        assertThat(deadLetter).as("dead letter keyed %s", taskId).isNotNull();
        assertThat(header(deadLetter, "dead-letter-reason")).isEqualTo("eventId is missing");
        assertThat(objectMapper.readValue(deadLetter.value(), AuditEvent.class).action()).isEqualTo("upload.accepted");
        assertThat(rows.countByTarget(taskId)).isEqualTo(1);
        awaitCommitted(validMetadata);
    }

    @Test
    void nulCharacterDeadLettered() {
        String taskId = UUID.randomUUID().toString();
        AuditEvent withNul = new AuditEvent(AuditEvent.SCHEMA_VERSION, UUID.randomUUID(), null, "ingest-service",
                "upload\u0000accepted", AuditEvent.SYSTEM_ACTOR, taskId, AuditEvent.SUCCESS, 10, Map.of(),
                Instant.now());
        AuditEvent valid = AuditTopic.event(taskId, "after.nul", Instant.now());

        topic.send(withNul);
        topic.send(valid);

        await().atMost(STORE_TIMEOUT).until(() -> rows.countByEventId(valid.eventId()) == 1);
        ConsumerRecord<String, byte[]> deadLetter = AuditTopic.awaitDeadLetter(
                record -> taskId.equals(record.key()), STORE_TIMEOUT);
        assertThat(deadLetter).as("dead letter keyed %s", taskId).isNotNull();
        assertThat(header(deadLetter, "dead-letter-reason")).contains("NUL character");
        assertThat(rows.countByEventId(withNul.eventId())).isZero();
    }

    /** Waits until the consumer group committed an offset past the record, which it does only after storing it. */
    private static void awaitCommitted(RecordMetadata record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        await().atMost(STORE_TIMEOUT).until(() -> AuditTopic.committedOffset(partition) > record.offset());
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}

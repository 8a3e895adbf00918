package io.scenery.ingest.rest;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.scenery.events.CancelFlags;
import io.scenery.events.Topics;
import io.scenery.ingest.KafkaTestClients;
import io.scenery.ingest.Uploads;
import io.scenery.testing.KafkaTestResource;
import io.scenery.testing.PostgresTestResource;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
class TaskResourceTest {

    @Inject
    RedisDataSource redis;

    @Test
    void getReturnsNewTask() {
        UUID taskId = Uploads.acceptedTask("text");

        given().when().get("/api/v1/tasks/" + taskId)
                .then()
                .statusCode(200)
                .body("taskId", equalTo(taskId.toString()))
                .body("videoId", notNullValue())
                .body("fileName", equalTo("clip.mp4"))
                .body("sizeBytes", equalTo(4096))
                .body("status", equalTo("PENDING"))
                .body("stage", nullValue())
                .body("percent", equalTo(0.0f))
                .body("processed", equalTo(0))
                .body("total", equalTo(0))
                .body("sceneCount", nullValue())
                .body("detectTypes[0]", equalTo("text"))
                .body("error", nullValue())
                .body("createdAt", notNullValue())
                .body("updatedAt", notNullValue())
                .body("heartbeatAt", notNullValue())
                .body("finishedAt", nullValue());
    }

    @Test
    void getUnknownTask() {
        UUID taskId = UUID.randomUUID();

        given().when().get("/api/v1/tasks/" + taskId)
                .then()
                .statusCode(404)
                .body("error", equalTo("task " + taskId
                        + " not found; use the taskId that POST /api/v1/videos returned"))
                .body("field", equalTo("id"))
                .body("value", equalTo(taskId.toString()));
    }

    @Test
    void getMalformedTaskId() {
        given().when().get("/api/v1/tasks/not-a-uuid")
                .then()
                .statusCode(400)
                .body("error", containsString("invalid task id 'not-a-uuid'"))
                .body("field", equalTo("id"))
                .body("value", equalTo("not-a-uuid"));
    }

    @Test
    void cancelPendingTask() {
        UUID taskId = Uploads.acceptedTask(null);

        given().when().post("/api/v1/tasks/" + taskId + "/cancel")
                .then()
                .statusCode(202)
                .body("taskId", equalTo(taskId.toString()))
                .body("status", equalTo("CANCELLED"))
                .body("finishedAt", notNullValue());

        assertThat(redis.value(String.class).get(CancelFlags.key(taskId))).isEqualTo("1");
        long ttl = redis.key(String.class).ttl(CancelFlags.key(taskId));
        assertThat(ttl).isBetween(CancelFlags.TTL_SECONDS - 60, CancelFlags.TTL_SECONDS);
        given().when().get("/api/v1/tasks/" + taskId).then().body("status", equalTo("CANCELLED"));
        assertThat(auditActions(taskId)).contains("upload.accepted", "task.cancelled");
    }

    @Test
    void cancelTwice() {
        UUID taskId = Uploads.acceptedTask(null);
        given().when().post("/api/v1/tasks/" + taskId + "/cancel").then().statusCode(202);

        given().when().post("/api/v1/tasks/" + taskId + "/cancel")
                .then()
                .statusCode(409)
                .body("error", containsString("already CANCELLED"))
                .body("field", equalTo("status"))
                .body("value", equalTo("CANCELLED"))
                .body("taskId", equalTo(taskId.toString()));
    }

    /** Reads the audit events of the task until the cancellation shows up or 30 seconds passed. */
    private static List<String> auditActions(UUID taskId) {
        List<String> actions = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestClients.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "ingest-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            consumer.subscribe(List.of(Topics.AUDIT_EVENTS));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline && !actions.contains("task.cancelled")) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (taskId.toString().equals(record.key())) {
                        actions.add(JsonPath.from(record.value()).getString("action"));
                    }
                }
            }
        }
        return actions;
    }

    @Test
    void cancelUnknownTask() {
        given().when().post("/api/v1/tasks/" + UUID.randomUUID() + "/cancel")
                .then()
                .statusCode(404)
                .body("error", containsString("not found"));
    }
}

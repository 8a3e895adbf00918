package io.scenery.ingest.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.scenery.events.AnalysisProgress;
import io.scenery.events.DetectType;
import io.scenery.events.ProgressStatus;
import io.scenery.events.Stage;
import io.scenery.events.Topics;
import io.scenery.ingest.KafkaTestClients;
import io.scenery.ingest.Uploads;
import io.scenery.testing.KafkaTestResource;
import io.scenery.testing.PostgresTestResource;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
class AnalysisProgressConsumerTest {

    private static final String GROUP = "ingest-service";

    @Inject
    ObjectMapper objectMapper;

    @Test
    void progressMovesTaskToCompleted() {
        UUID taskId = Uploads.acceptedTask(null);

        send(taskId, Stage.SLICING, ProgressStatus.STARTED, null, 0, 0, null, null);
        awaitTask(taskId, "SLICING");

        send(taskId, Stage.SLICING, ProgressStatus.RUNNING, null, 50, 200, null, null);
        JsonPath running = awaitPercent(taskId, 25.0);
        assertThat(running.getString("status")).isEqualTo("SLICING");
        assertThat(running.getString("stage")).isEqualTo("slicing");
        assertThat(running.getLong("processed")).isEqualTo(50);
        assertThat(running.getLong("total")).isEqualTo(200);

        send(taskId, Stage.SLICING, ProgressStatus.COMPLETED, null, 200, 200, null, 7);
        JsonPath sliced = awaitTask(taskId, "SLICED");
        assertThat(sliced.getInt("sceneCount")).isEqualTo(7);
        assertThat(sliced.getDouble("percent")).isEqualTo(100.0);

        send(taskId, Stage.ANALYSIS, ProgressStatus.STARTED, DetectType.CONTROL, 0, 7, null, null);
        JsonPath analyzing = awaitTask(taskId, "ANALYZING");
        assertThat(analyzing.getString("stage")).isEqualTo("analysis");
        assertThat(analyzing.getInt("sceneCount")).isEqualTo(7);

        send(taskId, Stage.ANALYSIS, ProgressStatus.COMPLETED, DetectType.CONTROL, 7, 7, null, null);
        JsonPath completed = awaitTask(taskId, "COMPLETED");
        assertThat(completed.getString("finishedAt")).isNotNull();
        assertThat(completed.getString("error")).isNull();
    }

    @Test
    void lateRegressionIgnored() {
        UUID taskId = Uploads.acceptedTask(null);
        send(taskId, Stage.SLICING, ProgressStatus.COMPLETED, null, 100, 100, null, 3);
        send(taskId, Stage.ANALYSIS, ProgressStatus.RUNNING, DetectType.CONTROL, 1, 3, null, null);
        JsonPath analyzing = awaitTask(taskId, "ANALYZING");

        RecordMetadata regression = send(taskId, Stage.SLICING, ProgressStatus.RUNNING, null, 10, 100, null, null);
        KafkaTestClients.awaitConsumed(GROUP, regression);

        JsonPath afterRegression = task(taskId);
        assertThat(afterRegression.getString("status")).isEqualTo("ANALYZING");
        assertThat(afterRegression.getString("stage")).isEqualTo("analysis");
        assertThat(afterRegression.getLong("processed")).isEqualTo(1);
        assertThat(afterRegression.getString("heartbeatAt")).isEqualTo(analyzing.getString("heartbeatAt"));

        send(taskId, Stage.ANALYSIS, ProgressStatus.COMPLETED, DetectType.CONTROL, 3, 3, null, null);
        JsonPath completed = awaitTask(taskId, "COMPLETED");

        RecordMetadata lateFailure = send(taskId, Stage.ANALYSIS, ProgressStatus.FAILED, DetectType.CONTROL, 0, 3,
                "late failure", null);
        KafkaTestClients.awaitConsumed(GROUP, lateFailure);

        JsonPath afterLateFailure = task(taskId);
        assertThat(afterLateFailure.getString("status")).isEqualTo("COMPLETED");
        assertThat(afterLateFailure.getString("error")).isNull();
        assertThat(afterLateFailure.getString("updatedAt")).isEqualTo(completed.getString("updatedAt"));
    }

    @Test
    void failedEventFailsTask() {
        UUID taskId = Uploads.acceptedTask(null);
        send(taskId, Stage.SLICING, ProgressStatus.STARTED, null, 0, 0, null, null);

        send(taskId, Stage.SLICING, ProgressStatus.FAILED, null, 0, 0, "could not decode the video: moov atom not found",
                null);

        JsonPath failed = awaitTask(taskId, "FAILED");
        assertThat(failed.getString("error")).isEqualTo("could not decode the video: moov atom not found");
        assertThat(failed.getString("finishedAt")).isNotNull();
    }

    @Test
    void cancelledEventCancelsTask() {
        UUID taskId = Uploads.acceptedTask(null);

        send(taskId, Stage.SLICING, ProgressStatus.CANCELLED, null, 5, 100, "stopped on request", null);

        awaitTask(taskId, "CANCELLED");
    }

    @Test
    void completionWaitsForEveryDetectType() {
        UUID taskId = Uploads.acceptedTask("control,text");
        send(taskId, Stage.SLICING, ProgressStatus.COMPLETED, null, 10, 10, null, 2);

        RecordMetadata controlDone = send(taskId, Stage.ANALYSIS, ProgressStatus.COMPLETED, DetectType.CONTROL, 2, 2,
                null, null);
        KafkaTestClients.awaitConsumed(GROUP, controlDone);
        assertThat(task(taskId).getString("status")).isEqualTo("ANALYZING");

        send(taskId, Stage.ANALYSIS, ProgressStatus.COMPLETED, DetectType.TEXT, 2, 2, null, null);
        awaitTask(taskId, "COMPLETED");
    }

    @Test
    void unreadableRecordGoesToDeadLetterQueue() {
        String key = UUID.randomUUID().toString();

        KafkaTestClients.send(Topics.ANALYSIS_PROGRESS, key, "{not json");

        ConsumerRecord<String, String> dead = KafkaTestClients
                .findRecord(Topics.ANALYSIS_PROGRESS + Topics.DEAD_LETTER_SUFFIX, key, Duration.ofSeconds(30))
                .orElseThrow(() -> new AssertionError("no dead-letter record with key " + key));
        assertThat(dead.headers().lastHeader("dead-letter-reason")).isNotNull();
        assertThat(dead.value()).isEqualTo("{not json");

        UUID taskId = Uploads.acceptedTask(null);
        send(taskId, Stage.SLICING, ProgressStatus.STARTED, null, 0, 0, null, null);
        awaitTask(taskId, "SLICING");
    }

    private RecordMetadata send(UUID taskId, Stage stage, ProgressStatus status, DetectType detectType,
                                long processed, long total, String message, Integer sceneCount) {
        AnalysisProgress event = AnalysisProgress.of(taskId, stage, status, detectType, processed, total, message,
                sceneCount);
        try {
            return KafkaTestClients.send(Topics.ANALYSIS_PROGRESS, taskId.toString(),
                    objectMapper.writeValueAsString(event));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonPath task(UUID taskId) {
        return given().when().get("/api/v1/tasks/" + taskId).then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath awaitTask(UUID taskId, String status) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> task(taskId), json -> status.equals(json.getString("status")));
    }

    private static JsonPath awaitPercent(UUID taskId, double percent) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> task(taskId), json -> json.getDouble("percent") == percent);
    }
}

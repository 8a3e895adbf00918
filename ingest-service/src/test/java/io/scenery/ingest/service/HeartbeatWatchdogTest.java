package io.scenery.ingest.service;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.scenery.events.CancelFlags;
import io.scenery.events.Topics;
import io.scenery.ingest.KafkaTestClients;
import io.scenery.ingest.TaskView;
import io.scenery.ingest.Uploads;
import io.scenery.testing.KafkaTestResource;
import io.scenery.testing.PostgresTestResource;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
class HeartbeatWatchdogTest {

    @Inject
    HeartbeatWatchdog watchdog;

    @Inject
    DataSource dataSource;

    @Inject
    RedisDataSource redis;

    @Test
    void watchdogFailsStalledTask() throws Exception {
        UUID stalled = Uploads.acceptedTask(null);
        UUID fresh = Uploads.acceptedTask(null);
        ageHeartbeat(stalled, "PENDING", 3600);

        List<TaskView> failed = watchdog.failStalledTasks();

        assertThat(failed).extracting(TaskView::taskId).contains(stalled).doesNotContain(fresh);
        JsonPath stalledTask = task(stalled);
        assertThat(stalledTask.getString("status")).isEqualTo("FAILED");
        assertThat(stalledTask.getString("error"))
                .matches("no progress for 36\\d\\d s while PENDING; the slicer service may be down");
        assertThat(stalledTask.getString("finishedAt")).isNotNull();
        assertThat(redis.value(String.class).get(CancelFlags.key(stalled))).isEqualTo("1");

        assertThat(task(fresh).getString("status")).isEqualTo("PENDING");
        assertThat(redis.value(String.class).get(CancelFlags.key(fresh))).isNull();

        ConsumerRecord<String, String> audit = KafkaTestClients
                .findRecord(Topics.AUDIT_EVENTS, stalled.toString(), record -> record.value().contains("task.timed-out"),
                        Duration.ofSeconds(30))
                .orElseThrow(() -> new AssertionError("no task.timed-out audit event for " + stalled));
        assertThat(JsonPath.from(audit.value()).getString("attributes.reason")).startsWith("no progress for");
    }

    @Test
    void watchdogNamesVlmWhileAnalyzing() throws Exception {
        UUID taskId = Uploads.acceptedTask(null);
        ageHeartbeat(taskId, "ANALYZING", 900);

        watchdog.failStalledTasks();

        assertThat(task(taskId).getString("error"))
                .matches("no progress for 9\\d\\d s while ANALYZING; the vlm service may be down");
    }

    @Test
    void watchdogLeavesTerminalTaskAlone() throws Exception {
        UUID taskId = Uploads.acceptedTask(null);
        given().when().post("/api/v1/tasks/" + taskId + "/cancel").then().statusCode(202);
        ageHeartbeat(taskId, "CANCELLED", 3600);

        List<TaskView> failed = watchdog.failStalledTasks();

        assertThat(failed).extracting(TaskView::taskId).doesNotContain(taskId);
        assertThat(task(taskId).getString("status")).isEqualTo("CANCELLED");
        assertThat(task(taskId).getString("error")).isNull();
    }

    @Test
    void concurrentWatchdogsFailTaskOnce() throws Exception {
        UUID taskId = Uploads.acceptedTask(null);
        ageHeartbeat(taskId, "SLICING", 3600);

        ExecutorService executor = Executors.newFixedThreadPool(2);
        try {
            Callable<List<TaskView>> run = watchdog::failStalledTasks;
            List<Future<List<TaskView>>> runs = executor.invokeAll(List.of(run, run));
            List<UUID> failedIds = new ArrayList<>();
            for (Future<List<TaskView>> result : runs) {
                result.get().forEach(task -> failedIds.add(task.taskId()));
            }

            assertThat(failedIds).filteredOn(taskId::equals).hasSize(1);
        } finally {
            executor.shutdownNow();
        }
    }

    private void ageHeartbeat(UUID taskId, String status, int seconds) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE ingest.tasks SET status = ?, heartbeat_at = now() - make_interval(secs => ?)"
                             + " WHERE id = ?")) {
            update.setString(1, status);
            update.setInt(2, seconds);
            update.setObject(3, taskId);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    private static JsonPath task(UUID taskId) {
        return given().when().get("/api/v1/tasks/" + taskId).then().statusCode(200).extract().jsonPath();
    }
}

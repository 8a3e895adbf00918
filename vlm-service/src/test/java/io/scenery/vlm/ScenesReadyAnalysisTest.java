package io.scenery.vlm;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.scenery.events.AnalysisProgress;
import io.scenery.events.AuditEvent;
import io.scenery.events.CancelFlags;
import io.scenery.events.DetectType;
import io.scenery.events.ProgressStatus;
import io.scenery.events.SceneRef;
import io.scenery.events.ScenesReady;
import io.scenery.events.SlicingStats;
import io.scenery.events.Stage;
import io.scenery.events.Topics;
import io.scenery.storage.BlobStore;
import io.scenery.testing.KafkaTestResource;
import io.scenery.testing.PostgresTestResource;
import io.scenery.vlm.repository.AnalysisElementRepository;
import io.scenery.vlm.repository.AnalysisRepository;
import io.scenery.vlm.service.AnalysisRunner;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
class ScenesReadyAnalysisTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @Inject
    ObjectMapper json;

    @Inject
    BlobStore blobStore;

    @Inject
    RedisDataSource redis;

    @Inject
    AnalysisRepository analyses;

    @Inject
    AnalysisElementRepository elements;

    @Inject
    AnalysisRunner runner;

    @Test
    void scenesReadyCompletesAnalyses() throws Exception {
        UUID taskId = UUID.randomUUID();
        ScenesReady event = scenesReady(taskId, writeKeyframes(taskId, 2), List.of(DetectType.CONTROL,
                DetectType.TEXT));

        send(event);
        List<AnalysisProgress> progress = awaitProgress(taskId, 1);

        assertThat(progress.get(0).status()).isEqualTo(ProgressStatus.STARTED);
        assertThat(progress).allMatch(p -> p.stage() == Stage.ANALYSIS);
        assertThat(progress).filteredOn(p -> p.status() == ProgressStatus.RUNNING).hasSize(4);
        AnalysisProgress last = progress.get(progress.size() - 1);
        assertThat(last.status()).isEqualTo(ProgressStatus.COMPLETED);
        assertThat(last.detectType()).isNull();
        assertThat(last.processed()).isEqualTo(4);
        assertThat(last.total()).isEqualTo(4);

        JsonPath control = getAnalysis(taskId, "control", 200);
        assertThat(control.getString("status")).isEqualTo("COMPLETED");
        assertThat(control.getInt("processed")).isEqualTo(2);
        assertThat(control.getInt("total")).isEqualTo(2);
        assertThat(control.getList("scenes")).hasSize(2);
        assertThat(control.getInt("scenes[0].width")).isEqualTo(SyntheticScreen.WIDTH);
        assertThat(control.getInt("scenes[0].height")).isEqualTo(SyntheticScreen.HEIGHT);
        assertThat(control.getString("scenes[1].keyframeKey")).isEqualTo("keyframes/" + taskId + "/2.jpg");
        assertThat(control.getList("scenes[0].elements.type", String.class)).contains("button", "input", "checkbox");
        assertThat(control.getList("scenes[0].elements.source", String.class)).containsOnly("cv");
        assertThat(control.getList("scenes[0].elements.label", String.class)).contains("Sign in");
        assertThat(control.getInt("scenes[0].elements[0].box.width")).isPositive();

        JsonPath text = getAnalysis(taskId, "text", 200);
        assertThat(text.getString("status")).isEqualTo("COMPLETED");
        assertThat(text.getList("scenes[1].elements.label", String.class)).contains("Account settings");
        assertThat(text.getList("scenes[1].elements.source", String.class)).containsOnly("ocr");

        List<String> audit = TopicClient.awaitValues(Topics.AUDIT_EVENTS, taskId.toString(),
                values -> actions(values).stream().filter("analysis.finished"::equals).count() == 2, TIMEOUT);
        assertThat(actions(audit)).containsExactly("analysis.started", "analysis.finished", "analysis.started",
                "analysis.finished");
    }

    @Test
    void redeliveryLeavesNoDuplicates() throws Exception {
        UUID taskId = UUID.randomUUID();
        ScenesReady event = scenesReady(taskId, writeKeyframes(taskId, 2), List.of());

        send(event);
        awaitProgress(taskId, 1);
        long firstCount = elementCount(taskId);
        assertThat(firstCount).isPositive();
        assertThat(getAnalysis(taskId, "control", 200).getString("status")).isEqualTo("COMPLETED");

        // A completed analysis is not redone: only the closing event is sent again.
        send(event);
        List<AnalysisProgress> afterRedelivery = awaitProgress(taskId, 2);
        assertThat(afterRedelivery).filteredOn(p -> p.status() == ProgressStatus.STARTED).hasSize(1);
        assertThat(elementCount(taskId)).isEqualTo(firstCount);

        // A run that stopped half-way (status left RUNNING, no update for longer than analysis-stale-after) is
        // redone and replaces the earlier rows.
        markRunning(taskId, Instant.now().minus(Duration.ofHours(1)));
        send(event);
        List<AnalysisProgress> afterRerun = awaitProgress(taskId, 3);
        assertThat(afterRerun).filteredOn(p -> p.status() == ProgressStatus.STARTED).hasSize(2);
        assertThat(elementCount(taskId)).isEqualTo(firstCount);
        assertThat(getAnalysis(taskId, "control", 200).getString("status")).isEqualTo("COMPLETED");
    }

    @Test
    void redeliveryWaitsForLiveRun() throws Exception {
        UUID taskId = UUID.randomUUID();
        ScenesReady event = scenesReady(taskId, writeKeyframes(taskId, 2), List.of(DetectType.CONTROL));
        send(event);
        awaitProgress(taskId, 1);
        long firstCount = elementCount(taskId);
        Instant firstStart = analysis(taskId).startedAt;

        // The analysis is RUNNING and was updated just now, as by a run on another replica. The redelivered record
        // must wait for that run instead of starting a second one.
        markRunning(taskId, Instant.now());
        Instant staleSince;
        ExecutorService consumer = Executors.newSingleThreadExecutor();
        try {
            Future<?> redelivery = consumer.submit(() -> runner.run(event));
            Thread.sleep(1500);
            assertThat(analysis(taskId).startedAt).as("start of the analysis while the other run is live")
                    .isEqualTo(firstStart);
            assertThat(analysis(taskId).status).isEqualTo(AnalysisStatus.RUNNING);
            assertThat(redelivery.isDone()).as("redelivered record handled while the other run is live").isFalse();

            // The other run makes no more updates, as when its replica stopped. Once the analysis is stale, the
            // record takes it over and runs it again.
            staleSince = Instant.now();
            markRunning(taskId, staleSince.minus(Duration.ofHours(1)));
            redelivery.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } finally {
            consumer.shutdownNow();
        }

        Analysis rerun = analysis(taskId);
        assertThat(rerun.status).isEqualTo(AnalysisStatus.COMPLETED);
        assertThat(rerun.startedAt).as("start of the run that took the analysis over").isAfter(staleSince);
        assertThat(rerun.processed).isEqualTo(2);
        assertThat(elementCount(taskId)).isEqualTo(firstCount);
        List<AnalysisProgress> progress = awaitProgress(taskId, 2);
        assertThat(progress).filteredOn(p -> p.status() == ProgressStatus.STARTED).hasSize(2);
    }

    @Test
    void missingKeyframeFailsAnalysis() throws Exception {
        UUID taskId = UUID.randomUUID();
        List<SceneRef> scenes = new ArrayList<>(writeKeyframes(taskId, 1));
        scenes.add(new SceneRef(UUID.randomUUID(), 2, "keyframes/" + taskId + "/2.jpg"));

        send(scenesReady(taskId, scenes, List.of(DetectType.CONTROL)));
        List<AnalysisProgress> progress = TopicClient.awaitValues(Topics.ANALYSIS_PROGRESS, taskId.toString(),
                values -> parse(values).stream().anyMatch(p -> p.status() == ProgressStatus.FAILED), TIMEOUT)
                .stream().map(this::parse).toList();

        AnalysisProgress failed = progress.get(progress.size() - 1);
        assertThat(failed.status()).isEqualTo(ProgressStatus.FAILED);
        assertThat(failed.detectType()).isEqualTo(DetectType.CONTROL);
        assertThat(failed.message()).contains("scene 2", "keyframes/" + taskId + "/2.jpg", "not found");
        assertThat(progress).noneMatch(p -> p.status() == ProgressStatus.COMPLETED);

        JsonPath analysis = getAnalysis(taskId, "control", 200);
        assertThat(analysis.getString("status")).isEqualTo("FAILED");
        assertThat(analysis.getString("error")).contains("scene 2");
        assertThat(analysis.getInt("processed")).isEqualTo(1);

        List<String> audit = TopicClient.awaitValues(Topics.AUDIT_EVENTS, taskId.toString(),
                values -> actions(values).contains("analysis.failed"), TIMEOUT);
        assertThat(actions(audit)).containsExactly("analysis.started", "analysis.failed");
    }

    @Test
    void damagedKeyframeFailsAnalysis() throws Exception {
        UUID taskId = UUID.randomUUID();
        String key = "keyframes/" + taskId + "/1.jpg";
        blobStore.write(key, "not a picture".getBytes());

        send(scenesReady(taskId, List.of(new SceneRef(UUID.randomUUID(), 1, key)), List.of(DetectType.TEXT)));
        TopicClient.awaitValues(Topics.ANALYSIS_PROGRESS, taskId.toString(),
                values -> parse(values).stream().anyMatch(p -> p.status() == ProgressStatus.FAILED), TIMEOUT);

        JsonPath analysis = getAnalysis(taskId, "text", 200);
        assertThat(analysis.getString("status")).isEqualTo("FAILED");
        assertThat(analysis.getString("error")).contains("scene 1", "not a PNG or JPEG image");
    }

    @Test
    void cancelFlagStopsAnalysis() throws Exception {
        UUID taskId = UUID.randomUUID();
        redis.value(String.class).setex(CancelFlags.key(taskId), 300, "cancelled");
        try {
            send(scenesReady(taskId, writeKeyframes(taskId, 2), List.of(DetectType.ALL)));
            List<AnalysisProgress> progress = TopicClient.awaitValues(Topics.ANALYSIS_PROGRESS, taskId.toString(),
                    values -> parse(values).stream().anyMatch(p -> p.status() == ProgressStatus.CANCELLED),
                    TIMEOUT).stream().map(this::parse).toList();

            assertThat(progress).noneMatch(p -> p.status() == ProgressStatus.RUNNING);
            JsonPath analysis = getAnalysis(taskId, "all", 200);
            assertThat(analysis.getString("status")).isEqualTo("CANCELLED");
            assertThat(analysis.getString("error")).contains("cancelled before scene 1");
            assertThat(elementCount(taskId)).isZero();
        } finally {
            redis.key().del(CancelFlags.key(taskId));
        }
    }

    @Test
    void invalidRecordGoesToDeadLetterTopic() throws Exception {
        String key = UUID.randomUUID().toString();

        TopicClient.send(Topics.SCENES_READY, key, "{not json");

        List<String> dead = TopicClient.awaitValues(Topics.SCENES_READY + Topics.DEAD_LETTER_SUFFIX, key,
                values -> !values.isEmpty(), TIMEOUT);
        assertThat(dead).hasSize(1);
    }

    private List<SceneRef> writeKeyframes(UUID taskId, int count) throws Exception {
        byte[] jpeg = SyntheticScreen.render().encode(".jpg");
        List<SceneRef> scenes = new ArrayList<>();
        for (int number = 1; number <= count; number++) {
            String key = "keyframes/" + taskId + "/" + number + ".jpg";
            blobStore.write(key, jpeg);
            scenes.add(new SceneRef(UUID.randomUUID(), number, key));
        }
        return scenes;
    }

    private static ScenesReady scenesReady(UUID taskId, List<SceneRef> scenes, List<DetectType> detectTypes) {
        SlicingStats stats = new SlicingStats(100, 0, 1.5, 66.7, SyntheticScreen.WIDTH, SyntheticScreen.HEIGHT, 4.0);
        return new ScenesReady(ScenesReady.SCHEMA_VERSION, taskId, scenes.size(), scenes, stats, detectTypes, null,
                Instant.now());
    }

    private void send(ScenesReady event) throws Exception {
        TopicClient.send(Topics.SCENES_READY, event.taskId().toString(), json.writeValueAsString(event));
    }

    /** Waits until the task's analysis-progress events contain the given number of closing (completed) events. */
    private List<AnalysisProgress> awaitProgress(UUID taskId, int completedEvents) {
        return TopicClient.awaitValues(Topics.ANALYSIS_PROGRESS, taskId.toString(),
                        values -> parse(values).stream().filter(p -> p.status() == ProgressStatus.COMPLETED).count()
                                >= completedEvents, TIMEOUT)
                .stream().map(this::parse).toList();
    }

    private List<AnalysisProgress> parse(List<String> values) {
        return values.stream().map(this::parse).toList();
    }

    private AnalysisProgress parse(String value) {
        try {
            return json.readValue(value, AnalysisProgress.class);
        } catch (Exception e) {
            throw new AssertionError("invalid analysis-progress JSON: " + value, e);
        }
    }

    private List<String> actions(List<String> auditValues) {
        List<String> actions = new ArrayList<>();
        for (String value : auditValues) {
            try {
                actions.add(json.readValue(value, AuditEvent.class).action());
            } catch (Exception e) {
                throw new AssertionError("invalid audit JSON: " + value, e);
            }
        }
        return actions;
    }

    /** Sets the task's analyses to RUNNING with the given time of their last update. */
    private void markRunning(UUID taskId, Instant updatedAt) {
        QuarkusTransaction.requiringNew().run(() -> analyses.update("status = ?1, updatedAt = ?2 where taskId = ?3",
                AnalysisStatus.RUNNING, updatedAt, taskId));
    }

    private Analysis analysis(UUID taskId) {
        return QuarkusTransaction.requiringNew().call(() -> analyses.find(taskId, DetectType.CONTROL).orElseThrow());
    }

    private long elementCount(UUID taskId) {
        return QuarkusTransaction.requiringNew().call(() -> elements.count("taskId", taskId));
    }

    private static JsonPath getAnalysis(UUID taskId, String detectType, int expectedStatus) {
        return given()
                .when().get("/api/v1/tasks/{taskId}/analyses/{detectType}", taskId, detectType)
                .then().statusCode(expectedStatus)
                .extract().jsonPath();
    }
}

package io.scenery.vlm;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.scenery.events.AnalysisProgress;
import io.scenery.events.AnalysisRequested;
import io.scenery.events.DetectType;
import io.scenery.events.ProgressStatus;
import io.scenery.events.SceneRef;
import io.scenery.events.ScenesReady;
import io.scenery.events.SlicingStats;
import io.scenery.events.Topics;
import io.scenery.storage.BlobStore;
import io.scenery.testing.MockModelServer;
import io.scenery.testing.KafkaTestResource;
import io.scenery.testing.PostgresTestResource;
import io.scenery.testing.MockModelServer.Reply;
import io.scenery.vlm.repository.AnalysisElementRepository;
import io.scenery.vlm.repository.AnalysisSceneRepository;
import io.scenery.vlm.service.AnalysisRunner;
import io.scenery.vlm.service.AnalysisStore;
import io.scenery.vlm.service.TaskScenes;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Analyses requested over REST, with the mock vision model as the detector so that every detector run is one
 * counted model call per scene.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = MockModelResource.class, restrictToAnnotatedClass = true)
class AnalysisRequestTest {

    private static final String REPLY = "{\"elements\":[{\"type\":\"button\",\"label\":\"OK\",\"box\":[10,10,110,50]}]}";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Inject
    BlobStore blobStore;

    @Inject
    TaskScenes taskScenes;

    @Inject
    AnalysisStore store;

    @Inject
    AnalysisRunner runner;

    @Inject
    AnalysisSceneRepository sceneRows;

    @Inject
    AnalysisElementRepository elementRows;

    @Inject
    ObjectMapper json;

    @Test
    void postWhileRunningStartsNoSecondRun() throws Exception {
        UUID taskId = UUID.randomUUID();
        taskScenes.record(taskId, writeKeyframes(taskId, 2));
        server().script(Reply.content(REPLY).after(600));

        Response first = post(taskId, "{\"detectType\":\"control\"}");
        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(first.header("Location")).endsWith("/api/v1/tasks/" + taskId + "/analyses/control");
        assertThat(first.jsonPath().getString("status")).isIn("PENDING", "RUNNING");
        assertThat(first.jsonPath().getList("sceneIds")).hasSize(2);

        Response second = post(taskId, "{\"detectType\":\"control\"}");
        assertThat(second.statusCode()).isEqualTo(202);
        assertThat(second.jsonPath().getString("status")).isIn("PENDING", "RUNNING");

        JsonPath done = awaitStatus(taskId, "control", "COMPLETED");
        assertThat(done.getList("scenes")).hasSize(2);
        assertThat(done.getList("scenes[0].elements.label", String.class)).containsExactly("OK");
        assertThat(server().calls()).as("one model call per scene, for one run").isEqualTo(2);
        assertThat(requestRecords(taskId, 1)).hasSize(1);
    }

    @Test
    void postAfterFinishReturnsResult() throws Exception {
        UUID taskId = UUID.randomUUID();
        List<SceneRef> scenes = writeKeyframes(taskId, 2);
        server().script(Reply.content(REPLY));
        sendScenesReady(taskId, scenes);
        awaitStatus(taskId, "control", "COMPLETED");
        assertThat(server().calls()).isEqualTo(2);

        Response again = post(taskId, "{\"detectType\":\"control\"}");

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.jsonPath().getString("status")).isEqualTo("COMPLETED");
        assertThat(again.jsonPath().getList("scenes")).hasSize(2);
        assertThat(again.jsonPath().getList("scenes[1].elements.type", String.class)).containsExactly("button");
        String sameScenes = "{\"detectType\":\"control\",\"sceneIds\":[\"" + scenes.get(1).sceneId() + "\",\""
                + scenes.get(0).sceneId() + "\"]}";
        assertThat(post(taskId, sameScenes).statusCode()).as("the same scenes in another order").isEqualTo(200);
        Thread.sleep(1500);
        assertThat(server().calls()).as("no run after the analysis finished").isEqualTo(2);
    }

    @Test
    void otherSceneSetRunsAgain() throws Exception {
        UUID taskId = UUID.randomUUID();
        List<SceneRef> scenes = writeKeyframes(taskId, 3);
        taskScenes.record(taskId, scenes);
        server().script(Reply.content(REPLY));
        assertThat(post(taskId, "{\"detectType\":\"text\"}").statusCode()).isEqualTo(202);
        awaitStatus(taskId, "text", "COMPLETED");
        server().script(Reply.content(REPLY));

        Response subset = post(taskId, "{\"detectType\":\"text\",\"sceneIds\":[\"" + scenes.get(2).sceneId() + "\"]}");

        assertThat(subset.statusCode()).isEqualTo(202);
        JsonPath done = awaitStatus(taskId, "text", "COMPLETED");
        assertThat(done.getList("sceneIds", String.class)).containsExactly(scenes.get(2).sceneId().toString());
        assertThat(done.getList("scenes.sceneNumber", Integer.class)).containsExactly(3);
        assertThat(server().calls()).isEqualTo(1);
    }

    @Test
    void racingPostsRunOnce() throws Exception {
        UUID taskId = UUID.randomUUID();
        taskScenes.record(taskId, writeKeyframes(taskId, 3));
        server().script(Reply.content(REPLY).after(200));

        int clients = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<Integer>> statuses = new ArrayList<>();
        try {
            for (int i = 0; i < clients; i++) {
                statuses.add(pool.submit(() -> {
                    start.await();
                    return post(taskId, "{\"detectType\":\"all\"}").statusCode();
                }));
            }
            start.countDown();
            for (Future<Integer> status : statuses) {
                assertThat(status.get(30, TimeUnit.SECONDS)).isEqualTo(202);
            }
        } finally {
            pool.shutdownNow();
        }

        awaitStatus(taskId, "all", "COMPLETED");
        assertThat(server().calls()).as("one model call per scene, for one run").isEqualTo(3);
        assertThat(requestRecords(taskId, 1)).as("records on analysis-requests").hasSize(1);
    }

    @Test
    void racingConsumersRunOnce() throws Exception {
        UUID taskId = UUID.randomUUID();
        List<SceneRef> scenes = writeKeyframes(taskId, 2);
        taskScenes.record(taskId, scenes);
        server().script(Reply.content(REPLY).after(200));
        UUID runId = UUID.randomUUID();
        List<UUID> sceneIds = scenes.stream().map(SceneRef::sceneId).toList();
        assertThat(store.claim(taskId, DetectType.CONTROL, sceneIds, runId, Duration.ofMinutes(10))).isPresent();
        AnalysisRequested event = new AnalysisRequested(AnalysisRequested.SCHEMA_VERSION, taskId, DetectType.CONTROL,
                null, runId, null, Instant.now());

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService consumers = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(consumers.submit(() -> {
                    start.await();
                    runner.runRequested(event);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> run : runs) {
                run.get(60, TimeUnit.SECONDS);
            }
        } finally {
            consumers.shutdownNow();
        }

        assertThat(getAnalysis(taskId, "control").getString("status")).isEqualTo("COMPLETED");
        assertThat(server().calls()).isEqualTo(2);

        // The same record delivered once more, through Kafka, after the run: nothing runs.
        TopicClient.send(Topics.ANALYSIS_REQUESTS, taskId.toString(), json.writeValueAsString(event));
        Thread.sleep(1500);
        assertThat(server().calls()).isEqualTo(2);
        assertThat(getAnalysis(taskId, "control").getString("status")).isEqualTo("COMPLETED");
    }

    @Test
    void failedAnalysisRunsAgain() throws Exception {
        UUID taskId = UUID.randomUUID();
        taskScenes.record(taskId, writeKeyframes(taskId, 1));
        server().script(Reply.error(400, Map.of()));
        post(taskId, "{\"detectType\":\"control\"}");
        JsonPath failed = awaitStatus(taskId, "control", "FAILED");
        assertThat(failed.getString("error")).contains("HTTP 400");
        server().script(Reply.content(REPLY));

        Response retry = post(taskId, "{\"detectType\":\"control\"}");

        assertThat(retry.statusCode()).isEqualTo(202);
        assertThat(awaitStatus(taskId, "control", "COMPLETED").getList("scenes[0].elements")).hasSize(1);
        assertThat(server().calls()).isEqualTo(1);
    }

    @Test
    void scenesReadyWaitsForRequestedRun() throws Exception {
        UUID taskId = UUID.randomUUID();
        List<SceneRef> scenes = writeKeyframes(taskId, 2);
        taskScenes.record(taskId, scenes);
        server().script(Reply.content(REPLY).after(600));
        assertThat(post(taskId, "{\"detectType\":\"control\"}").statusCode()).isEqualTo(202);
        awaitStatus(taskId, "control", "RUNNING");

        handleScenesReady(taskId, scenes);

        JsonPath done = getAnalysis(taskId, "control");
        assertThat(done.getString("status")).isEqualTo("COMPLETED");
        assertThat(server().calls()).as("one model call per scene, for one run").isEqualTo(2);
        assertThat(done.getInt("usage.calls")).isEqualTo(2);
        assertThat(done.getList("sceneIds", String.class)).containsExactlyInAnyOrder(
                scenes.get(0).sceneId().toString(), scenes.get(1).sceneId().toString());
        assertThat(done.getList("scenes.sceneNumber", Integer.class)).containsExactly(1, 2);
        assertThat(done.getList("scenes[0].elements.label", String.class)).containsExactly("OK");
        assertThat(done.getList("scenes[1].elements.label", String.class)).containsExactly("OK");
        assertThat(sceneRowCount(taskId)).isEqualTo(2);
        assertThat(elementRowCount(taskId)).isEqualTo(2);
        assertThat(progressStatuses(taskId)).as("one run, then the closing event of the scenes-ready record")
                .containsExactly(ProgressStatus.STARTED, ProgressStatus.RUNNING, ProgressStatus.RUNNING,
                        ProgressStatus.COMPLETED, ProgressStatus.COMPLETED);
    }

    @Test
    void scenesReadyRunsAfterRequestedRunFails() throws Exception {
        UUID taskId = UUID.randomUUID();
        List<SceneRef> scenes = writeKeyframes(taskId, 2);
        taskScenes.record(taskId, scenes);
        Reply rejected = Reply.error(400, Map.of()).after(600);
        server().script(rejected, rejected, Reply.content(REPLY));
        assertThat(post(taskId, "{\"detectType\":\"control\"}").statusCode()).isEqualTo(202);
        awaitStatus(taskId, "control", "RUNNING");

        handleScenesReady(taskId, scenes);

        JsonPath done = getAnalysis(taskId, "control");
        assertThat(done.getString("status")).isEqualTo("COMPLETED");
        assertThat(done.getString("error")).isNull();
        assertThat(done.getInt("failedScenes")).isZero();
        assertThat(server().calls()).as("two rejected calls of the requested run, then two of the scenes-ready run")
                .isEqualTo(4);
        assertThat(done.getList("scenes.sceneNumber", Integer.class)).containsExactly(1, 2);
        assertThat(done.getList("scenes[0].elements.label", String.class)).containsExactly("OK");
        assertThat(done.getList("scenes[1].elements.label", String.class)).containsExactly("OK");
        assertThat(sceneRowCount(taskId)).isEqualTo(2);
        assertThat(elementRowCount(taskId)).isEqualTo(2);
        assertThat(progressStatuses(taskId)).as("the scenes-ready run starts after the requested run failed")
                .containsExactly(ProgressStatus.STARTED, ProgressStatus.RUNNING, ProgressStatus.RUNNING,
                        ProgressStatus.FAILED, ProgressStatus.STARTED, ProgressStatus.RUNNING,
                        ProgressStatus.RUNNING, ProgressStatus.COMPLETED);
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

    private void sendScenesReady(UUID taskId, List<SceneRef> scenes) throws Exception {
        TopicClient.send(Topics.SCENES_READY, taskId.toString(), json.writeValueAsString(scenesReady(taskId, scenes)));
    }

    /**
     * Handles a scenes-ready record for the control analysis as the consumer does, and waits until that returns.
     * The test calls the runner itself, not through Kafka, so that the record arrives while the requested run is live.
     */
    private void handleScenesReady(UUID taskId, List<SceneRef> scenes) throws Exception {
        ExecutorService consumer = Executors.newSingleThreadExecutor();
        try {
            consumer.submit(() -> runner.run(scenesReady(taskId, scenes))).get(60, TimeUnit.SECONDS);
        } finally {
            consumer.shutdownNow();
        }
    }

    private static ScenesReady scenesReady(UUID taskId, List<SceneRef> scenes) {
        return new ScenesReady(ScenesReady.SCHEMA_VERSION, taskId, scenes.size(), scenes,
                new SlicingStats(100, 0, 1.5, 66.7, SyntheticScreen.WIDTH, SyntheticScreen.HEIGHT, 4.0),
                List.of(DetectType.CONTROL), null, Instant.now());
    }

    private long sceneRowCount(UUID taskId) {
        return QuarkusTransaction.requiringNew().call(() -> sceneRows.count("taskId", taskId));
    }

    private long elementRowCount(UUID taskId) {
        return QuarkusTransaction.requiringNew().call(() -> elementRows.count("taskId", taskId));
    }

    /** Returns the statuses of the task's analysis-progress events once the task's closing event arrived. */
    private List<ProgressStatus> progressStatuses(UUID taskId) {
        return TopicClient.awaitValues(Topics.ANALYSIS_PROGRESS, taskId.toString(),
                        values -> values.stream().map(this::parseProgress)
                                .anyMatch(p -> p.status() == ProgressStatus.COMPLETED && p.detectType() == null),
                        TIMEOUT)
                .stream().map(value -> parseProgress(value).status()).toList();
    }

    private AnalysisProgress parseProgress(String value) {
        try {
            return json.readValue(value, AnalysisProgress.class);
        } catch (Exception e) {
            throw new AssertionError("invalid analysis-progress JSON: " + value, e);
        }
    }

    /** Returns the task's records on analysis-requests once at least the given number arrived. */
    private static List<String> requestRecords(UUID taskId, int atLeast) {
        return TopicClient.awaitValues(Topics.ANALYSIS_REQUESTS, taskId.toString(), values -> values.size() >= atLeast,
                TIMEOUT);
    }

    private static Response post(UUID taskId, String body) {
        return given()
                .contentType("application/json")
                .body(body)
                .when().post("/api/v1/tasks/{taskId}/analyses", taskId)
                .then().extract().response();
    }

    private static JsonPath getAnalysis(UUID taskId, String detectType) {
        return given()
                .when().get("/api/v1/tasks/{taskId}/analyses/{detectType}", taskId, detectType)
                .then().statusCode(200)
                .extract().jsonPath();
    }

    private static JsonPath awaitStatus(UUID taskId, String detectType, String status) {
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(100)).until(() -> given()
                .when().get("/api/v1/tasks/{taskId}/analyses/{detectType}", taskId, detectType)
                .then().extract().path("status"), status::equals);
        return getAnalysis(taskId, detectType);
    }

    private static MockModelServer server() {
        return MockModelResource.server;
    }
}

package io.scenery.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenery.cli.ApiException;
import io.scenery.cli.SceneryClient;
import io.scenery.testing.ScreenRecordingGenerator;
import io.scenery.testing.ScreenRecordingGenerator.Recording;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Drives the packaged services end to end over REST and Kafka: upload, slicing, analysis, audit, and the
 * failure paths for bad input.
 */
class PipelineIT {

    private static final Duration TASK_TIMEOUT = Duration.ofMinutes(3);
    private static final Set<String> TERMINAL = Set.of("COMPLETED", "FAILED", "CANCELLED");

    private static LocalStack stack;
    private static SceneryClient client;
    private static Path work;

    @BeforeAll
    static void startStack() throws Exception {
        stack = LocalStack.start();
        client = stack.client();
        work = Files.createDirectories(Path.of("target", "e2e-inputs").toAbsolutePath());
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void recordingCompletesWithScenesAndElements() throws Exception {
        Recording recording = ScreenRecordingGenerator.write(work.resolve("five-screens.mp4"),
                ScreenRecordingGenerator.Options.of(List.of(30, 36, 30, 42, 30)));

        String taskId = client.upload(recording.file(), Map.of()).path("taskId").asText();
        JsonNode task = awaitTerminal(taskId);

        assertThat(task.path("status").asText()).as("task %s: %s", taskId, task).isEqualTo("COMPLETED");
        assertThat(task.path("percent").asDouble()).isEqualTo(100.0);

        JsonNode scenes = client.scenes(taskId).path("scenes");
        List<Integer> startFrames = new ArrayList<>();
        scenes.forEach(scene -> startFrames.add(scene.path("startFrame").asInt()));
        assertThat(startFrames).as("scene start frames").hasSize(recording.cutFrames().size() + 1);
        assertThat(startFrames.get(0)).isZero();
        for (int i = 0; i < recording.cutFrames().size(); i++) {
            assertThat(startFrames.get(i + 1)).as("start of scene %d", i + 2)
                    .isBetween(recording.cutFrames().get(i) - 2, recording.cutFrames().get(i) + 2);
        }

        Set<String> keyframeDigests = new HashSet<>();
        for (JsonNode scene : scenes) {
            byte[] jpeg = client.keyframe(scene.path("keyframeUrl").asText());
            assertThat(jpeg).as("keyframe of scene %d", scene.path("sceneNumber").asInt()).isNotEmpty();
            assertThat(jpeg[0] & 0xff).isEqualTo(0xff);
            assertThat(jpeg[1] & 0xff).isEqualTo(0xd8);
            keyframeDigests.add(sha256(jpeg));
        }
        assertThat(keyframeDigests).as("distinct keyframes").hasSize(scenes.size());

        JsonNode analysis = client.analysis(taskId, "control");
        assertThat(analysis.path("status").asText()).isEqualTo("COMPLETED");
        int elements = 0;
        for (JsonNode scene : analysis.path("scenes")) {
            elements += scene.path("elements").size();
        }
        assertThat(elements).as("elements stored for task %s", taskId).isPositive();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Set<String> actions = new HashSet<>();
            Set<String> services = new HashSet<>();
            Set<String> traceIds = new HashSet<>();
            for (JsonNode event : client.auditEvents(taskId)) {
                actions.add(event.path("action").asText());
                services.add(event.path("service").asText());
                traceIds.add(event.path("traceId").asText());
            }
            assertThat(actions).contains("upload.accepted", "audit.trail-opened", "slicing.started",
                    "slicing.finished", "analysis.started", "analysis.finished");
            assertThat(services).containsExactlyInAnyOrder("ingest-service", "audit-service", "slicer-service",
                    "vlm-service");
            assertThat(traceIds).as("trace ids of task %s", taskId).hasSize(1);
            assertThat(traceIds.iterator().next()).matches("[0-9a-f]{32}");
        });
    }

    @Test
    void emptyFileRejected() throws Exception {
        Path empty = ScreenRecordingGenerator.writeEmptyFile(work.resolve("empty.mp4"));

        assertThatThrownBy(() -> client.upload(empty, Map.of()))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.body()).containsIgnoringCase("empty");
                });
    }

    @Test
    void textFileNamedMp4Rejected() throws Exception {
        Path text = ScreenRecordingGenerator.writeTextFile(work.resolve("notes.mp4"));

        assertThatThrownBy(() -> client.upload(text, Map.of()))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400));
    }

    @Test
    void truncatedMp4Fails() throws Exception {
        Recording recording = ScreenRecordingGenerator.write(work.resolve("to-truncate.mp4"),
                ScreenRecordingGenerator.Options.of(List.of(40, 40, 40)));
        Path truncated = ScreenRecordingGenerator.writeTruncatedCopy(recording.file(), work.resolve("truncated.mp4"), 0.4);

        String taskId = client.upload(truncated, Map.of()).path("taskId").asText();
        JsonNode task = awaitTerminal(taskId);

        assertThat(task.path("status").asText()).isEqualTo("FAILED");
        assertThat(task.path("error").asText()).containsIgnoringCase("truncated");
    }

    @Test
    void duplicateUploadEventLeavesNoDuplicateScenes() throws Exception {
        Recording recording = ScreenRecordingGenerator.write(work.resolve("three-screens.mp4"),
                ScreenRecordingGenerator.Options.of(List.of(30, 30, 30)));
        String taskId = client.upload(recording.file(), Map.of()).path("taskId").asText();
        assertThat(awaitTerminal(taskId).path("status").asText()).isEqualTo("COMPLETED");
        List<String> sceneIdsBefore = sceneIds(taskId);

        TopicReader topics = new TopicReader(stack.bootstrapServers());
        List<byte[]> uploads = topics.valuesWithKey("video-uploaded", taskId, Duration.ofSeconds(5));
        assertThat(uploads).as("video-uploaded records of task %s", taskId).hasSize(1);
        topics.send("video-uploaded", taskId, uploads.get(0));

        await().atMost(Duration.ofSeconds(60)).until(
                () -> topics.valuesWithKey("scenes-ready", taskId, Duration.ofSeconds(3)).size() >= 2);
        assertThat(sceneIds(taskId)).isEqualTo(sceneIdsBefore);
        assertThat(sceneRowCount(taskId)).isEqualTo(sceneIdsBefore.size());
        assertThat(client.task(taskId).path("status").asText()).isEqualTo("COMPLETED");
    }

    private static JsonNode awaitTerminal(String taskId) {
        return await().atMost(TASK_TIMEOUT).pollInterval(Duration.ofMillis(500))
                .until(() -> client.task(taskId), task -> TERMINAL.contains(task.path("status").asText()));
    }

    private static List<String> sceneIds(String taskId) throws Exception {
        List<String> ids = new ArrayList<>();
        client.scenes(taskId).path("scenes").forEach(scene -> ids.add(scene.path("sceneId").asText()));
        return ids;
    }

    private static int sceneRowCount(String taskId) throws Exception {
        try (Connection connection = LocalStack.openDatabase();
             PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM slicer.scene WHERE task_id = ?")) {
            query.setObject(1, UUID.fromString(taskId));
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}

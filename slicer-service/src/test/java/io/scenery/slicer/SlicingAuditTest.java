package io.scenery.slicer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.scenery.events.CancelFlags;
import io.scenery.events.Topics;
import io.scenery.events.VideoUploaded;
import io.scenery.storage.BlobStore;
import io.scenery.testing.KafkaTestResource;
import io.scenery.testing.PostgresTestResource;
import io.scenery.testing.ScreenRecordingGenerator;
import io.scenery.testing.ScreenRecordingGenerator.Options;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit events of a slicing run: its start, and its end with the outcome and the run's figures. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
class SlicingAuditTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    private static Path directory;
    private static Path recording;

    @Inject
    ObjectMapper mapper;

    @Inject
    BlobStore blobs;

    @Inject
    RedisDataSource redis;

    private KafkaTestClient kafka;

    @BeforeAll
    static void generateFiles() throws Exception {
        directory = Files.createDirectories(Path.of("target", "slicing-audit"));
        recording = ScreenRecordingGenerator.write(directory.resolve("three-screens.mp4"),
                Options.of(List.of(30, 30, 30))).file();
    }

    @BeforeEach
    void connect() {
        kafka = new KafkaTestClient(mapper);
    }

    @AfterEach
    void disconnect() {
        kafka.close();
    }

    @Test
    void completedRunAudited() throws Exception {
        VideoUploaded upload = Uploads.store(blobs, recording);

        List<JsonNode> events = sendAndAwaitFinished(upload);

        assertThat(actions(events)).containsExactly("slicing.started", "slicing.finished");
        JsonNode finished = events.get(1);
        assertThat(finished.path("outcome").asText()).isEqualTo("success");
        assertThat(finished.path("service").asText()).isEqualTo("slicer-service");
        assertThat(finished.path("actor").asText()).isEqualTo("system");
        assertThat(finished.path("target").asText()).isEqualTo(upload.taskId().toString());
        assertThat(finished.path("attributes").path("videoId").asText()).isEqualTo(upload.videoId().toString());
        assertThat(finished.path("attributes").path("sceneCount").asText()).isEqualTo("3");
        assertThat(finished.path("durationMicros").asLong()).isPositive();
        assertThat(finished.path("traceId").asText()).isEqualTo(events.get(0).path("traceId").asText());
    }

    @Test
    void failedRunAuditedWithReason() throws Exception {
        Path empty = ScreenRecordingGenerator.writeEmptyFile(directory.resolve("empty.mp4"));
        VideoUploaded upload = Uploads.store(blobs, empty);

        List<JsonNode> events = sendAndAwaitFinished(upload);

        JsonNode finished = events.get(events.size() - 1);
        assertThat(finished.path("outcome").asText()).startsWith("failed:");
        assertThat(finished.path("attributes").path("reason").asText()).contains("the file is empty");
    }

    @Test
    void cancelledRunAudited() throws Exception {
        VideoUploaded upload = Uploads.store(blobs, recording);
        redis.value(String.class).setex(CancelFlags.key(upload.taskId()), 600, Instant.now().toString());

        List<JsonNode> events = sendAndAwaitFinished(upload);

        assertThat(actions(events)).containsExactly("slicing.finished");
        assertThat(events.get(0).path("outcome").asText()).isEqualTo("cancelled");
    }

    private List<JsonNode> sendAndAwaitFinished(VideoUploaded upload) throws Exception {
        kafka.send(Topics.VIDEO_UPLOADED, upload.taskId(), upload);
        return kafka.await(Topics.AUDIT_EVENTS, upload.taskId(),
                records -> actions(records).contains("slicing.finished"), TIMEOUT);
    }

    private static List<String> actions(List<JsonNode> events) {
        return events.stream().map(event -> event.path("action").asText()).toList();
    }
}

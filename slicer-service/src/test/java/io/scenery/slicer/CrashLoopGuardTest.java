package io.scenery.slicer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.scenery.events.VideoUploaded;
import io.scenery.slicer.service.SlicingRunStore;
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

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Earlier attempts that crashed the process leave the run RUNNING with their count. The slicer must fail such a task
 * once the count reaches scenery.slicer.max-attempts (3 by default) instead of decoding it again.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
class CrashLoopGuardTest {

    private static Path recording;

    @Inject
    ObjectMapper mapper;

    @Inject
    BlobStore blobs;

    @Inject
    SlicingRunStore store;

    @Inject
    DataSource dataSource;

    private KafkaTestClient kafka;

    @BeforeAll
    static void generateRecording() throws Exception {
        Path directory = Files.createDirectories(Path.of("target", "recordings"));
        recording = ScreenRecordingGenerator.write(directory.resolve("crash-loop.mp4"),
                Options.of(List.of(20, 20))).file();
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
    void crashedAttemptsAtLimitFailWithoutDecoding() throws Exception {
        VideoUploaded upload = Uploads.store(blobs, recording);
        leaveCrashedRun(upload, 3);
        kafka.send("video-uploaded", upload.taskId(), upload);

        List<JsonNode> progress = kafka.awaitTerminalProgress(upload.taskId());
        JsonNode last = progress.get(progress.size() - 1);
        assertThat(last.path("status").asText()).isEqualTo("failed");
        assertThat(last.path("message").asText())
                .startsWith("slicing was started 3 times without finishing, the limit is 3;");
        assertThat(progress).as("no started or running event: decoding never began")
                .allSatisfy(event -> assertThat(event.path("status").asText()).isEqualTo("failed"));

        SlicingRun run = store.find(upload.taskId());
        assertThat(run.status).isEqualTo(RunStatus.FAILED);
        assertThat(run.errorType).isEqualTo("TooManyAttempts");
        assertThat(run.attempts).isEqualTo(4);
        assertThat(run.framesDecoded).as("frames decoded").isNull();
        assertThat(Files.exists(blobs.localPath("keyframes/" + upload.taskId() + "/frames.csv"))).isFalse();
    }

    @Test
    void crashedAttemptsBelowLimitDecodeAgain() throws Exception {
        VideoUploaded upload = Uploads.store(blobs, recording);
        leaveCrashedRun(upload, 2);
        kafka.send("video-uploaded", upload.taskId(), upload);

        List<JsonNode> progress = kafka.awaitTerminalProgress(upload.taskId());
        assertThat(progress.get(progress.size() - 1).path("status").asText()).isEqualTo("completed");

        SlicingRun run = store.find(upload.taskId());
        assertThat(run.status).isEqualTo(RunStatus.COMPLETED);
        assertThat(run.attempts).isEqualTo(3);
        assertThat(run.framesDecoded).isEqualTo(40);
    }

    /** Writes the row that a process leaves behind when it dies while decoding. */
    private void leaveCrashedRun(VideoUploaded upload, int attempts) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO slicer.slicing_run (task_id, video_id, status, attempts, started_at, updated_at)
                     VALUES (?, ?, 'RUNNING', ?, ?, ?)""")) {
            Timestamp now = Timestamp.from(Instant.now());
            insert.setObject(1, upload.taskId());
            insert.setObject(2, upload.videoId());
            insert.setInt(3, attempts);
            insert.setTimestamp(4, now);
            insert.setTimestamp(5, now);
            insert.executeUpdate();
        }
    }
}

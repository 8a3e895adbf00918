package io.scenery.slicer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.scenery.events.CancelFlags;
import io.scenery.events.SlicingParameters;
import io.scenery.events.VideoUploaded;
import io.scenery.slicer.service.FfmpegTool;
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

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
class BadInputTest {

    private static Path directory;
    private static Path recording;

    @Inject
    ObjectMapper mapper;

    @Inject
    BlobStore blobs;

    @Inject
    SlicingRunStore store;

    @Inject
    RedisDataSource redis;

    private KafkaTestClient kafka;

    @BeforeAll
    static void generateFiles() throws Exception {
        directory = Files.createDirectories(Path.of("target", "bad-input"));
        recording = ScreenRecordingGenerator.write(directory.resolve("complete.mp4"),
                Options.of(List.of(40, 40, 40))).file();
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
    void emptyFileFails() throws Exception {
        Path empty = ScreenRecordingGenerator.writeEmptyFile(directory.resolve("empty.mp4"));
        assertFailed(Uploads.store(blobs, empty), "the file is empty (0 bytes)");
    }

    @Test
    void textNamedMp4Fails() throws Exception {
        Path text = ScreenRecordingGenerator.writeTextFile(directory.resolve("notes.mp4"));
        assertFailed(Uploads.store(blobs, text), "the file is not a readable video");
    }

    @Test
    void truncatedFileFails() throws Exception {
        Path truncated = ScreenRecordingGenerator.writeTruncatedCopy(recording, directory.resolve("half.mp4"), 0.5);
        JsonNode failed = assertFailed(Uploads.store(blobs, truncated), "the file is truncated: decoded ");
        assertThat(failed.path("message").asText()).contains(" s of 10.0 s");
    }

    @Test
    void mp4WithoutIndexFailsAsTruncated() throws Exception {
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(20 + 8 + 4000);
        bytes.putInt(20).put("ftypisom".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)).putInt(0x200)
                .put("isom".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        bytes.putInt(5_000_000).put("mdat".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        Path cut = java.nio.file.Files.write(directory.resolve("cut-short.mp4"), bytes.array());

        JsonNode failed = assertFailed(Uploads.store(blobs, cut), "the file is truncated");
        assertThat(failed.path("message").asText()).contains("index (moov box) is missing");
    }

    @Test
    void missingFileFails() throws Exception {
        VideoUploaded stored = Uploads.store(blobs, recording);
        blobs.delete(stored.storageKey());
        assertFailed(stored, "the uploaded file is missing from storage");
    }

    @Test
    void invalidKeyFails() throws Exception {
        VideoUploaded stored = Uploads.store(blobs, recording);
        VideoUploaded invalid = new VideoUploaded(stored.schemaVersion(), stored.taskId(), stored.videoId(),
                "../outside", stored.sizeBytes(), stored.contentType(), null, stored.detectTypes(), null,
                stored.uploadedAt());
        assertFailed(invalid, "invalid storage key '../outside'");
    }

    @Test
    void invalidThresholdFails() throws Exception {
        VideoUploaded upload = Uploads.store(blobs, recording, new SlicingParameters(-1.0, null, null, null, null));
        assertFailed(upload, "invalid slicing parameters: threshold is -1.0 but must be between");
    }

    @Test
    void invalidChangedAreaFails() throws Exception {
        VideoUploaded upload = Uploads.store(blobs, recording, new SlicingParameters(null, null, 2.0, null, null));
        assertFailed(upload, "invalid slicing parameters: minChangedArea is 2.0 but must be between 0.0 and 1.0");
    }

    @Test
    void cancelledBeforeStartPublishesCancelled() throws Exception {
        VideoUploaded upload = Uploads.store(blobs, recording);
        redis.value(String.class).setex(CancelFlags.key(upload.taskId()), 600, Instant.now().toString());
        kafka.send("video-uploaded", upload.taskId(), upload);

        List<JsonNode> progress = kafka.awaitTerminalProgress(upload.taskId());
        assertThat(progress.get(progress.size() - 1).path("status").asText()).isEqualTo("cancelled");
        assertThat(store.find(upload.taskId()).status).isEqualTo(RunStatus.CANCELLED);
        assertThat(store.scenes(upload.taskId())).isEmpty();
    }

    @Test
    void damagedPacketsSkippedAndCounted() throws Exception {
        Path damaged = FfmpegTool.writeMjpeg(directory.resolve("damaged.avi"), 320, 240, 10, 6);
        FfmpegTool.damageJpegPackets(damaged, 10, 30, 50);
        VideoUploaded upload = Uploads.store(blobs, damaged);
        kafka.send("video-uploaded", upload.taskId(), upload);

        JsonNode ready = kafka.await("scenes-ready", upload.taskId(), records -> !records.isEmpty(),
                java.time.Duration.ofSeconds(60)).get(0);
        assertThat(ready.path("stats").path("decodeErrors").asLong()).isEqualTo(3);
        assertThat(ready.path("stats").path("framesDecoded").asLong()).isEqualTo(57);
        assertThat(store.find(upload.taskId()).decodeErrors).isEqualTo(3);
    }

    @Test
    void malformedRecordGoesToDeadLetterTopic() throws Exception {
        UUID taskId = UUID.randomUUID();
        kafka.send("video-uploaded", taskId, "{ not json");

        List<JsonNode> dead = kafka.await("video-uploaded.dlq", taskId, records -> !records.isEmpty(),
                java.time.Duration.ofSeconds(60));
        assertThat(dead).hasSize(1);
        assertThat(store.find(taskId)).isNull();
    }

    /** Sends the upload and checks that slicing failed with the reason, recorded and published, and left nothing. */
    private JsonNode assertFailed(VideoUploaded upload, String expectedReason) throws Exception {
        kafka.send("video-uploaded", upload.taskId(), upload);

        List<JsonNode> progress = kafka.awaitTerminalProgress(upload.taskId());
        JsonNode last = progress.get(progress.size() - 1);
        assertThat(last.path("status").asText()).isEqualTo("failed");
        assertThat(last.path("stage").asText()).isEqualTo("slicing");
        assertThat(last.path("message").asText()).contains(expectedReason);

        SlicingRun run = store.find(upload.taskId());
        assertThat(run.status).isEqualTo(RunStatus.FAILED);
        assertThat(run.error).contains(expectedReason);
        assertThat(store.scenes(upload.taskId())).isEmpty();
        assertThat(Files.exists(blobs.localPath("keyframes/" + upload.taskId() + "/1.jpg"))).isFalse();
        return last;
    }
}

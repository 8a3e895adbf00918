package io.scenery.slicer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.scenery.events.SlicingParameters;
import io.scenery.events.VideoUploaded;
import io.scenery.slicer.service.SlicingRunStore;
import io.scenery.storage.BlobStore;
import io.scenery.testing.KafkaTestResource;
import io.scenery.testing.PostgresTestResource;
import io.scenery.testing.ScreenRecordingGenerator;
import io.scenery.testing.ScreenRecordingGenerator.Options;
import io.scenery.testing.ScreenRecordingGenerator.Recording;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
class SlicingFlowTest {

    /** Five screens of 30, 24, 40, 18 and 30 frames at 12 frames per second: cuts at frames 30, 54, 94 and 112. */
    private static final List<Integer> SCENE_FRAMES = List.of(30, 24, 40, 18, 30);

    private static Recording recording;

    @Inject
    ObjectMapper mapper;

    @Inject
    BlobStore blobs;

    @Inject
    SlicingRunStore store;

    private KafkaTestClient kafka;

    @BeforeAll
    static void generateRecording() throws Exception {
        Path directory = Files.createDirectories(Path.of("target", "recordings"));
        recording = ScreenRecordingGenerator.write(directory.resolve("five-screens.mp4"), Options.of(SCENE_FRAMES));
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
    void recordingSlicedAtKnownCuts() throws Exception {
        VideoUploaded upload = Uploads.store(blobs, recording.file());
        kafka.send("video-uploaded", upload.taskId(), upload);

        JsonNode ready = awaitScenesReady(upload.taskId(), 1).get(0);
        assertThat(ready.path("sceneCount").asInt()).isEqualTo(5);
        assertThat(ready.path("scenes")).hasSize(5);
        assertThat(ready.path("detectTypes").toString()).isEqualTo("[\"control\",\"text\"]");
        assertThat(ready.path("traceparent").asText()).isNotEmpty();
        assertThat(ready.path("stats").path("framesDecoded").asLong()).isEqualTo(recording.frameCount());
        assertThat(ready.path("stats").path("width").asInt()).isEqualTo(640);

        List<Scene> scenes = store.scenes(upload.taskId());
        assertThat(scenes).hasSize(5);
        for (int i = 1; i < scenes.size(); i++) {
            int expectedCut = recording.cutFrames().get(i - 1);
            assertThat(scenes.get(i).startFrame).as("start of scene %d", i + 1).isBetween(expectedCut - 2, expectedCut + 2);
            assertThat(scenes.get(i).startSeconds).as("start time of scene %d", i + 1)
                    .isBetween((expectedCut - 2) / recording.frameRate(), (expectedCut + 2) / recording.frameRate());
            assertThat(scenes.get(i).motion).as("cut motion of scene %d", i + 1).isGreaterThan(6.0);
            assertThat(scenes.get(i - 1).endFrame).isEqualTo(scenes.get(i).startFrame - 1);
        }
        assertThat(scenes.get(0).startFrame).isZero();
        assertThat(scenes.get(4).endFrame).isEqualTo(recording.frameCount() - 1);

        Set<String> digests = new HashSet<>();
        for (Scene scene : scenes) {
            assertThat(scene.keyframeKey).isEqualTo("keyframes/" + upload.taskId() + "/" + scene.sceneNumber + ".jpg");
            assertThat(scene.keyframeFrame).isBetween(scene.startFrame, scene.endFrame);
            byte[] jpeg = Files.readAllBytes(blobs.localPath(scene.keyframeKey));
            BufferedImage image = ImageIO.read(new java.io.ByteArrayInputStream(jpeg));
            assertThat(image.getWidth()).isEqualTo(640);
            assertThat(image.getHeight()).isEqualTo(400);
            digests.add(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(jpeg)));
        }
        assertThat(digests).as("distinct keyframes").hasSize(5);

        List<JsonNode> progress = kafka.awaitTerminalProgress(upload.taskId());
        assertThat(progress.get(0).path("status").asText()).isEqualTo("started");
        assertThat(progress.get(0).path("stage").asText()).isEqualTo("slicing");
        JsonNode last = progress.get(progress.size() - 1);
        assertThat(last.path("status").asText()).isEqualTo("completed");
        assertThat(last.path("sceneCount").asInt()).isEqualTo(5);
        assertThat(last.path("percent").asDouble()).isEqualTo(100.0);
    }

    @Test
    void duplicateDeliveryKeepsOneSceneSet() throws Exception {
        VideoUploaded upload = Uploads.store(blobs, recording.file());
        kafka.send("video-uploaded", upload.taskId(), upload);
        kafka.send("video-uploaded", upload.taskId(), upload);

        List<JsonNode> ready = awaitScenesReady(upload.taskId(), 2);
        assertThat(ready.get(1).path("scenes")).isEqualTo(ready.get(0).path("scenes"));
        assertThat(store.scenes(upload.taskId())).hasSize(5);
        assertThat(store.find(upload.taskId()).attempts).as("decoded once").isEqualTo(1);
    }

    @Test
    void thresholdOverrideFromUpload() throws Exception {
        VideoUploaded upload = Uploads.store(blobs, recording.file(), new SlicingParameters(250.0, null, null, null, null));
        kafka.send("video-uploaded", upload.taskId(), upload);

        JsonNode ready = awaitScenesReady(upload.taskId(), 1).get(0);
        assertThat(ready.path("sceneCount").asInt()).isEqualTo(1);
    }

    @Test
    void minSceneOverrideFromUpload() throws Exception {
        // Scenes 2 and 4 last 2.0 s and 1.5 s, so a 2.2 s minimum drops the cuts that end them.
        VideoUploaded upload = Uploads.store(blobs, recording.file(), new SlicingParameters(null, 2.2, null, null, null));
        kafka.send("video-uploaded", upload.taskId(), upload);

        JsonNode ready = awaitScenesReady(upload.taskId(), 1).get(0);
        List<Integer> starts = store.scenes(upload.taskId()).stream().map(scene -> scene.startFrame).toList();
        assertThat(ready.path("sceneCount").asInt()).isEqualTo(3);
        assertThat(starts).hasSize(3);
        assertThat(starts.get(1)).isBetween(28, 32);
        assertThat(starts.get(2)).isBetween(92, 96);
    }

    @Test
    void settleFramesOverrideFromUpload() throws Exception {
        VideoUploaded upload = Uploads.store(blobs, recording.file(), new SlicingParameters(null, null, null, null, 6));
        kafka.send("video-uploaded", upload.taskId(), upload);

        awaitScenesReady(upload.taskId(), 1);
        List<Scene> scenes = store.scenes(upload.taskId());
        assertThat(scenes).hasSize(5);
        for (Scene scene : scenes) {
            // The default of 3 settled frames puts the keyframe at start + 3.
            assertThat(scene.keyframeFrame).as("keyframe of scene %d", scene.sceneNumber)
                    .isEqualTo(scene.startFrame + 6);
        }
    }

    @Test
    void sceneAreaOverrideFromUpload() throws Exception {
        VideoUploaded upload = Uploads.store(blobs, recording.file(),
                new SlicingParameters(null, null, null, 1.0, null));
        kafka.send("video-uploaded", upload.taskId(), upload);

        JsonNode ready = awaitScenesReady(upload.taskId(), 1).get(0);
        assertThat(ready.path("sceneCount").asInt()).isEqualTo(1);
    }

    @Test
    void rotatedRecordingGivesUprightKeyframes() throws Exception {
        Path file = Path.of("target", "recordings", "rotated.mp4");
        ScreenRecordingGenerator.write(file, Options.of(List.of(20, 20)).withDisplayRotation(90));
        VideoUploaded upload = Uploads.store(blobs, file);
        kafka.send("video-uploaded", upload.taskId(), upload);

        awaitScenesReady(upload.taskId(), 1);
        List<Scene> scenes = store.scenes(upload.taskId());
        assertThat(scenes).hasSize(2);
        assertThat(scenes.get(0).width).isEqualTo(400);
        assertThat(scenes.get(0).height).isEqualTo(640);
        BufferedImage image = ImageIO.read(blobs.localPath(scenes.get(0).keyframeKey).toFile());
        assertThat(image.getWidth()).isEqualTo(400);
        assertThat(image.getHeight()).isEqualTo(640);
    }

    private List<JsonNode> awaitScenesReady(UUID taskId, int count) {
        return kafka.await("scenes-ready", taskId, records -> records.size() >= count, Duration.ofSeconds(60));
    }
}

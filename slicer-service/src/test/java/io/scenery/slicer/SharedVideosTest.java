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
import io.scenery.testing.ProjectLayout;
import jakarta.inject.Inject;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/** Real recordings and broken files made outside this project; skipped when the shared data folder is absent. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
class SharedVideosTest {

    @Inject
    ObjectMapper mapper;

    @Inject
    BlobStore blobs;

    @Inject
    SlicingRunStore store;

    private KafkaTestClient kafka;

    @BeforeEach
    void connect() {
        kafka = new KafkaTestClient(mapper);
    }

    @AfterEach
    void disconnect() {
        kafka.close();
    }

    // bitmap.mp4 shows five 1x1 frames of different colours one second apart, so each frame is a scene.
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "afconvert-aac-0.5s.mp4         | failed    | the file has no video stream, only audio",
            "crunching.mp3                  | failed    | the file has no video stream, only audio",
            "with-attached-pic.mp3          | failed    | only audio with a cover picture",
            "result.webm                    | failed    | the file is empty (0 bytes)",
            "chunk_out_of_range.mp4         | failed    | the file is not a readable video",
            "bipbop_nonfragment_header.mp4  | failed    | no video frame could be decoded although the header claims",
            "invalid_userdata.mp4           | failed    | no video frame could be decoded although the header claims 231.2 s",
            "bitmap.mp4                     | completed | found 5 scenes",
            "hevc_white_frame.mp4           | completed | found 1 scene",
            "minimal.mp4                    | completed | found 1 scene",
            "tiny_av1.mp4                   | completed | found 1 scene",
            "no_duration.webm               | completed | found 1 scene",
            "transparent.webm               | completed | found 1 scene",
            "video_with_failing_audio.mp4   | completed | found",
            "white.mp4                      | completed | found 1 scene"})
    void oddFileOutcome(String name, String expectedStatus, String expectedMessage) throws Exception {
        Path file = sharedVideo("odd/" + name);

        VideoUploaded upload = Uploads.store(blobs, file);
        kafka.send("video-uploaded", upload.taskId(), upload);

        List<JsonNode> progress = kafka.awaitTerminalProgress(upload.taskId());
        JsonNode last = progress.get(progress.size() - 1);
        assertThat(last.path("status").asText()).isEqualTo(expectedStatus);
        assertThat(last.path("message").asText()).contains(expectedMessage);
    }

    @Test
    void frameRatesAgreeOnCutTimes() throws Exception {
        List<Double> at20 = cutSeconds(sharedVideo("screen/obsidian-quick-wrappers_demo_7642e50.mp4"));
        List<Double> at30 = cutSeconds(sharedVideo("screen/obsidian-quick-wrappers_demo_beba0cb.mp4"));

        assertThat(at20).hasSizeGreaterThanOrEqualTo(5);
        for (double cut : at20) {
            assertThat(at30).as("30 fps cuts near %.2f s", cut)
                    .anySatisfy(other -> assertThat(other).isCloseTo(cut, Offset.offset(0.1)));
        }
        // The 30 fps file shows a window switcher for one frame at 43.2 s that the 20 fps re-encode dropped. The
        // picture settles back to the one before, so it makes no scene.
        assertThat(at30).hasSameSizeAs(at20);
        for (double cut : at30) {
            assertThat(at20).as("20 fps cuts near %.2f s", cut)
                    .anySatisfy(other -> assertThat(other).isCloseTo(cut, Offset.offset(0.1)));
        }
    }

    @Test
    void variableFrameRateWithoutDurationSliced() throws Exception {
        VideoUploaded upload = Uploads.store(blobs, sharedVideo("screen/cbx-tree_demo.webm"));
        kafka.send("video-uploaded", upload.taskId(), upload);

        JsonNode last = lastProgress(upload);
        assertThat(last.path("status").asText()).isEqualTo("completed");
        SlicingRun run = store.find(upload.taskId());
        assertThat(run.framesDecoded).isEqualTo(449);
        assertThat(run.durationSeconds).isBetween(42.0, 44.0);
    }

    private List<Double> cutSeconds(Path file) throws Exception {
        VideoUploaded upload = Uploads.store(blobs, file);
        kafka.send("video-uploaded", upload.taskId(), upload);
        assertThat(lastProgress(upload).path("status").asText()).isEqualTo("completed");

        List<Double> cuts = new ArrayList<>();
        List<Scene> scenes = store.scenes(upload.taskId());
        for (Scene scene : scenes.subList(1, scenes.size())) {
            cuts.add(scene.startSeconds);
        }
        return cuts;
    }

    private JsonNode lastProgress(VideoUploaded upload) {
        List<JsonNode> progress = kafka.awaitTerminalProgress(upload.taskId());
        return progress.get(progress.size() - 1);
    }

    private static Path sharedVideo(String relative) {
        Path data = ProjectLayout.sharedData();
        assumeThat(data).as("shared test data folder").isNotNull();
        Path file = data.resolve("videos").resolve(relative);
        assumeThat(Files.exists(file)).as("%s exists", file).isTrue();
        return file;
    }
}

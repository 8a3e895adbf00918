package io.scenery.slicer.service;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.scenery.slicer.bench.GeneratedRecordings;
import io.scenery.storage.BlobStore;
import io.scenery.testing.KafkaTestResource;
import io.scenery.testing.PostgresTestResource;
import io.scenery.testing.ScreenRecordingGenerator;
import io.scenery.testing.ScreenRecordingGenerator.Options;
import io.scenery.testing.ScreenRecordingGenerator.Recording;
import io.scenery.testing.ScreenScript;
import io.scenery.testing.ScreenScript.Result;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
class VideoSlicerTest {

    private static Recording recording;

    @Inject
    VideoSlicer slicer;

    @Inject
    BlobStore blobs;

    @BeforeAll
    static void generateRecording() throws Exception {
        Path directory = Files.createDirectories(Path.of("target", "recordings"));
        recording = ScreenRecordingGenerator.write(directory.resolve("slicer-unit.mp4"),
                Options.of(List.of(60, 60, 60, 60)).withSeed(7));
    }

    @Test
    void cancelStopsAndRemovesKeyframes() {
        UUID taskId = UUID.randomUUID();
        // 2 ms per frame makes the 240 frames last about 0.5 s, so the cancel flag is read a few times. The cancel
        // comes after frame 70, when scene 1 has closed at frame 60 and its keyframe was written.
        CountingListener listener = new CountingListener(70, 2);

        assertThatThrownBy(() -> slicer.slice(taskId, recording.file(), null, listener))
                .isInstanceOf(SlicingCancelledException.class);
        assertThat(listener.lastFrames).isGreaterThanOrEqualTo(70);
        assertThat(listener.lastFrames).isLessThan(recording.frameCount());
        assertThat(Files.exists(blobs.localPath("keyframes/" + taskId + "/1.jpg"))).isFalse();
    }

    @Test
    void progressReportedPerFrame() throws Exception {
        CountingListener listener = new CountingListener(0, 0);

        SlicingResult result = slicer.slice(UUID.randomUUID(), recording.file(), null, listener);
        assertThat(result.scenes()).hasSize(4);
        assertThat(listener.frames).hasSize(recording.frameCount());
        assertThat(listener.expected).isEqualTo(recording.frameCount());
        // The cancel flag is read once per check interval (200 ms), not once per frame.
        assertThat(listener.cancelChecks).isLessThan(recording.frameCount() / 10);
    }

    @Test
    void timestampsComeFromFrames() throws Exception {
        SlicingResult result = slicer.slice(UUID.randomUUID(), recording.file(), null, new CountingListener(0, 0));

        DetectedScene second = result.scenes().get(1);
        assertThat(second.startSeconds()).isEqualTo(60 / 12.0);
        assertThat(result.scenes().get(0).endSeconds()).isEqualTo(second.startSeconds());
        assertThat(result.stats().durationSeconds()).isEqualTo(240 / 12.0);
        assertThat(result.stats().decodeErrors()).isZero();
    }

    @Test
    void keyframeWaitsForSettledFrames() throws Exception {
        SlicingResult result = slicer.slice(UUID.randomUUID(), recording.file(), null, new CountingListener(0, 0));

        for (DetectedScene scene : result.scenes()) {
            // The cursor moves a few pixels per frame, well below the settle threshold, so the third frame after
            // the cut is the first one after three settled frames.
            assertThat(scene.keyframeFrame()).as("keyframe of scene %d", scene.sceneNumber())
                    .isEqualTo(scene.startFrame() + 3);
        }
    }

    @Test
    void unalignedWidthSliced() throws Exception {
        // 240 pixels make BGR rows of 720 bytes, not a multiple of 64, which swscale overruns without padding.
        Path file = Path.of("target", "recordings", "narrow.mp4");
        ScreenRecordingGenerator.write(file, new Options(240, 136, 12, List.of(12, 12), 5, 0));

        SlicingResult result = slicer.slice(UUID.randomUUID(), file, null, new CountingListener(0, 0));
        assertThat(result.scenes()).hasSize(2);
        assertThat(result.scenes().get(1).width()).isEqualTo(240);
        assertThat(result.scenes().get(1).height()).isEqualTo(136);
        assertThat(result.stats().framesDecoded()).isEqualTo(24);
    }

    @Test
    void scriptedRecordingCutsWithinTwoFrames() throws Exception {
        Result scripted = ScreenScript.write(Path.of("target", "recordings", "scripted.mp4"),
                new ScreenScript.Options(640, 400, 12, false, 3, GeneratedRecordings.script(12)));

        SlicingResult result = slicer.slice(UUID.randomUUID(), scripted.file(), null, new CountingListener(0, 0));
        List<Integer> cuts = result.scenes().stream().skip(1).map(DetectedScene::startFrame).toList();
        assertThat(cuts).hasSameSizeAs(scripted.cutFrames());
        for (int i = 0; i < cuts.size(); i++) {
            assertThat(cuts.get(i)).as("cut %d", i + 1).isCloseTo(scripted.cutFrames().get(i), within(2));
        }
    }

    @Test
    void variableFrameRateTimesFromTimestamps() throws Exception {
        Result scripted = ScreenScript.write(Path.of("target", "recordings", "vfr.mp4"),
                new ScreenScript.Options(320, 200, 60, true, 4, GeneratedRecordings.script(24)));

        SlicingResult result = slicer.slice(UUID.randomUUID(), scripted.file(), null, new CountingListener(0, 0));
        List<Double> starts = result.scenes().stream().skip(1).map(DetectedScene::startSeconds).toList();
        assertThat(starts).hasSameSizeAs(scripted.cutSeconds());
        for (int i = 0; i < starts.size(); i++) {
            // Frames lie 1 to 4 ticks of 1/60 s apart, so a frame-count clock would drift by seconds.
            assertThat(starts.get(i)).as("start of scene %d", i + 2).isCloseTo(scripted.cutSeconds().get(i),
                    within(2 * 4 / 60.0));
        }
    }

    @Test
    void frameStatisticsStoredAsCsv() throws Exception {
        UUID taskId = UUID.randomUUID();
        slicer.slice(taskId, recording.file(), null, new CountingListener(0, 0));

        List<String> lines = Files.readAllLines(blobs.localPath("keyframes/" + taskId + "/frames.csv"));
        assertThat(lines.get(0)).isEqualTo("frame,seconds,motion,changed_area,cut");
        assertThat(lines).hasSize(recording.frameCount() + 1);
        assertThat(lines.stream().skip(1).filter(line -> line.endsWith(",1")).count()).isEqualTo(4);
        assertThat(lines.get(61)).startsWith("60,5.0000,").endsWith(",1");
    }

    /**
     * Records what the slicer reports. It requests a cancel once the given number of frames was decoded, or never
     * for 0, and sleeps the given milliseconds per frame to stand for a slow decode.
     */
    private static final class CountingListener implements SlicingListener {
        private final long cancelAfterFrames;
        private final long sleepMillis;
        private final List<Long> frames = new ArrayList<>();
        private long expected;
        private long lastFrames;
        private int cancelChecks;

        CountingListener(long cancelAfterFrames, long sleepMillis) {
            this.cancelAfterFrames = cancelAfterFrames;
            this.sleepMillis = sleepMillis;
        }

        @Override
        public void progress(long framesDecoded, long framesExpected) {
            frames.add(framesDecoded);
            expected = framesExpected;
            lastFrames = framesDecoded;
            if (sleepMillis > 0) {
                try {
                    Thread.sleep(sleepMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @Override
        public boolean cancelRequested() {
            cancelChecks++;
            return cancelAfterFrames > 0 && lastFrames >= cancelAfterFrames;
        }
    }
}

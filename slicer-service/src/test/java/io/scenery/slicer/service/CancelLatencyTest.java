package io.scenery.slicer.service;

import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.scenery.events.CancelFlags;
import io.scenery.testing.KafkaTestResource;
import io.scenery.testing.PostgresTestResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A cancel request, the flag ingest-service sets in Redis, stops decoding a long recording within 1 second. The bound
 * is generous: the flag is read every 200 ms.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
class CancelLatencyTest {

    /** 1280x720 at 30 frames per second for 60 s: 1800 frames, several seconds of decoding on 2 cores. */
    private static final int FRAMES = 1800;

    @Inject
    VideoSlicer slicer;

    @Inject
    CancelFlagReader cancelFlags;

    @Inject
    RedisDataSource redis;

    @Test
    void cancelStopsDecodingWithinOneSecond() throws Exception {
        Path video = longRecording();
        UUID taskId = UUID.randomUUID();
        TimedListener listener = new TimedListener(taskId, cancelFlags);
        long[] stopNanos = new long[1];
        CompletableFuture<SlicingResult> run = CompletableFuture.supplyAsync(() -> {
            try {
                return slicer.slice(taskId, video, null, listener);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                stopNanos[0] = System.nanoTime();
            }
        });

        while (listener.frames < 100 && !run.isDone()) {
            Thread.sleep(10);
        }
        long cancelNanos = System.nanoTime();
        long framesAtCancel = listener.frames;
        redis.value(String.class).setex(CancelFlags.key(taskId), 600, Instant.now().toString());

        assertThatThrownBy(() -> run.get(60, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().cause().isInstanceOf(SlicingCancelledException.class);
        double secondsDecodingAfterCancel = (stopNanos[0] - cancelNanos) / 1e9;
        Log.infof("Task %s: slicing stopped %.3f s after the cancel flag was set, at frame %d of %d", taskId,
                secondsDecodingAfterCancel, listener.frames, FRAMES);
        assertThat(framesAtCancel).as("frames decoded when the cancel was set").isGreaterThanOrEqualTo(100);
        assertThat(secondsDecodingAfterCancel).as("seconds until slicing stopped after the cancel").isLessThan(1.0);
        assertThat(listener.frames).as("frames decoded in all").isLessThan(FRAMES);
    }

    private static Path longRecording() throws Exception {
        Path file = Files.createDirectories(Path.of("target", "recordings")).resolve("cancel-720p-60s.avi");
        if (!Files.isRegularFile(file)) {
            FfmpegTool.writeMjpeg(file, 1280, 720, 30, FRAMES / 30);
        }
        return file;
    }

    /** Reads the real cancel flag and records the frames decoded. */
    private static final class TimedListener implements SlicingListener {
        private final UUID taskId;
        private final CancelFlagReader cancelFlags;
        private volatile long frames;

        TimedListener(UUID taskId, CancelFlagReader cancelFlags) {
            this.taskId = taskId;
            this.cancelFlags = cancelFlags;
        }

        @Override
        public void progress(long framesDecoded, long framesExpected) {
            frames = framesDecoded;
        }

        @Override
        public boolean cancelRequested() {
            return cancelFlags.isCancelled(taskId);
        }
    }
}

package io.scenery.slicer.service;

import io.scenery.slicer.service.VideoRejectedException.Reason;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** A video read from a pipe whose writer stops feeding it, the way a hung network mount stops delivering data. */
class StalledReadTest {

    @ParameterizedTest(name = "stall while {0}")
    @ValueSource(strings = {"opening", "decoding"})
    void stalledReadTimesOut(String stage) throws Exception {
        Path directory = Files.createDirectories(Path.of("target", "recordings"));
        Path video = FfmpegTool.writeMjpeg(directory.resolve("stalled-source.avi"), 320, 240, 10, 10);
        byte[] content = Files.readAllBytes(video);
        // 1000 bytes stop FFmpeg while it reads the header, half the file while it decodes frames.
        int fed = stage.equals("opening") ? 1000 : content.length / 2;
        Path pipe = directory.resolve("stalled-" + UUID.randomUUID() + ".pipe");
        Assumptions.assumeTrue(makeFifo(pipe), "mkfifo is not available");

        CountDownLatch release = new CountDownLatch(1);
        Thread writer = new Thread(() -> feedAndStall(pipe, Arrays.copyOf(content, fed), release), "stalling-writer");
        writer.setDaemon(true);
        writer.start();
        try {
            long start = System.nanoTime();

            // The slicer only accepts regular files from storage, so the pipe goes straight to the video source.
            assertTimeoutPreemptively(Duration.ofSeconds(30), () ->
                    assertThatThrownBy(() -> decodeAll(pipe))
                            .isInstanceOfSatisfying(VideoRejectedException.class,
                                    e -> assertThat(e.reason()).isEqualTo(Reason.READ_STALLED))
                            .hasMessageStartingWith("no data read for 2 s"));
            double seconds = (System.nanoTime() - start) / 1e9;
            assertThat(seconds).as("seconds until the stalled read failed").isBetween(2.0, 10.0);
        } finally {
            release.countDown();
            writer.join(TimeUnit.SECONDS.toMillis(10));
            Files.deleteIfExists(pipe);
        }
    }

    private static void decodeAll(Path pipe) throws Exception {
        try (VideoSource source = VideoSource.open(UUID.randomUUID(), pipe, 0, 100, Duration.ofSeconds(2))) {
            while (source.next() != null) {
                // Decoding goes on until the data stops.
            }
        }
    }

    /** Writes the bytes into the pipe, then keeps the pipe open without writing until released. */
    private static void feedAndStall(Path pipe, byte[] content, CountDownLatch release) {
        try (OutputStream out = Files.newOutputStream(pipe)) {
            out.write(content);
            out.flush();
            release.await(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            // The reader closing its end while the writer waits is expected; anything else shows in the assertions.
        }
    }

    private static boolean makeFifo(Path pipe) throws InterruptedException {
        try {
            Process process = new ProcessBuilder("mkfifo", pipe.toString()).inheritIO().start();
            return process.waitFor() == 0;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}

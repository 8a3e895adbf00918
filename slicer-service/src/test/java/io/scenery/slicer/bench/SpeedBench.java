package io.scenery.slicer.bench;

import io.quarkus.runtime.configuration.DurationConverter;
import io.scenery.slicer.config.SlicerConfig;
import io.scenery.slicer.service.SlicingListener;
import io.scenery.slicer.service.SlicingResult;
import io.scenery.slicer.service.VideoSlicer;
import io.scenery.storage.FileSystemBlobStore;
import io.smallrye.config.SmallRyeConfigBuilder;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

/**
 * Compares the slicer's decode and analysis speed with FFmpeg decoding the same file in the same run.
 *
 * <p>Usage: {@code SpeedBench <video> <frame count> <work directory> <rounds>}
 */
public final class SpeedBench {

    private SpeedBench() {
    }

    public static void main(String[] args) throws Exception {
        Path video = Path.of(args[0]);
        long frames = Long.parseLong(args[1]);
        Path work = Path.of(args[2]);
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        SlicerConfig config = new SmallRyeConfigBuilder().addDefaultSources()
                .withConverter(Duration.class, 100, new DurationConverter()).withMapping(SlicerConfig.class).build()
                .getConfigMapping(SlicerConfig.class);
        VideoSlicer slicer = new VideoSlicer(config, new FileSystemBlobStore(work.resolve("storage")));
        SlicingListener quiet = new SlicingListener() {
            @Override
            public void progress(long framesDecoded, long framesExpected) {
            }

            @Override
            public boolean cancelRequested() {
                return false;
            }
        };

        // Loads the natives and warms up the JIT.
        slicer.slice(UUID.randomUUID(), video, null, quiet);
        double bestFfmpeg = 0;
        double bestSlicer = 0;
        for (int round = 1; round <= rounds; round++) {
            double ffmpeg = frames / ffmpegSeconds(video);
            SlicingResult result = slicer.slice(UUID.randomUUID(), video, null, quiet);
            double mine = result.stats().framesDecoded() / result.stats().seconds();
            System.out.printf(Locale.ROOT, "round %d: ffmpeg %.0f frames/s, slicer %.0f frames/s (%d frames, %d"
                    + " scenes), ratio %.2f%n", round, ffmpeg, mine, result.stats().framesDecoded(),
                    result.scenes().size(), mine / ffmpeg);
            bestFfmpeg = Math.max(bestFfmpeg, ffmpeg);
            bestSlicer = Math.max(bestSlicer, mine);
        }
        System.out.printf(Locale.ROOT, "best of %d: ffmpeg %.0f frames/s, slicer %.0f frames/s, ratio %.2f%n",
                rounds, bestFfmpeg, bestSlicer, bestSlicer / bestFfmpeg);
    }

    private static double ffmpegSeconds(Path video) throws Exception {
        long start = System.nanoTime();
        Process process = new ProcessBuilder("ffmpeg", "-hide_banner", "-nostats", "-loglevel", "error", "-an", "-i",
                video.toString(), "-f", "null", "-").inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("ffmpeg could not decode " + video);
        }
        return (System.nanoTime() - start) / 1e9;
    }
}

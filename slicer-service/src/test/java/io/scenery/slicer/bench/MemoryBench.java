package io.scenery.slicer.bench;

import io.quarkus.runtime.configuration.DurationConverter;
import io.scenery.slicer.config.SlicerConfig;
import io.scenery.slicer.service.SlicingListener;
import io.scenery.slicer.service.SlicingResult;
import io.scenery.slicer.service.VideoSlicer;
import io.scenery.storage.FileSystemBlobStore;
import io.scenery.testing.ScreenRecordingGenerator;
import io.scenery.testing.ScreenRecordingGenerator.Options;
import io.smallrye.config.SmallRyeConfigBuilder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Slices many short generated recordings one after another in one JVM and prints the process's resident set size
 * (RSS) at the start, after the first 20 and at the end, to show whether native or Java memory grows per video.
 *
 * <p>Usage: {@code MemoryBench <work directory> <video count>}
 */
public final class MemoryBench {

    private static final int WARM_UP_VIDEOS = 20;

    private MemoryBench() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 200;
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

        List<Path> videos = generate(work.resolve("memory-videos"), count);
        long startKb = rssKb();
        System.out.printf(Locale.ROOT, "start: RSS %d MiB, %s (after writing %d videos, before slicing)%n",
                startKb / 1024, heap(), count);

        long afterWarmUpKb = 0;
        long frames = 0;
        long scenes = 0;
        long started = System.nanoTime();
        for (int i = 0; i < videos.size(); i++) {
            SlicingResult result = slicer.slice(UUID.randomUUID(), videos.get(i), null, quiet);
            frames += result.stats().framesDecoded();
            scenes += result.scenes().size();
            if (i + 1 == WARM_UP_VIDEOS) {
                afterWarmUpKb = rssKb();
                System.out.printf(Locale.ROOT, "after %d videos: RSS %d MiB, %s%n", WARM_UP_VIDEOS,
                        afterWarmUpKb / 1024, heap());
            } else if ((i + 1) % 50 == 0) {
                System.out.printf(Locale.ROOT, "after %d videos: RSS %d MiB, %s%n", i + 1, rssKb() / 1024, heap());
            }
        }
        long endKb = rssKb();
        double seconds = (System.nanoTime() - started) / 1e9;

        System.out.printf(Locale.ROOT, "end: RSS %d MiB after %d videos (%d frames, %d scenes, %.1f s)%n",
                endKb / 1024, videos.size(), frames, scenes, seconds);
        System.out.printf(Locale.ROOT, "ratio end / after %d: %.2f, end / start: %.2f%n", WARM_UP_VIDEOS,
                (double) endKb / afterWarmUpKb, (double) endKb / startKb);
    }

    /** Writes short recordings of varied size, length and content; existing files are reused. */
    private static List<Path> generate(Path directory, int count) throws IOException {
        Files.createDirectories(directory);
        int[][] sizes = {{640, 400}, {800, 600}, {1280, 720}, {480, 320}};
        List<Path> videos = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Path file = directory.resolve("video-" + i + ".mp4");
            if (!Files.isRegularFile(file)) {
                int[] size = sizes[i % sizes.length];
                List<Integer> scenes = List.of(12 + i % 7, 10 + i % 5, 14);
                ScreenRecordingGenerator.write(file, new Options(size[0], size[1], 12, scenes, i, 0));
            }
            videos.add(file);
        }
        return videos;
    }

    /** Returns the Java heap's committed and used size, to separate heap growth from native growth. */
    private static String heap() {
        Runtime runtime = Runtime.getRuntime();
        long committed = runtime.totalMemory();
        long used = committed - runtime.freeMemory();
        return String.format(Locale.ROOT, "heap committed %d MiB, used %d MiB", committed >> 20, used >> 20);
    }

    private static long rssKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IOException("no VmRSS line in /proc/self/status; the memory benchmark needs Linux");
    }
}

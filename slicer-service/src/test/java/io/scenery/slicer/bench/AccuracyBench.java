package io.scenery.slicer.bench;

import io.quarkus.runtime.configuration.DurationConverter;
import io.scenery.slicer.config.SlicerConfig;
import io.scenery.slicer.service.DetectedScene;
import io.scenery.slicer.service.SlicingListener;
import io.scenery.slicer.service.SlicingResult;
import io.scenery.slicer.service.VideoSlicer;
import io.scenery.storage.FileSystemBlobStore;
import io.scenery.testing.ProjectLayout;
import io.scenery.testing.ScreenScript;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Scores the slicer's cuts and FFmpeg's scene detectors against known cuts, with a tolerance of 2 frames: the
 * generated screen recordings, the committed sample recording, and, when present, the shared real recordings,
 * which have no labels and are reported as cut counts. Slicer settings come from system properties such as
 * {@code -Dscenery.slicer.threshold=2}; FFmpeg thresholds from {@code -Dbench.scene=0.3 -Dbench.scdet=10}.
 *
 * <p>Usage: {@code AccuracyBench <work directory> <repository root>}
 */
public final class AccuracyBench {

    private static final int TOLERANCE_FRAMES = 2;
    private static final SlicingListener QUIET = new SlicingListener() {
        @Override
        public void progress(long framesDecoded, long framesExpected) {
        }

        @Override
        public boolean cancelRequested() {
            return false;
        }
    };

    private final VideoSlicer slicer;
    private final FileSystemBlobStore blobs;
    private final double sceneThreshold = Double.parseDouble(System.getProperty("bench.scene", "0.3"));
    private final double scdetThreshold = Double.parseDouble(System.getProperty("bench.scdet", "10"));
    private CutScore slicerTotal = new CutScore(0, 0, 0);
    private CutScore sceneTotal = new CutScore(0, 0, 0);
    private CutScore scdetTotal = new CutScore(0, 0, 0);

    private AccuracyBench(Path work) {
        SmallRyeConfig config = new SmallRyeConfigBuilder().addDefaultSources()
                .withConverter(Duration.class, 100, new DurationConverter()).withMapping(SlicerConfig.class).build();
        blobs = new FileSystemBlobStore(work.resolve("storage"));
        slicer = new VideoSlicer(config.getConfigMapping(SlicerConfig.class), blobs);
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args.length > 0 ? args[0] : "target/bench");
        Path root = Path.of(args.length > 1 ? args[1] : ".");
        AccuracyBench bench = new AccuracyBench(work);
        System.out.printf(Locale.ROOT, "Tolerance %d frames; ffmpeg scene > %.2f; scdet threshold %.1f%n",
                TOLERANCE_FRAMES, bench.sceneThreshold, bench.scdetThreshold);
        System.out.printf("%-28s %-8s %-36s %-36s %-36s%n", "file", "cuts", "slicer", "ffmpeg scene", "ffmpeg scdet");

        CutScore generated = new CutScore(0, 0, 0);
        for (GeneratedRecordings.Spec spec : GeneratedRecordings.SPECS) {
            ScreenScript.Result recording = GeneratedRecordings.write(work.resolve("recordings"), spec);
            generated = generated.plus(bench.score(spec.name(), recording.file(), recording.cutFrames()));
        }
        System.out.println("generated set, slicer: " + generated.format());

        Path sample = root.resolve("samples/sample-recording.mp4");
        Path sampleCuts = root.resolve("samples/sample-recording.cuts.txt");
        if (Files.isRegularFile(sample) && Files.isRegularFile(sampleCuts)) {
            bench.scoreSeconds("sample-recording", sample, readCutSeconds(sampleCuts));
        }
        bench.printTotals();

        Path shared = ProjectLayout.sharedData();
        Path screen = shared == null ? null : shared.resolve("videos/screen");
        if (screen != null && Files.isDirectory(screen)) {
            bench.reportUnlabelled(screen);
        } else {
            System.out.println("shared screen recordings absent; skipped");
        }
    }

    private CutScore score(String name, Path file, List<Integer> truthFrames) throws Exception {
        Run run = slice(file);
        CutScore mine = CutScore.of(truthFrames, run.cutFrames(), TOLERANCE_FRAMES);
        CutScore scene = CutScore.of(truthFrames, run.toFrames(FfmpegDetectors.sceneScore(file, sceneThreshold)),
                TOLERANCE_FRAMES);
        CutScore scdet = CutScore.of(truthFrames, run.toFrames(FfmpegDetectors.scdet(file, scdetThreshold)),
                TOLERANCE_FRAMES);
        System.out.printf("%-28s %-8d %-36s %-36s %-36s%n", name, truthFrames.size(), mine.format(), scene.format(),
                scdet.format());
        if (mine.f1() < 1 || Boolean.getBoolean("bench.verbose")) {
            System.out.println("  true cut frames " + truthFrames + "; slicer cuts (frame, motion) "
                    + run.cuts().stream().map(cut -> String.format(Locale.ROOT, "%d %.1f", cut.startFrame(),
                    cut.motion())).toList());
        }
        slicerTotal = slicerTotal.plus(mine);
        sceneTotal = sceneTotal.plus(scene);
        scdetTotal = scdetTotal.plus(scdet);
        return mine;
    }

    private void scoreSeconds(String name, Path file, List<Double> truthSeconds) throws Exception {
        Run run = slice(file);
        score(name, file, run.toFrames(truthSeconds));
    }

    private void printTotals() {
        System.out.printf("%-28s %-8d %-36s %-36s %-36s%n", "overall", slicerTotal.truth(), slicerTotal.format(),
                sceneTotal.format(), scdetTotal.format());
    }

    private void reportUnlabelled(Path directory) throws Exception {
        System.out.printf("%n%-48s %8s %8s %8s%n", "unlabelled file", "slicer", "scene", "scdet");
        List<Path> files;
        try (var listing = Files.list(directory)) {
            files = listing.filter(Files::isRegularFile).sorted().toList();
        }
        List<List<Double>> obsidian = new ArrayList<>();
        for (Path file : files) {
            Run run = slice(file);
            int scene = FfmpegDetectors.sceneScore(file, sceneThreshold).size();
            int scdet = FfmpegDetectors.scdet(file, scdetThreshold).size();
            System.out.printf("%-48s %8d %8d %8d%n", file.getFileName(), run.cutSeconds().size(), scene, scdet);
            if (file.getFileName().toString().startsWith("obsidian")) {
                obsidian.add(run.cutSeconds());
            }
        }
        if (obsidian.size() == 2) {
            System.out.printf(Locale.ROOT, "obsidian pair: cut times %s and %s; %d of %d and %d of %d agree within"
                            + " 0.1 s%n", format(obsidian.get(0)), format(obsidian.get(1)),
                    agreeing(obsidian.get(0), obsidian.get(1)), obsidian.get(0).size(),
                    agreeing(obsidian.get(1), obsidian.get(0)), obsidian.get(1).size());
        }
    }

    private Run slice(Path file) throws Exception {
        UUID taskId = UUID.randomUUID();
        SlicingResult result = slicer.slice(taskId, file, null, QUIET);
        List<Double> times = Files.readAllLines(blobs.localPath("keyframes/" + taskId + "/frames.csv")).stream()
                .skip(1).map(line -> Double.parseDouble(line.split(",")[1])).toList();
        List<DetectedScene> scenes = result.scenes();
        return new Run(scenes.subList(1, scenes.size()), times);
    }

    private static int agreeing(List<Double> cuts, List<Double> others) {
        return (int) cuts.stream().filter(t -> others.stream().anyMatch(o -> Math.abs(o - t) <= 0.1)).count();
    }

    private static String format(List<Double> times) {
        return times.stream().map(t -> String.format(Locale.ROOT, "%.2f", t)).toList().toString();
    }

    private static List<Double> readCutSeconds(Path file) throws Exception {
        return Files.readAllLines(file).stream().map(String::strip).filter(line -> !line.isEmpty())
                .filter(line -> !line.startsWith("#")).map(line -> Double.parseDouble(line.split("\\s+")[0]))
                .toList();
    }

    /** The slicer's cuts on one file and the presentation time of each decoded frame. */
    private record Run(List<DetectedScene> cuts, List<Double> frameSeconds) {

        List<Integer> cutFrames() {
            return cuts.stream().map(DetectedScene::startFrame).toList();
        }

        List<Double> cutSeconds() {
            return cuts.stream().map(DetectedScene::startSeconds).toList();
        }

        /** Maps times to the numbers of the frames nearest to them. */
        List<Integer> toFrames(List<Double> seconds) {
            List<Integer> frames = new ArrayList<>();
            for (double time : seconds) {
                int best = 0;
                for (int i = 1; i < frameSeconds.size(); i++) {
                    if (Math.abs(frameSeconds.get(i) - time) < Math.abs(frameSeconds.get(best) - time)) {
                        best = i;
                    }
                }
                frames.add(best);
            }
            return frames;
        }
    }
}

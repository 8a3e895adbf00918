package io.scenery.slicer.service;

import io.quarkus.logging.Log;
import io.scenery.events.SlicingParameters;
import io.scenery.events.SlicingStats;
import io.scenery.slicer.config.SlicerConfig;
import io.scenery.slicer.service.VideoRejectedException.Reason;
import io.scenery.storage.BlobStore;
import jakarta.enterprise.context.ApplicationScoped;
import org.bytedeco.ffmpeg.avutil.AVFrame;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Decodes a video, measures the motion of every frame, cuts it into scenes and writes one JPEG keyframe per scene.
 * Keyframes written by a run that does not return a result are deleted again.
 */
@ApplicationScoped
public class VideoSlicer {

    private final SlicerConfig config;
    private final BlobStore blobs;

    public VideoSlicer(SlicerConfig config, BlobStore blobs) {
        this.config = config;
        this.blobs = blobs;
    }

    /**
     * @throws VideoRejectedException     when the file cannot be sliced, with a reason for the user
     * @throws SlicingCancelledException  when the listener reported a cancel request
     * @throws IOException                when a keyframe could not be stored
     */
    public SlicingResult slice(UUID taskId, Path video, SlicingParameters parameters, SlicingListener listener)
            throws VideoRejectedException, SlicingCancelledException, IOException {
        long startNanos = System.nanoTime();
        checkFile(video);

        KeyframeWriter writer = new KeyframeWriter(blobs, taskId);
        try (VideoSource source = VideoSource.open(taskId, video, config.decodeThreads(), config.maxDecodeErrors(),
                config.readTimeout());
             LumaSampler sampler = new LumaSampler(config.analysisWidth());
             KeyframeEncoder encoder = new KeyframeEncoder(config.keyframe().jpegQuality(), source.displayRotation(),
                     source.sampleAspectRatio())) {
            SceneAssembler assembler = new SceneAssembler(SceneDetector.of(parameters, config), config, encoder,
                    writer);
            SlicingResult result = decode(taskId, source, sampler, assembler, listener, startNanos);
            writer.writeFrameStats(assembler.frameLog().toCsv());
            return result;
        } catch (VideoRejectedException | SlicingCancelledException | IOException | RuntimeException e) {
            writer.deleteWritten();
            throw e;
        }
    }

    private SlicingResult decode(UUID taskId, VideoSource source, LumaSampler sampler, SceneAssembler assembler,
                                 SlicingListener listener, long startNanos)
            throws VideoRejectedException, SlicingCancelledException, IOException {
        long expectedFrames = source.expectedFrames();
        long cancelCheckNanos = config.cancelCheckInterval().toNanos();
        long nextCancelCheck = System.nanoTime() + cancelCheckNanos;
        int frames = 0;
        double firstSeconds = 0;
        double lastSeconds = 0;
        int width = 0;
        int height = 0;

        AVFrame frame;
        while ((frame = source.next()) != null) {
            double frameInterval = source.frameRate() > 0 ? 1 / source.frameRate() : 0;
            double seconds = Math.max(lastSeconds, source.frameSeconds(frame, lastSeconds + frameInterval));
            byte[] gray = sampler.sample(frame);
            assembler.accept(frames, seconds, gray, frame);

            if (frames == 0) {
                firstSeconds = seconds;
                width = frame.width();
                height = frame.height();
            }
            lastSeconds = seconds;
            frames++;

            // Checked by time, not by frame count, so that a slow decode still stops soon after a cancel request.
            long now = System.nanoTime();
            if (now >= nextCancelCheck) {
                nextCancelCheck = now + cancelCheckNanos;
                if (listener.cancelRequested()) {
                    throw new SlicingCancelledException(frames);
                }
                checkRunTime(startNanos, lastSeconds);
            }
            listener.progress(frames, source.progressTotal(frames, expectedFrames));
        }

        if (frames == 0) {
            throw new VideoRejectedException(Reason.NO_DECODABLE_FRAMES, noFramesMessage(source.headerSeconds()));
        }
        double endSeconds = lastSeconds + frameDuration(frames, firstSeconds, lastSeconds, source.frameRate());
        checkComplete(source.headerSeconds(), endSeconds - firstSeconds);

        List<DetectedScene> scenes = assembler.finish(endSeconds);
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        SlicingStats stats = new SlicingStats(frames, source.decodeErrors(), round(elapsed), round(frames / elapsed),
                width, height, round(endSeconds));
        Log.infof("Task %s: sliced %d frames into %d scenes in %.2f s (%.0f frames/s, %d damaged packets or"
                + " frames skipped)", taskId, frames, scenes.size(), elapsed, frames / elapsed, source.decodeErrors());
        return new SlicingResult(scenes, stats);
    }

    /**
     * Returns the mean interval between the decoded frames, which also suits variable frame rates, or for a single
     * frame the header's frame interval (0 when unknown).
     */
    private static double frameDuration(int frames, double firstSeconds, double lastSeconds, double frameRate) {
        if (frames > 1) {
            return (lastSeconds - firstSeconds) / (frames - 1);
        }
        return frameRate > 0 ? 1 / frameRate : 0;
    }

    private static void checkFile(Path video) throws VideoRejectedException, IOException {
        if (!Files.isRegularFile(video)) {
            throw new VideoRejectedException(Reason.MISSING_FILE,
                    "the uploaded file is missing from storage; upload the recording again");
        }
        if (Files.size(video) == 0) {
            throw new VideoRejectedException(Reason.EMPTY_FILE,
                    "the file is empty (0 bytes); upload the recording again");
        }
    }

    private void checkRunTime(long startNanos, double videoSeconds) throws VideoRejectedException {
        if (System.nanoTime() - startNanos > config.maxRunTime().toNanos()) {
            throw new VideoRejectedException(Reason.RUN_TIME_EXCEEDED, String.format(Locale.ROOT,
                    "slicing took longer than %d min and stopped at %.1f s of the video;"
                            + " upload a shorter recording", config.maxRunTime().toMinutes(), videoSeconds));
        }
    }

    /** Rejects a video whose decoded length falls well short of the length its header claims. */
    private void checkComplete(double headerSeconds, double decodedSeconds) throws VideoRejectedException {
        if (Double.isNaN(headerSeconds)) {
            return;
        }
        SlicerConfig.Truncation rule = config.truncation();
        double toleranceSeconds = rule.tolerance().toNanos() / 1e9;
        if (decodedSeconds < headerSeconds * rule.minDecodedRatio()
                && headerSeconds - decodedSeconds > toleranceSeconds) {
            throw new VideoRejectedException(Reason.TRUNCATED, String.format(Locale.ROOT,
                    "the file is truncated: decoded %.1f s of %.1f s; upload the complete recording",
                    decodedSeconds, headerSeconds));
        }
    }

    private static String noFramesMessage(double headerSeconds) {
        if (Double.isNaN(headerSeconds)) {
            return "no video frame could be decoded; the file is damaged or incomplete";
        }
        return String.format(Locale.ROOT, "no video frame could be decoded although the header claims %.1f s of"
                + " video; the file is truncated or damaged, upload the complete recording", headerSeconds);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}

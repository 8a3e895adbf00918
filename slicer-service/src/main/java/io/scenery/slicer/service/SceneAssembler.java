package io.scenery.slicer.service;

import io.scenery.slicer.config.SlicerConfig;
import io.scenery.slicer.service.KeyframeEncoder.EncodedKeyframe;
import org.bytedeco.ffmpeg.avutil.AVFrame;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the decoded frames of one video, with their motion values, into scenes. Each scene's keyframe is the first
 * frame after the cut from which on the motion stayed settled for a few frames, found within a short delay;
 * otherwise the scene's first frame. Keyframes are encoded while their frame is current and written when the
 * scene closes.
 */
final class SceneAssembler {

    private final SceneDetector detector;
    private final SlicerConfig.Keyframe policy;
    private final double maxSettleDelaySeconds;
    private final KeyframeEncoder encoder;
    private final KeyframeWriter writer;
    private final List<DetectedScene> scenes = new ArrayList<>();
    private OpenScene current;

    /** The scene being assembled. */
    private static final class OpenScene {
        int number;
        int startFrame;
        int lastFrame;
        double startSeconds;
        double motion;
        EncodedKeyframe keyframe;
        int keyframeFrame;
        double keyframeSeconds;
        int settledFrames;
        boolean settling;
    }

    SceneAssembler(SceneDetector detector, SlicerConfig.Keyframe policy, KeyframeEncoder encoder,
                   KeyframeWriter writer) {
        this.detector = detector;
        this.policy = policy;
        this.maxSettleDelaySeconds = policy.maxSettleDelay().toNanos() / 1e9;
        this.encoder = encoder;
        this.writer = writer;
    }

    /**
     * Adds the next decoded frame. The frame's buffers belong to the decoder and are only read during this call.
     *
     * @param seconds presentation time of the frame
     * @param motion  motion against the previous frame; ignored for the first frame
     */
    void accept(int frameNumber, double seconds, double motion, AVFrame frame) throws IOException {
        if (current == null) {
            open(frameNumber, seconds, 0.0, frame);
            return;
        }

        if (detector.isCut(motion, seconds - current.startSeconds)) {
            close(frameNumber - 1, seconds);
            open(frameNumber, seconds, motion, frame);
            return;
        }

        current.lastFrame = frameNumber;
        if (!current.settling) {
            return;
        }
        if (seconds - current.startSeconds > maxSettleDelaySeconds) {
            current.settling = false;
        } else if (motion <= policy.settleThreshold()) {
            current.settledFrames++;
            if (current.settledFrames >= policy.settleFrames()) {
                useAsKeyframe(frameNumber, seconds, frame);
                current.settling = false;
            }
        } else {
            current.settledFrames = 0;
        }
    }

    /**
     * Closes the last scene and returns all scenes in order.
     *
     * @param endSeconds end of the last decoded frame
     */
    List<DetectedScene> finish(double endSeconds) throws IOException {
        if (current != null) {
            close(current.lastFrame, endSeconds);
        }
        return List.copyOf(scenes);
    }

    private void open(int frameNumber, double seconds, double motion, AVFrame frame) {
        current = new OpenScene();
        current.number = scenes.size() + 1;
        current.startFrame = frameNumber;
        current.lastFrame = frameNumber;
        current.startSeconds = seconds;
        current.motion = motion;
        current.settling = policy.settleFrames() > 0;
        useAsKeyframe(frameNumber, seconds, frame);
    }

    private void useAsKeyframe(int frameNumber, double seconds, AVFrame frame) {
        current.keyframe = encoder.encode(frame);
        current.keyframeFrame = frameNumber;
        current.keyframeSeconds = seconds;
    }

    private void close(int endFrame, double endSeconds) throws IOException {
        String key = writer.write(current.number, current.keyframe.jpeg());
        scenes.add(new DetectedScene(current.number, current.startFrame, endFrame, current.startSeconds,
                Math.max(endSeconds, current.startSeconds), current.keyframeFrame, current.keyframeSeconds,
                current.motion, key, current.keyframe.width(), current.keyframe.height()));
        current = null;
    }
}

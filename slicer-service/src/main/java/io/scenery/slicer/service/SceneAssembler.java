package io.scenery.slicer.service;

import io.scenery.slicer.config.SlicerConfig;
import io.scenery.slicer.service.KeyframeEncoder.EncodedKeyframe;
import org.bytedeco.ffmpeg.avutil.AVFrame;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the decoded frames of one screen recording into scenes. A change begins at the first moving frame (enough
 * of the picture changed, or the whole picture shifted a little, as in a fade). It ends once the picture has been
 * still for a few frames, however many frames it moved in between, so a cut, a scroll, a fade and an animation are
 * one change each. When the settled picture differs from the current scene's keyframe by more than the threshold
 * over at least the minimum scene area, a new scene starts at the frame where the change began, with the settled frame as
 * its keyframe; when that scene would follow the previous start by less than the minimum scene length, the two
 * merge and the settled frame becomes the keyframe of the earlier one. Keyframes are encoded while their frame is
 * current and written when the scene closes.
 */
final class SceneAssembler {

    private final SceneDetector detector;
    private final SlicerConfig.Keyframe policy;
    private final double minChangedArea;
    private final double minSceneArea;
    private final int pixelThreshold;
    private final double maxChangeSeconds;
    private final double settleSeconds;
    private final KeyframeEncoder encoder;
    private final KeyframeWriter writer;
    private final FrameLog log = new FrameLog();
    private final List<DetectedScene> scenes = new ArrayList<>();
    private OpenScene current;
    private byte[] previous;
    private boolean changing;
    private int changeStartFrame;
    private double changeStartSeconds;
    private int stillFrames;
    private boolean previousJump;
    private double changeMaxMotion;
    private double previousSeconds;
    private PendingJump pendingJump;

    /** A sudden jump of the picture whose change has not settled yet, with its frame encoded as a keyframe. */
    private record PendingJump(int startFrame, double startSeconds, int frame, double seconds, byte[] gray,
                               EncodedKeyframe keyframe) {
    }

    /** The scene being assembled. */
    private static final class OpenScene {
        int number;
        int startFrame;
        int lastFrame;
        double startSeconds;
        double motion;
        EncodedKeyframe keyframe;
        byte[] reference;
        int keyframeFrame;
        double keyframeSeconds;
    }

    SceneAssembler(SceneDetector detector, SlicerConfig config, KeyframeEncoder encoder, KeyframeWriter writer) {
        this.detector = detector;
        this.policy = config.keyframe();
        this.minChangedArea = detector.minChangedArea();
        this.minSceneArea = detector.minSceneArea();
        this.pixelThreshold = config.pixelThreshold();
        this.maxChangeSeconds = policy.maxSettleDelay().toNanos() / 1e9;
        this.settleSeconds = policy.settleTime().toNanos() / 1e9;
        this.encoder = encoder;
        this.writer = writer;
    }

    /**
     * Adds the next decoded frame. The frame's buffers belong to the decoder and are only read during this call.
     *
     * @param seconds presentation time of the frame
     * @param gray    the frame's downscaled gray image, which this assembler may keep
     */
    void accept(int frameNumber, double seconds, byte[] gray, AVFrame frame) throws IOException {
        if (current == null) {
            log.add(frameNumber, seconds, new FrameDifference(0, 0));
            log.markCut(frameNumber);
            open(frameNumber, seconds, 0.0, gray, frame);
            // The first scene's keyframe waits for the picture to settle like any other.
            startChange(frameNumber, seconds);
            previous = gray;
            previousSeconds = seconds;
            return;
        }

        FrameDifference difference = MotionMeter.compare(previous, gray, pixelThreshold);
        log.add(frameNumber, seconds, difference);
        previous = gray;
        current.lastFrame = frameNumber;
        boolean moving = difference.changedArea() >= minChangedArea
                || difference.motion() > policy.settleThreshold();

        boolean jump = moving && difference.changedArea() >= minSceneArea
                && difference.motion() > detector.threshold();
        // A picture shown long enough counts as settled, so slides of one frame each stay apart.
        boolean held = seconds - previousSeconds >= settleSeconds;
        boolean firstJump = jump && (!previousJump || held);
        previousJump = jump;
        previousSeconds = seconds;
        if (moving) {
            // A jump after small moves (cursor, caret) begins a change of its own. Within a scroll or a fade it
            // belongs to the change that is under way.
            if (!changing || firstJump && (changeMaxMotion <= policy.settleThreshold() || held)) {
                startChange(frameNumber, seconds);
            }
            changeMaxMotion = Math.max(changeMaxMotion, difference.motion());
            if (firstJump) {
                cutAtPendingJump();
                pendingJump = new PendingJump(changeStartFrame, changeStartSeconds, frameNumber, seconds, gray,
                        encoder.encode(frame));
            }
            stillFrames = 0;
            if (seconds - changeStartSeconds > maxChangeSeconds) {
                settle(frameNumber, seconds, gray, frame);
            }
            return;
        }
        if (changing && ++stillFrames >= detector.settleFrames()) {
            settle(frameNumber, seconds, gray, frame);
        }
    }

    /**
     * Closes the last scene and returns all scenes in order.
     *
     * @param endSeconds end of the last decoded frame
     */
    List<DetectedScene> finish(double endSeconds) throws IOException {
        cutAtPendingJump();
        if (current != null) {
            close(current.lastFrame, endSeconds);
        }
        return List.copyOf(scenes);
    }

    /** Per-frame statistics of the frames accepted so far. */
    FrameLog frameLog() {
        return log;
    }

    private void startChange(int frameNumber, double seconds) {
        changing = true;
        changeStartFrame = frameNumber;
        changeStartSeconds = seconds;
        changeMaxMotion = 0;
        stillFrames = 0;
    }

    private void settle(int frameNumber, double seconds, byte[] gray, AVFrame frame) throws IOException {
        changing = false;
        pendingJump = null;
        if (changeStartFrame == current.startFrame) {
            useAsKeyframe(frameNumber, seconds, gray, frame);
            return;
        }

        FrameDifference change = MotionMeter.compare(current.reference, gray, pixelThreshold);
        if (change.changedArea() < minSceneArea || change.motion() <= detector.threshold()) {
            return;
        }
        if (detector.isCut(change.motion(), changeStartSeconds - current.startSeconds)) {
            close(changeStartFrame - 1, changeStartSeconds);
            log.markCut(changeStartFrame);
            open(changeStartFrame, changeStartSeconds, change.motion(), gray, frame);
            current.lastFrame = frameNumber;
        }
        useAsKeyframe(frameNumber, seconds, gray, frame);
    }

    /**
     * Starts the scene of the last sudden jump when its change never settled (a playing video, a cursor large
     * against a small frame, one frame per slide), with the jump frame as keyframe. A jump whose change settles is
     * decided by the settled picture instead, so a flash of a frame or two makes no scene.
     */
    private void cutAtPendingJump() throws IOException {
        PendingJump jump = pendingJump;
        pendingJump = null;
        if (jump == null || current == null || jump.startFrame() <= current.startFrame) {
            return;
        }
        FrameDifference change = MotionMeter.compare(current.reference, jump.gray(), pixelThreshold);
        if (change.changedArea() >= minSceneArea && change.motion() > detector.threshold()
                && detector.isCut(change.motion(), jump.startSeconds() - current.startSeconds)) {
            int lastFrame = current.lastFrame;
            close(jump.startFrame() - 1, jump.startSeconds());
            log.markCut(jump.startFrame());
            openScene(jump.startFrame(), jump.startSeconds(), change.motion());
            current.keyframe = jump.keyframe();
            current.reference = jump.gray();
            current.keyframeFrame = jump.frame();
            current.keyframeSeconds = jump.seconds();
            current.lastFrame = lastFrame;
        }
    }

    private void open(int frameNumber, double seconds, double motion, byte[] gray, AVFrame frame) {
        openScene(frameNumber, seconds, motion);
        useAsKeyframe(frameNumber, seconds, gray, frame);
    }

    private void openScene(int frameNumber, double seconds, double motion) {
        current = new OpenScene();
        current.number = scenes.size() + 1;
        current.startFrame = frameNumber;
        current.lastFrame = frameNumber;
        current.startSeconds = seconds;
        current.motion = motion;
    }

    private void useAsKeyframe(int frameNumber, double seconds, byte[] gray, AVFrame frame) {
        current.keyframe = encoder.encode(frame);
        current.reference = gray;
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

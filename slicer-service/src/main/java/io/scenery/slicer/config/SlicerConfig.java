package io.scenery.slicer.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Tunables of scene detection, keyframe choice, progress reporting and input checks. */
@ConfigMapping(prefix = "scenery.slicer")
public interface SlicerConfig {

    /**
     * Default cut threshold: the mean absolute difference, on the 0-255 scale, between the settled picture after a
     * change and the current scene's keyframe, above which the change starts a new scene. An upload may override
     * it.
     */
    @WithDefault("4.0")
    double threshold();

    /**
     * Smallest fraction of the frame, 0 to 1, whose pixels must change against the previous frame for the frame to
     * count as moving. Cursor moves, a blinking caret and typing stay below it. An upload may override it.
     */
    @WithDefault("0.01")
    double minChangedArea();

    /**
     * Smallest fraction of the frame, 0 to 1, that must differ between the settled picture after a change and the
     * current scene's keyframe for the change to start a new scene. Pages, dialogs with their dimmed backdrop,
     * scrolls and fades lie above it; drop-down lists, menus, tooltips and typed text below. An upload may
     * override it.
     */
    @WithDefault("0.25")
    double minSceneArea();

    /** Difference of a pixel's gray value, 0 to 255, above which the pixel counts as changed. */
    @WithDefault("8")
    int pixelThreshold();

    /** Default shortest scene; a cut closer than this to the previous cut is ignored. An upload may override it. */
    @WithDefault("1s")
    Duration minScene();

    /** Width in pixels of the gray frames that motion is measured on; smaller videos are not upscaled. */
    @WithDefault("160")
    int analysisWidth();

    /** FFmpeg decoder threads; 0 lets FFmpeg choose from the number of CPUs. */
    @WithDefault("0")
    int decodeThreads();

    /**
     * Time between two reads of the task's cancel flag in Redis while decoding. It bounds how long decoding goes on
     * after a cancel request, plus the time of one frame.
     */
    @WithDefault("200ms")
    Duration cancelCheckInterval();

    /**
     * Damaged packets and frames, counted together, that a run skips before it fails: packets the decoder rejects
     * and frames FFmpeg flags as decoded with errors.
     */
    @WithDefault("100")
    long maxDecodeErrors();

    /** Time a read of the video file may deliver no data before the run fails, as with a stalled network mount. */
    @WithDefault("30s")
    Duration readTimeout();

    /**
     * Slicing attempts of one task, counted in the database before decoding begins. A task whose earlier attempts
     * never finished, for example because the decoder crashed the process, fails once it reaches this count
     * instead of being decoded again.
     */
    @WithDefault("3")
    int maxAttempts();

    /** Shortest time between two "running" progress events of one task. */
    @WithDefault("500ms")
    Duration progressInterval();

    /** Maximum duration of a slicing run. A video that takes longer fails with a reason. */
    @WithDefault("1h")
    Duration maxRunTime();

    /** How long to wait for Kafka to acknowledge a terminal progress event or scenes-ready. */
    @WithDefault("30s")
    Duration publishTimeout();

    Keyframe keyframe();

    Truncation truncation();

    /** Settings for choosing and encoding the keyframe of a scene. */
    interface Keyframe {

        /**
         * Consecutive still frames that end a change (a cut, a scroll, a fade, an animation). The last of them is
         * the keyframe of the scene the change starts. A frame is still when its motion against the previous frame
         * is at or below {@link #settleThreshold()} and less than the minimum changed area changed. An upload may
         * override it.
         */
        @WithDefault("3")
        int settleFrames();

        /**
         * Display time after which a frame counts as settled whatever follows, so that a recording with one frame
         * per slide keeps every slide as a scene.
         */
        @WithDefault("500ms")
        Duration settleTime();

        /** Motion value, on the 0-255 scale, at or below which a frame can count as still. */
        @WithDefault("1.0")
        double settleThreshold();

        /**
         * Maximum duration of a change. A picture that keeps moving this long after the change began is taken as
         * settled at the current frame, so that continuous motion still yields scenes.
         */
        @WithDefault("10s")
        Duration maxSettleDelay();

        /** JPEG quality, 1 to 100. */
        @WithDefault("90")
        int jpegQuality();
    }

    /**
     * When a decoded video counts as truncated. An MP4 whose index sits at the front still opens when its end is
     * cut off, and FFmpeg then stops decoding as if the video were complete, so the decoded length is compared
     * with the length the header claims.
     */
    interface Truncation {

        /** Fraction of the header's duration that must be decoded. */
        @WithDefault("0.9")
        double minDecodedRatio();

        /** Shortfall that is always accepted, so that very short videos with rounded headers pass. */
        @WithDefault("1s")
        Duration tolerance();
    }
}

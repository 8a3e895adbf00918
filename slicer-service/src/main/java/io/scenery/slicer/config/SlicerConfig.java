package io.scenery.slicer.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Tunables of scene detection, keyframe choice, progress reporting and input checks. */
@ConfigMapping(prefix = "scenery.slicer")
public interface SlicerConfig {

    /**
     * Default motion threshold: the mean absolute difference of two consecutive downscaled gray frames, on the
     * 0-255 scale, above which a frame starts a new scene. An upload may override it.
     */
    @WithDefault("6.0")
    double threshold();

    /** Default shortest scene; a cut closer than this to the previous cut is ignored. An upload may override it. */
    @WithDefault("1s")
    Duration minScene();

    /** Width in pixels of the gray frames that motion is measured on; smaller videos are not upscaled. */
    @WithDefault("160")
    int analysisWidth();

    /** FFmpeg decoder threads; 0 lets FFmpeg choose from the number of CPUs. */
    @WithDefault("0")
    int decodeThreads();

    /** Frames decoded between two reads of the task's cancel flag in Redis. */
    @WithDefault("50")
    int cancelCheckFrames();

    /** Shortest time between two "running" progress events of one task. */
    @WithDefault("500ms")
    Duration progressInterval();

    /** Longest slicing run; a video that takes longer fails with a reason. */
    @WithDefault("1h")
    Duration maxRunTime();

    /** How long to wait for Kafka to acknowledge a terminal progress event or scenes-ready. */
    @WithDefault("30s")
    Duration publishTimeout();

    Keyframe keyframe();

    Truncation truncation();

    /** How the keyframe of a scene is chosen and encoded. */
    interface Keyframe {

        /**
         * Consecutive frames after the cut whose motion must stay at or below {@link #settleThreshold()} before the
         * last of them becomes the keyframe; until then the scene's first frame is kept.
         */
        @WithDefault("3")
        int settleFrames();

        /** Motion value, on the 0-255 scale, at or below which the picture counts as settled. */
        @WithDefault("1.0")
        double settleThreshold();

        /** How long after the cut a settled frame may replace the first frame. */
        @WithDefault("2s")
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

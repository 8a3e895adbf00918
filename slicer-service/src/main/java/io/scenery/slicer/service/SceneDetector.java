package io.scenery.slicer.service;

import io.scenery.events.SlicingParameters;
import io.scenery.slicer.config.SlicerConfig;

/**
 * The detection settings of one run, the upload's overrides applied over the configured defaults. It decides which
 * changes start a new scene: those whose settled picture differs from the current scene's keyframe by a mean
 * absolute difference above the threshold, unless the current scene started less than the minimum scene length
 * before the change.
 *
 * @param threshold       mean absolute difference on the 0-255 scale
 * @param minSceneSeconds shortest scene, in seconds
 * @param minChangedArea  fraction of the frame, 0 to 1, that must change for a frame to count as moving
 * @param minSceneArea    fraction of the frame, 0 to 1, that must differ from the keyframe for a new scene
 * @param settleFrames    consecutive still frames that end a change
 */
public record SceneDetector(double threshold, double minSceneSeconds, double minChangedArea, double minSceneArea,
                            int settleFrames) {

    /** Uses the upload's overrides where present and the configured defaults elsewhere. */
    public static SceneDetector of(SlicingParameters parameters, SlicerConfig config) {
        SlicingParameters overrides = parameters == null ? SlicingParameters.defaults() : parameters;
        return new SceneDetector(
                valueOr(overrides.threshold(), config.threshold()),
                valueOr(overrides.minSceneSeconds(), config.minScene().toNanos() / 1e9),
                valueOr(overrides.minChangedArea(), config.minChangedArea()),
                valueOr(overrides.minSceneArea(), config.minSceneArea()),
                overrides.settleFrames() != null ? overrides.settleFrames() : config.keyframe().settleFrames());
    }

    /**
     * @param motion                 mean absolute difference between the changed picture and the scene's keyframe
     * @param secondsSincePreviousCut time from the start of the current scene to the start of the change
     */
    public boolean isCut(double motion, double secondsSincePreviousCut) {
        return motion > threshold && secondsSincePreviousCut >= minSceneSeconds;
    }

    private static double valueOr(Double override, double fallback) {
        return override != null ? override : fallback;
    }
}

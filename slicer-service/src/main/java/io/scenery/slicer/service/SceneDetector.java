package io.scenery.slicer.service;

import io.scenery.events.SlicingParameters;
import io.scenery.slicer.config.SlicerConfig;

/**
 * Decides which frames start a new scene: those whose motion is above the threshold, unless the previous cut is
 * less than the minimum scene length ago.
 *
 * @param threshold       motion value on the 0-255 scale
 * @param minSceneSeconds shortest scene, in seconds
 */
public record SceneDetector(double threshold, double minSceneSeconds) {

    /** Uses the upload's overrides where present and the configured defaults elsewhere. */
    public static SceneDetector of(SlicingParameters parameters, SlicerConfig config) {
        double threshold = config.threshold();
        double minSceneSeconds = config.minScene().toNanos() / 1e9;
        if (parameters != null && parameters.threshold() != null) {
            threshold = parameters.threshold();
        }
        if (parameters != null && parameters.minSceneSeconds() != null) {
            minSceneSeconds = parameters.minSceneSeconds();
        }
        return new SceneDetector(threshold, minSceneSeconds);
    }

    /**
     * @param motion                 the frame's motion value
     * @param secondsSincePreviousCut time from the start of the current scene to this frame
     */
    public boolean isCut(double motion, double secondsSincePreviousCut) {
        return motion > threshold && secondsSincePreviousCut >= minSceneSeconds;
    }
}

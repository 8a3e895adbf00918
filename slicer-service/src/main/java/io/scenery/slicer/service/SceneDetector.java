package io.scenery.slicer.service;

import io.scenery.events.SlicingParameters;
import io.scenery.slicer.config.SlicerConfig;

/**
 * Decides which changes start a new scene: those whose settled picture differs from the current scene's keyframe by
 * a mean absolute difference above the threshold, unless the current scene started less than the minimum scene
 * length before the change.
 *
 * @param threshold       mean absolute difference on the 0-255 scale
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
     * @param motion                 mean absolute difference between the changed picture and the scene's keyframe
     * @param secondsSincePreviousCut time from the start of the current scene to the start of the change
     */
    public boolean isCut(double motion, double secondsSincePreviousCut) {
        return motion > threshold && secondsSincePreviousCut >= minSceneSeconds;
    }
}

package io.scenery.vlm.service;

import io.scenery.vlm.detection.DetectedElement;

import java.util.List;

/**
 * The elements found in one keyframe, with the keyframe's size in pixels and the vision-model usage it took.
 */
public record SceneDetection(int width, int height, List<DetectedElement> elements, long inputTokens,
                             long outputTokens, int modelAttempts) {
}

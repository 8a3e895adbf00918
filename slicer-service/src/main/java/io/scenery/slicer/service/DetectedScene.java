package io.scenery.slicer.service;

/**
 * One scene found in a video. Frame numbers count decoded frames from 0; seconds are presentation times from the
 * start of the stream.
 *
 * @param endFrame    last frame of the scene, inclusive
 * @param endSeconds  presentation time at which the next scene starts, or the end of the last decoded frame
 * @param motion      motion value of the cut that started the scene; 0 for the first scene
 * @param keyframeKey blob store key of the scene's JPEG keyframe
 * @param width       keyframe width in pixels, after display rotation
 * @param height      keyframe height in pixels, after display rotation
 */
public record DetectedScene(
        int sceneNumber,
        int startFrame,
        int endFrame,
        double startSeconds,
        double endSeconds,
        int keyframeFrame,
        double keyframeSeconds,
        double motion,
        String keyframeKey,
        int width,
        int height) {
}

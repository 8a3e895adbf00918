package io.scenery.slicer.rest;

import io.scenery.slicer.Scene;

import java.util.UUID;

/**
 * One scene as returned by the REST API.
 *
 * @param keyframeUrl path of the keyframe JPEG on this service
 */
public record SceneView(
        UUID sceneId,
        int sceneNumber,
        int startFrame,
        int endFrame,
        double startSeconds,
        double endSeconds,
        int keyframeFrame,
        double keyframeSeconds,
        double motion,
        String keyframeKey,
        String keyframeUrl,
        int width,
        int height) {

    static SceneView of(Scene scene) {
        return new SceneView(scene.id, scene.sceneNumber, scene.startFrame, scene.endFrame, scene.startSeconds,
                scene.endSeconds, scene.keyframeFrame, scene.keyframeSeconds, scene.motion, scene.keyframeKey,
                "/api/v1/scenes/" + scene.id + "/keyframe", scene.width, scene.height);
    }
}

package io.scenery.events;

import java.util.UUID;

/**
 * One scene as announced in {@link ScenesReady}.
 *
 * @param keyframeKey key of the scene's JPEG keyframe in the shared blob store
 */
public record SceneRef(UUID sceneId, int sceneNumber, String keyframeKey) {
}

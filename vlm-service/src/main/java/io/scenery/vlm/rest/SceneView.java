package io.scenery.vlm.rest;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;
import java.util.UUID;

/**
 * One analysed scene: its keyframe's key and size in pixels and the elements found in it, or the error that kept
 * it from being analysed (then without elements and with size 0).
 */
@RegisterForReflection
public record SceneView(UUID sceneId, int sceneNumber, String keyframeKey, int width, int height, String error,
                        List<ElementView> elements) {
}

package io.scenery.vlm.rest;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;
import java.util.UUID;

/** One analysed scene: its keyframe's key and size in pixels and the elements found in it. */
@RegisterForReflection
public record SceneView(UUID sceneId, int sceneNumber, String keyframeKey, int width, int height,
                        List<ElementView> elements) {
}

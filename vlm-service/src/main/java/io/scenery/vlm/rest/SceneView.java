package io.scenery.vlm.rest;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/**
 * One analysed scene: its keyframe's key and size in pixels and the elements found in it, or the error that kept
 * it from being analysed (then without elements and with size 0).
 */
@RegisterForReflection
@Schema(name = "Scene", description = "One analysed scene with the elements found in its keyframe")
public record SceneView(
        @Schema(example = "6c1f1f0e-2b7d-4c8e-9a51-3d2f4b6a7c10") UUID sceneId,
        @Schema(minimum = "1", example = "1") int sceneNumber,
        @Schema(description = "Key of the keyframe in the blob store", example = "keyframes/<taskId>/1.jpg")
        String keyframeKey,
        @Schema(description = "Keyframe width in pixels; 0 when the scene failed", example = "1280") int width,
        @Schema(description = "Keyframe height in pixels; 0 when the scene failed", example = "800") int height,
        @Schema(description = "Why the scene could not be analysed; null when it was") String error,
        List<ElementView> elements) {
}

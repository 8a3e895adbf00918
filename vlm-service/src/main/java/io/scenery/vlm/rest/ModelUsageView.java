package io.scenery.vlm.rest;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Vision-model usage of one analysis over all its scenes.
 *
 * @param inputTokens  prompt tokens the model reported
 * @param outputTokens reply tokens the model reported
 * @param calls        HTTP attempts made, retries included
 */
@RegisterForReflection
@Schema(name = "ModelUsage", description = "Vision-model usage of one analysis; all zero for the offline detector")
public record ModelUsageView(
        @Schema(example = "1200") long inputTokens,
        @Schema(example = "240") long outputTokens,
        @Schema(description = "HTTP attempts, retries included", example = "2") int calls) {
}

package io.scenery.vlm.rest;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Vision-model usage of one analysis over all its scenes.
 *
 * @param inputTokens  prompt tokens the model reported
 * @param outputTokens reply tokens the model reported
 * @param calls        HTTP attempts made, retries included
 */
@RegisterForReflection
public record ModelUsageView(long inputTokens, long outputTokens, int calls) {
}

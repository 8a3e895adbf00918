package io.scenery.vlm.rest;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A box in keyframe pixels; x and y are its top-left corner. */
@RegisterForReflection
public record BoxView(int x, int y, int width, int height) {
}

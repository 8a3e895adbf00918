package io.scenery.vlm.rest;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A box in keyframe pixels; x and y are its top-left corner. */
@RegisterForReflection
@Schema(name = "Box", description = "A box in pixels of the analysed keyframe or image; x and y are its top-left "
        + "corner")
public record BoxView(
        @Schema(required = true, minimum = "0", example = "80") int x,
        @Schema(required = true, minimum = "0", example = "330") int y,
        @Schema(required = true, minimum = "0", example = "162") int width,
        @Schema(required = true, minimum = "0", example = "50") int height) {
}

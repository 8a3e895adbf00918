package io.scenery.vlm.rest;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.scenery.events.DetectType;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The elements found in one uploaded image, with the image's size in pixels. */
@RegisterForReflection
@Schema(name = "Detection", description = "The elements found in one uploaded image")
public record DetectionView(
        @Schema(implementation = String.class, enumeration = {"control", "text", "all"}, example = "control")
        DetectType detectType,
        @Schema(description = "Image width in pixels", example = "1280") int width,
        @Schema(description = "Image height in pixels", example = "800") int height,
        List<ElementView> elements) {
}

package io.scenery.vlm.rest;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.scenery.events.DetectType;

import java.util.List;

/** The elements found in one uploaded image, with the image's size in pixels. */
@RegisterForReflection
public record DetectionView(DetectType detectType, int width, int height, List<ElementView> elements) {
}

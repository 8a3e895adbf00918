package io.scenery.vlm.vision;

/**
 * A keyframe as sent to the vision model: JPEG bytes and their size in pixels, and the factor from those pixels
 * back to keyframe pixels.
 */
public record ModelImage(byte[] jpeg, int width, int height, double toKeyframe) {
}

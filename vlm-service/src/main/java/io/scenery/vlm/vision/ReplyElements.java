package io.scenery.vlm.vision;

import io.scenery.vlm.detection.DetectedElement;

import java.util.List;

/**
 * The elements read from one model reply, with what validation did: elements dropped (no usable box, unknown type
 * or rejected), boxes clipped to the image, boxes read in another scale than configured, and whether the JSON was
 * cut off and repaired.
 */
public record ReplyElements(List<DetectedElement> elements, int dropped, int unknownTypes, int clipped,
                            boolean rescaled, boolean repaired) {
}

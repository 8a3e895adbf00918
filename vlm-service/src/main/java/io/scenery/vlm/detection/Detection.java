package io.scenery.vlm.detection;

import java.util.List;

/** The elements found in one image, with the vision-model tokens and calls it took (zero offline). */
public record Detection(List<DetectedElement> elements, long inputTokens, long outputTokens, int modelAttempts) {

    public static Detection offline(List<DetectedElement> elements) {
        return new Detection(elements, 0, 0, 0);
    }
}

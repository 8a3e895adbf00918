package io.scenery.vlm.detection;

import io.scenery.events.DetectType;

import java.util.List;

/**
 * Finds UI elements in one decoded image. Implementations: {@link OfflineElementDetector} (OpenCV and Tesseract,
 * no network); a vision-model detector and a hybrid of both are meant to implement this interface too.
 * Implementations must be safe to call from several threads at once.
 */
public interface ElementDetector {

    /**
     * Returns the elements of the requested kind: controls for {@link DetectType#CONTROL}, text for
     * {@link DetectType#TEXT}, both for {@link DetectType#ALL}. Boxes are in the image's pixels.
     */
    List<DetectedElement> detect(DecodedImage image, DetectType detectType);
}

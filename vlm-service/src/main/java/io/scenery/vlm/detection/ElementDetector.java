package io.scenery.vlm.detection;

import io.scenery.events.DetectType;

import java.util.List;

/**
 * Finds UI elements in one decoded image. Implementations: {@link OfflineElementDetector} (OpenCV and Tesseract,
 * no network), the vision-model detector and the hybrid of both in {@code io.scenery.vlm.vision}.
 * Implementations must be safe to call from several threads at once.
 */
public interface ElementDetector {

    /**
     * Returns the elements of the requested kind: controls for {@link DetectType#CONTROL}, text for
     * {@link DetectType#TEXT}, both for {@link DetectType#ALL}. Boxes are in the image's pixels.
     */
    List<DetectedElement> detect(DecodedImage image, DetectType detectType);

    /**
     * Like {@link #detect(DecodedImage, DetectType)}, with the vision-model usage it took.
     *
     * @param context what the image is, such as a task id and scene number, for logs and errors
     */
    default Detection detectWithUsage(DecodedImage image, DetectType detectType, String context) {
        return Detection.offline(detect(image, detectType));
    }
}

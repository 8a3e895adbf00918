package io.scenery.vlm.detection;

/**
 * One element found in an image.
 *
 * @param label       text shown on or in the element, or null when none was recognised
 * @param confidence  0 to 1; for image-processing results a fixed score per shape rule, not a probability
 * @param interactive whether a user is expected to act on the element (tap, type, toggle)
 */
public record DetectedElement(
        ElementType type,
        String label,
        BoundingBox box,
        double confidence,
        ElementSource source,
        boolean interactive) {

    public DetectedElement withLabel(String newLabel) {
        return new DetectedElement(type, newLabel, box, confidence, source, interactive);
    }

    public DetectedElement withBox(BoundingBox newBox) {
        return new DetectedElement(type, label, newBox, confidence, source, interactive);
    }

    public DetectedElement withType(ElementType newType, boolean newInteractive) {
        return new DetectedElement(newType, label, box, confidence, source, newInteractive);
    }
}

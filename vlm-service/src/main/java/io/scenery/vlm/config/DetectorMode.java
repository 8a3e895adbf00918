package io.scenery.vlm.config;

/** The {@code ElementDetector} implementation that runs. */
public enum DetectorMode {
    /** OpenCV contour analysis plus Tesseract OCR, without any network call. */
    OFFLINE,
    /** The configured vision model finds, types and labels the elements. */
    VLM,
    /** The offline boxes are drawn numbered on the image; the vision model types, labels or rejects them. */
    HYBRID
}

package io.scenery.vlm.config;

/** The {@code ElementDetector} implementation that runs. */
public enum DetectorMode {
    /** OpenCV contour analysis plus Tesseract OCR, without any network call. */
    OFFLINE
}

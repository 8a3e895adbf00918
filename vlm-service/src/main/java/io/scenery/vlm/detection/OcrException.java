package io.scenery.vlm.detection;

/** Raised when Tesseract cannot be initialised or fails on an image. */
public class OcrException extends RuntimeException {

    public OcrException(String message) {
        super(message);
    }
}

package io.scenery.vlm.detection;

/** Raised when bytes are not a PNG or JPEG image that OpenCV can decode. */
public class InvalidImageException extends Exception {

    public InvalidImageException(String message) {
        super(message);
    }
}

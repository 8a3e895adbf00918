package io.scenery.vlm.service;

/** Raised when a scene's keyframe is missing, cannot be read or is not a PNG or JPEG image. */
public class KeyframeUnreadableException extends Exception {

    public KeyframeUnreadableException(String message, Throwable cause) {
        super(message, cause);
    }
}

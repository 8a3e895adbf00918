package io.scenery.vlm.vision;

/** A vision-model reply that contains no readable JSON. */
public class InvalidReplyException extends RuntimeException {

    public InvalidReplyException(String message) {
        super(message);
    }
}

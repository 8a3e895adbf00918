package io.scenery.vlm.vision;

/** A vision-model reply that holds no readable JSON. */
public class InvalidReplyException extends RuntimeException {

    public InvalidReplyException(String message) {
        super(message);
    }
}

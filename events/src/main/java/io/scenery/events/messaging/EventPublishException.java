package io.scenery.events.messaging;

/** Raised when an event could not be handed to Kafka. */
public class EventPublishException extends RuntimeException {

    public EventPublishException(String message, Throwable cause) {
        super(message, cause);
    }
}

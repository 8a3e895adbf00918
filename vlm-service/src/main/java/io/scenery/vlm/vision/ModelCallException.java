package io.scenery.vlm.vision;

/**
 * A vision-model call failed for good: every attempt failed, the error was not retryable, or the circuit is open.
 * {@link #attempts()} counts the HTTP attempts it made, 0 when the circuit rejected it.
 */
public class ModelCallException extends RuntimeException {

    private final int attempts;

    public ModelCallException(String message, int attempts, Throwable cause) {
        super(message, cause);
        this.attempts = attempts;
    }

    public int attempts() {
        return attempts;
    }
}

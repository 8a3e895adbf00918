package io.scenery.slicer.service;

import java.util.Locale;

/** Raised when a video cannot be sliced because of what the file contains; the message is shown to the user. */
public class VideoRejectedException extends Exception {

    /** Cause of a rejection. */
    public enum Reason {
        INVALID_PARAMETERS,
        MISSING_FILE,
        EMPTY_FILE,
        NOT_A_VIDEO,
        NO_VIDEO_STREAM,
        NO_DECODABLE_FRAMES,
        TRUNCATED,
        DECODING_FAILED,
        TOO_MANY_DECODE_ERRORS,
        READ_STALLED,
        TOO_MANY_ATTEMPTS,
        RUN_TIME_EXCEEDED;

        /** Returns the reason as an error type for audit outcomes, for example {@code NoVideoStream}. */
        public String errorType() {
            StringBuilder type = new StringBuilder();
            for (String word : name().toLowerCase(Locale.ROOT).split("_")) {
                type.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
            return type.toString();
        }
    }

    private final Reason reason;

    public VideoRejectedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}

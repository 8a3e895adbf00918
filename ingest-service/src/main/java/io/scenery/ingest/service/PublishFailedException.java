package io.scenery.ingest.service;

import java.util.UUID;

/** Raised when an upload was stored and registered but its event could not be published; the task is FAILED. */
public class PublishFailedException extends RuntimeException {

    private final UUID taskId;

    public PublishFailedException(UUID taskId, String reason, Throwable cause) {
        super(reason, cause);
        this.taskId = taskId;
    }

    public UUID taskId() {
        return taskId;
    }
}

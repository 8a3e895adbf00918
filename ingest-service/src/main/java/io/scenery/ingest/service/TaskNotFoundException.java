package io.scenery.ingest.service;

import java.util.UUID;

/** Raised when no task has the requested id. */
public class TaskNotFoundException extends RuntimeException {

    private final UUID taskId;

    public TaskNotFoundException(UUID taskId) {
        super("task " + taskId + " not found; use the taskId that POST /api/v1/videos returned");
        this.taskId = taskId;
    }

    public UUID taskId() {
        return taskId;
    }
}

package io.scenery.ingest.service;

import io.scenery.ingest.TaskStatus;

import java.util.UUID;

/** Raised when an action does not apply to a task in its current status, such as cancelling a finished task. */
public class TaskConflictException extends RuntimeException {

    private final UUID taskId;
    private final TaskStatus status;

    public TaskConflictException(UUID taskId, TaskStatus status, String message) {
        super(message);
        this.taskId = taskId;
        this.status = status;
    }

    public UUID taskId() {
        return taskId;
    }

    public TaskStatus status() {
        return status;
    }
}

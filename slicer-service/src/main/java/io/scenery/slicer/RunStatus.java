package io.scenery.slicer;

/** State of a task's slicing run; every state but RUNNING is terminal. */
public enum RunStatus {
    RUNNING,
    COMPLETED,
    FAILED,
    CANCELLED
}

package io.scenery.vlm;

/** The state of one analysis of one task. */
public enum AnalysisStatus {
    PENDING,
    RUNNING,
    COMPLETED,
    FAILED,
    /** Stopped because the task's cancel flag was set in Redis. */
    CANCELLED
}

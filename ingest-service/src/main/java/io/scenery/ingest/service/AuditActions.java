package io.scenery.ingest.service;

/** Audit action names that ingest-service records. */
public final class AuditActions {

    public static final String UPLOAD_ACCEPTED = "upload.accepted";
    public static final String TASK_CANCELLED = "task.cancelled";
    public static final String TASK_TIMED_OUT = "task.timed-out";

    private AuditActions() {
    }
}

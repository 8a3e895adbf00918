package io.scenery.ingest.service;

/** Audit action names and actors that ingest-service records. */
public final class AuditActions {

    public static final String UPLOAD_ACCEPTED = "upload.accepted";
    public static final String TASK_CANCELLED = "task.cancelled";
    public static final String TASK_TIMED_OUT = "task.timed-out";

    /** Actor of REST calls: the API has no authentication yet. */
    public static final String ANONYMOUS = "anonymous";

    private AuditActions() {
    }
}

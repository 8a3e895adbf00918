package io.scenery.ingest.service;

import io.scenery.events.audit.TrailActions;

/** Audit action names that ingest-service records. */
public final class AuditActions {

    public static final String UPLOAD_ACCEPTED = TrailActions.UPLOAD_ACCEPTED;
    public static final String TASK_CANCELLED = "task.cancelled";
    public static final String TASK_TIMED_OUT = "task.timed-out";

    private AuditActions() {
    }
}

package io.scenery.events.audit;

/** Audit action names that more than one service refers to. */
public final class TrailActions {

    /** ingest-service accepted an upload and created its task; the first event of every task's trail. */
    public static final String UPLOAD_ACCEPTED = "upload.accepted";

    /** audit-service stored the first event of a task's trail; one per task, recorded by audit-service itself. */
    public static final String TRAIL_OPENED = "audit.trail-opened";

    private TrailActions() {
    }
}

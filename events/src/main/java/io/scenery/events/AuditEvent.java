package io.scenery.events;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One recorded action, published on {@value Topics#AUDIT_EVENTS} by every service and stored by audit-service.
 *
 * @param eventId        unique id; audit-service stores each id once
 * @param traceId        OpenTelemetry trace id of the span that was current, or null
 * @param service        the publishing service, for example {@code slicer-service}
 * @param action         what happened, for example {@code slicing.finished}
 * @param actor          the authenticated principal, or {@code system} for work driven by events
 * @param target         the task or video id acted on
 * @param outcome        {@code success} or {@code failed:<ErrorType>}
 * @param durationMicros how long the action took, in microseconds
 */
public record AuditEvent(
        int schemaVersion,
        UUID eventId,
        String traceId,
        String service,
        String action,
        String actor,
        String target,
        String outcome,
        long durationMicros,
        Map<String, String> attributes,
        Instant timestamp) {

    public static final int SCHEMA_VERSION = 1;
    public static final String SUCCESS = "success";
    public static final String SYSTEM_ACTOR = "system";

    public static String failed(Throwable error) {
        return "failed:" + error.getClass().getSimpleName();
    }

    public static String failed(String errorType) {
        return "failed:" + errorType;
    }
}

package io.scenery.audit.repository;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One row of audit.audit_event as the query endpoint returns it. */
@RegisterForReflection
@Schema(name = "AuditEvent", description = "An audit event as stored by audit-service")
public record StoredAuditEvent(
        UUID eventId,
        @Schema(description = "OpenTelemetry trace id, or null") String traceId,
        @Schema(description = "Publishing service, for example slicer-service") String service,
        @Schema(description = "What happened, for example slicing.finished") String action,
        @Schema(description = "Authenticated principal, or system") String actor,
        @Schema(description = "Task or video id acted on") String target,
        @Schema(description = "success or failed:<ErrorType>") String outcome,
        @Schema(description = "Duration of the action, in microseconds") long durationMicros,
        Map<String, String> attributes,
        @Schema(description = "When the action happened, as reported by the publisher") Instant occurredAt,
        @Schema(description = "When audit-service stored the event") Instant receivedAt) {

    public EventPosition position() {
        return new EventPosition(occurredAt, eventId);
    }
}

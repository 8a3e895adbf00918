package io.scenery.audit.rest;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.scenery.audit.repository.StoredAuditEvent;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** One page of audit events. */
@RegisterForReflection
@Schema(name = "AuditEventPage", description = "One page of audit events ordered by (occurredAt, eventId)")
public record AuditEventPage(
        List<StoredAuditEvent> items,
        @Schema(description = "Pass as 'after' to read the next page. Null on the last page", nullable = true)
        String nextCursor) {
}

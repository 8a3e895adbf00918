package io.scenery.audit.repository;

import java.time.Instant;
import java.util.UUID;

/** Position of one stored event in the query order (occurred_at, event_id), after which the next page starts. */
public record EventPosition(Instant occurredAt, UUID eventId) {
}

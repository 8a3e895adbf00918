package io.scenery.audit.service;

import io.scenery.events.AuditEvent;
import io.scenery.events.audit.TrailActions;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * audit-service's own event in each task's trail: {@value TrailActions#TRAIL_OPENED}, derived when the task's
 * {@value TrailActions#UPLOAD_ACCEPTED} event is stored and stored in the same transaction. It carries the upload's
 * trace id, so a query by task shows audit-service beside the services that did the work. The receipt's event id is
 * a name-based UUID of the upload event's id, so a redelivered upload event derives the same id and the receipt is
 * stored once. Receipts go to the database only, not to the audit-events topic.
 */
@ApplicationScoped
public class TrailReceipts {

    private final String serviceName;

    public TrailReceipts(@ConfigProperty(name = "quarkus.application.name") String serviceName) {
        this.serviceName = serviceName;
    }

    /** Returns one receipt for every upload event among {@code events}, in their order. */
    public List<AuditEvent> receiptsFor(List<AuditEvent> events) {
        Instant now = Instant.now();
        return events.stream()
                .filter(TrailReceipts::opensTrail)
                .map(upload -> receipt(upload, now))
                .toList();
    }

    /** Returns the receipt's event id for the upload event with this id. */
    public static UUID receiptId(UUID uploadEventId) {
        String name = TrailActions.TRAIL_OPENED + ":" + uploadEventId;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean opensTrail(AuditEvent event) {
        return TrailActions.UPLOAD_ACCEPTED.equals(event.action()) && event.target() != null;
    }

    private AuditEvent receipt(AuditEvent upload, Instant now) {
        long lagMicros = Math.max(0, Duration.between(upload.timestamp(), now).toNanos() / 1_000);
        Map<String, String> attributes = Map.of(
                "uploadEventId", upload.eventId().toString(),
                "uploadService", upload.service(),
                "deliveryLagMicros", Long.toString(lagMicros));
        return new AuditEvent(AuditEvent.SCHEMA_VERSION, receiptId(upload.eventId()), upload.traceId(), serviceName,
                TrailActions.TRAIL_OPENED, AuditEvent.SYSTEM_ACTOR, upload.target(), AuditEvent.SUCCESS, 0,
                attributes, now);
    }
}

package io.scenery.audit.repository;

import java.time.Instant;

/**
 * Conditions of an audit query. A null field matches every row.
 *
 * @param target        exact target (task or video id)
 * @param occurredFrom  inclusive lower bound of occurred_at
 * @param occurredUntil exclusive upper bound of occurred_at
 */
public record AuditEventFilter(
        String target,
        String traceId,
        String action,
        String service,
        String outcome,
        Instant occurredFrom,
        Instant occurredUntil) {
}

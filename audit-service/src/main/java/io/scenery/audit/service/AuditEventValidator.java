package io.scenery.audit.service;

import io.scenery.events.AuditEvent;

import java.util.Map;

/** Checks that an audit event carries what the audit.audit_event table requires. */
final class AuditEventValidator {

    private AuditEventValidator() {
    }

    /** Returns why the event cannot be stored, or null when it can. */
    static String problem(AuditEvent event) {
        if (event.eventId() == null) {
            return "eventId is missing";
        }
        if (isBlank(event.service())) {
            return "service is missing or blank in event " + event.eventId();
        }
        if (isBlank(event.action())) {
            return "action is missing or blank in event " + event.eventId();
        }
        if (isBlank(event.outcome())) {
            return "outcome is missing or blank in event " + event.eventId();
        }
        if (event.timestamp() == null) {
            return "timestamp is missing in event " + event.eventId();
        }
        if (containsNul(event)) {
            // PostgreSQL text and jsonb values cannot contain the NUL character (U+0000).
            return "event " + event.eventId() + " contains a NUL character (U+0000), which PostgreSQL cannot store";
        }
        return null;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static boolean containsNul(AuditEvent event) {
        if (hasNul(event.traceId()) || hasNul(event.service()) || hasNul(event.action()) || hasNul(event.actor())
                || hasNul(event.target()) || hasNul(event.outcome())) {
            return true;
        }
        if (event.attributes() == null) {
            return false;
        }
        for (Map.Entry<String, String> attribute : event.attributes().entrySet()) {
            if (hasNul(attribute.getKey()) || hasNul(attribute.getValue())) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasNul(String value) {
        return value != null && value.indexOf('\u0000') >= 0;
    }
}

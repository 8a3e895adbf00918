package io.scenery.audit.repository;

import io.scenery.events.AuditEvent;
import org.postgresql.PGConnection;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;

/**
 * Inserts a batch of audit events with PostgreSQL's {@code COPY}, which parses rows much faster than INSERT
 * statements. COPY has no ON CONFLICT clause: {@link #insertNew} copies straight into the table and fails on an event
 * id that is stored already, and {@link #insertSkippingStored} copies into a session-local staging table and moves
 * the rows on with {@code INSERT ... SELECT ... ON CONFLICT (event_id) DO NOTHING}. The caller owns the transaction.
 */
final class AuditEventCopy {

    private static final String COLUMNS = "event_id, trace_id, service, action, actor, target, outcome, "
            + "duration_micros, attributes, occurred_at";

    // ON COMMIT DELETE ROWS empties the table at the end of each transaction, so a pooled connection that runs
    // another batch later starts with an empty staging table.
    private static final String CREATE_STAGING = "CREATE TEMPORARY TABLE IF NOT EXISTS audit_event_staging "
            + "(LIKE audit.audit_event INCLUDING DEFAULTS) ON COMMIT DELETE ROWS";
    private static final String COPY_STAGING = "COPY audit_event_staging (" + COLUMNS + ") FROM STDIN (FORMAT csv)";
    private static final String COPY_TABLE = "COPY audit.audit_event (" + COLUMNS + ") FROM STDIN (FORMAT csv)";
    private static final String MOVE = "INSERT INTO audit.audit_event (" + COLUMNS + ") SELECT " + COLUMNS
            + " FROM audit_event_staging ON CONFLICT (event_id) DO NOTHING";

    private AuditEventCopy() {
    }

    /**
     * Copies the events straight into audit.audit_event.
     *
     * @throws SQLException with SQLState 23505 (unique violation) when an event id is stored already or occurs twice
     */
    static void insertNew(Connection connection, List<AuditEvent> events,
                          Function<AuditEvent, String> attributesJson) throws SQLException {
        copy(connection, COPY_TABLE, events, attributesJson);
    }

    /** Copies the events into audit.audit_event, skipping those whose event id is stored already. */
    static void insertSkippingStored(Connection connection, List<AuditEvent> events,
                                     Function<AuditEvent, String> attributesJson) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(CREATE_STAGING);
        }
        copy(connection, COPY_STAGING, events, attributesJson);
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate(MOVE);
        }
    }

    private static void copy(Connection connection, String copySql, List<AuditEvent> events,
                             Function<AuditEvent, String> attributesJson) throws SQLException {
        StringBuilder csv = new StringBuilder(events.size() * 256);
        for (AuditEvent event : events) {
            appendRow(csv, event, attributesJson.apply(event));
        }
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql, new StringReader(csv.toString()));
        } catch (IOException e) {
            // The reader is in memory, so an IOException here comes from the connection.
            throw new SQLException("COPY of audit events failed: " + e.getMessage(), "08006", e);
        }
    }

    private static void appendRow(StringBuilder csv, AuditEvent event, String attributes) {
        appendField(csv, event.eventId() == null ? null : event.eventId().toString());
        csv.append(',');
        appendField(csv, event.traceId());
        csv.append(',');
        appendField(csv, event.service());
        csv.append(',');
        appendField(csv, event.action());
        csv.append(',');
        appendField(csv, event.actor());
        csv.append(',');
        appendField(csv, event.target());
        csv.append(',');
        appendField(csv, event.outcome());
        csv.append(',');
        csv.append(event.durationMicros());
        csv.append(',');
        appendField(csv, attributes);
        csv.append(',');
        appendField(csv, event.timestamp() == null ? null : DateTimeFormatter.ISO_INSTANT.format(event.timestamp()));
        csv.append('\n');
    }

    /**
     * Appends a CSV field. A null becomes an unquoted empty field, which COPY reads as NULL; any other value is quoted
     * with its quotes doubled, so an empty string stays an empty string and commas or newlines need no other escape.
     */
    private static void appendField(StringBuilder csv, String value) {
        if (value == null) {
            return;
        }
        csv.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                csv.append('"');
            }
            csv.append(c);
        }
        csv.append('"');
    }
}

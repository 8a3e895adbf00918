package io.scenery.audit.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.scenery.events.AuditEvent;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads and writes audit.audit_event with plain JDBC. Every method runs its own transaction and blocks, so call it
 * from a worker thread only.
 */
@ApplicationScoped
public class AuditEventRepository {

    private static final String UNIQUE_VIOLATION = "23505";

    private static final String SELECT = """
            SELECT event_id, trace_id, service, action, actor, target, outcome, duration_micros, attributes::text,
                   occurred_at, received_at
            FROM audit.audit_event""";

    private static final String DELETE_OLDEST = """
            DELETE FROM audit.audit_event
            WHERE event_id IN (SELECT event_id FROM audit.audit_event WHERE occurred_at < ? LIMIT ?)""";

    private static final TypeReference<Map<String, String>> ATTRIBUTES = new TypeReference<>() {
    };

    private final AgroalDataSource dataSource;
    private final ObjectMapper objectMapper;

    public AuditEventRepository(AgroalDataSource dataSource, ObjectMapper objectMapper) {
        this.dataSource = dataSource;
        this.objectMapper = objectMapper;
    }

    /**
     * Inserts the events with COPY and commits them before returning. Events whose id is already stored are skipped,
     * so redelivered records are stored once. Most batches contain only new events and are copied straight into
     * the table. A batch that meets a stored id is rolled back and copied again through a staging table that skips it.
     */
    public void insertAll(List<AuditEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                insertInTransaction(connection, events);
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    private void insertInTransaction(Connection connection, List<AuditEvent> events) throws SQLException {
        try {
            AuditEventCopy.insertNew(connection, events, event -> writeAttributes(event.attributes()));
            connection.commit();
            return;
        } catch (SQLException e) {
            connection.rollback();
            if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw e;
            }
        } catch (RuntimeException e) {
            connection.rollback();
            throw e;
        }

        try {
            AuditEventCopy.insertSkippingStored(connection, events, event -> writeAttributes(event.attributes()));
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
    }

    /**
     * Returns up to {@code limit} events that match the filter, ordered by (occurred_at, event_id) and starting after
     * the given position, or at the first event when it is null.
     */
    public List<StoredAuditEvent> find(AuditEventFilter filter, EventPosition after, int limit) throws SQLException {
        List<String> conditions = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        addEquals(conditions, parameters, "target", filter.target());
        addEquals(conditions, parameters, "trace_id", filter.traceId());
        addEquals(conditions, parameters, "action", filter.action());
        addEquals(conditions, parameters, "service", filter.service());
        addEquals(conditions, parameters, "outcome", filter.outcome());
        if (filter.occurredFrom() != null) {
            conditions.add("occurred_at >= ?");
            parameters.add(toOffsetDateTime(filter.occurredFrom()));
        }
        if (filter.occurredUntil() != null) {
            conditions.add("occurred_at < ?");
            parameters.add(toOffsetDateTime(filter.occurredUntil()));
        }
        if (after != null) {
            // A row-value comparison, so PostgreSQL can walk the (occurred_at, event_id) index.
            conditions.add("(occurred_at, event_id) > (?, ?)");
            parameters.add(toOffsetDateTime(after.occurredAt()));
            parameters.add(after.eventId());
        }

        StringBuilder sql = new StringBuilder(SELECT);
        if (!conditions.isEmpty()) {
            sql.append(" WHERE ").append(String.join(" AND ", conditions));
        }
        sql.append(" ORDER BY occurred_at, event_id LIMIT ?");
        parameters.add(limit);

        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < parameters.size(); i++) {
                query.setObject(i + 1, parameters.get(i));
            }
            List<StoredAuditEvent> events = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    events.add(readRow(rows));
                }
            }
            return events;
        }
    }

    /** Deletes at most {@code maxRows} events that occurred before the cutoff and returns how many it deleted. */
    public int deleteOccurredBefore(Instant cutoff, int maxRows) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement(DELETE_OLDEST)) {
            delete.setObject(1, toOffsetDateTime(cutoff));
            delete.setInt(2, maxRows);
            return delete.executeUpdate();
        }
    }

    private StoredAuditEvent readRow(ResultSet rows) throws SQLException {
        return new StoredAuditEvent(
                rows.getObject(1, UUID.class),
                rows.getString(2),
                rows.getString(3),
                rows.getString(4),
                rows.getString(5),
                rows.getString(6),
                rows.getString(7),
                rows.getLong(8),
                readAttributes(rows.getString(9)),
                rows.getObject(10, OffsetDateTime.class).toInstant(),
                rows.getObject(11, OffsetDateTime.class).toInstant());
    }

    private static void addEquals(List<String> conditions, List<Object> parameters, String column, String value) {
        if (value != null) {
            conditions.add(column + " = ?");
            parameters.add(value);
        }
    }

    private String writeAttributes(Map<String, String> attributes) {
        try {
            return objectMapper.writeValueAsString(attributes == null ? Map.of() : attributes);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("attributes cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private Map<String, String> readAttributes(String json) {
        try {
            return objectMapper.readValue(json, ATTRIBUTES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored attributes are not a JSON object of strings: " + json, e);
        }
    }

    private static OffsetDateTime toOffsetDateTime(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}

package io.scenery.audit;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/** Counts rows of audit.audit_event directly, independent of the query endpoint. */
final class AuditRows {

    private final DataSource dataSource;

    AuditRows(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    int countByTarget(String target) {
        return count("SELECT count(*) FROM audit.audit_event WHERE target = ?", target);
    }

    int countByEventId(UUID eventId) {
        return count("SELECT count(*) FROM audit.audit_event WHERE event_id = ?", eventId);
    }

    private int count(String sql, Object parameter) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(sql)) {
            query.setObject(1, parameter);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("audit rows not countable: " + e.getMessage(), e);
        }
    }
}
